import type { StoreApi } from 'zustand/vanilla'
import type { KeptCertificate } from '../../shared/contract'
import type { ParseResult, ParsedCertificate } from '../../shared/pki/parsed'
import type { KeptParse } from '../workers/pki-calls'
import type { LibraryEntry, LoadedCertificate } from './certs-slice'
import type { LabState } from './types'

// The workbench library's parsed details, kept beside the store: certificates are read by the
// parse worker (a CertificateReader), remembered by PEM text, and handed to the panes through
// memoised selectors. Split from certs-slice.ts, which holds what the user does with them.

export type { KeptParse }
/** Reads certificates off the main thread: the parse worker (renderer/workers/pki-client.ts). */
export interface CertificateReader {
  /** Saved PEMs, each on its own. */
  readKept(pems: string[]): Promise<KeptParse[]>
  /** Router export blocks, each on its own. */
  parseEach(texts: string[]): Promise<ParseResult[]>
}

/** PEMs per request to the reader: the library fills in steps, each small enough to draw quickly. */
const READ_BATCH = 50

// Parsed details are memoised by PEM text (a rename must not parse again) and the entry list by
// the identity of the certificates array and the cache's revision, so that selectors stay
// referentially stable for React. Certificates come into the cache from the parse worker only:
// what the user pastes or opens is parsed there once (intake remembers it), and saved
// certificates are read there at start-up, so no selector parses on the main thread (300
// certificates froze it for over a second), and the main bundle holds no parser.
const parseCache = new Map<string, KeptParse>()
let cacheRevision = 0
let lastList: readonly KeptCertificate[] | undefined
let lastRevision = -1
let lastEntries: LibraryEntry[] = []
let lastLoaded: LoadedCertificate[] = []
let reader: { read: CertificateReader; changed(): void } | undefined
const reading = new Set<string>()
// Each kept entry keeps its LibraryEntry object while neither it nor its parse changes, so that
// adding one certificate to hundreds redraws one memoised row, not all of them.
const entryOf = new WeakMap<KeptCertificate, { parsed: KeptParse; entry: LibraryEntry }>()

function entryFor(kept: KeptCertificate, parsed: KeptParse): LibraryEntry {
  const known = entryOf.get(kept)
  if (known?.parsed === parsed) return known.entry
  const entry: LibraryEntry = 'cert' in parsed ? { kept, cert: parsed.cert } : { kept, error: parsed.error }
  entryOf.set(kept, { parsed, entry })
  return entry
}

/** A certificate parsed at intake: its details need not be read again. */
export function remember(cert: ParsedCertificate): void {
  if (parseCache.has(cert.pem)) return
  parseCache.set(cert.pem, { cert })
  cacheRevision += 1
}

/**
 * Selectors from now on take certificate details from `read` and leave out entries it has not
 * answered yet; each answer bumps `certificatesParsed` of `store` so the panes draw again. The
 * page attaches the parse worker (main.tsx); tests attach their own (detaching restores the last).
 * Without a reader nothing is parsed: the store never runs the parser on the main thread.
 */
export function attachCertificateReader(store: StoreApi<LabState>, read: CertificateReader): () => void {
  const attached = { read, changed: () => store.setState((s) => ({ certificatesParsed: s.certificatesParsed + 1 })) }
  const previous = reader
  reader = attached
  return () => {
    if (reader === attached) reader = previous
  }
}

/** Router export blocks, each read on its own by the attached reader. */
export function parseRouterBlocks(texts: string[]): Promise<ParseResult[]> {
  if (!reader) return Promise.reject(new Error('no certificate reader is running.'))
  return reader.read.parseEach(texts)
}

function readInBackground(pems: string[]): void {
  const current = reader
  if (!current) return
  const wanted = pems.filter((pem) => !reading.has(pem))
  for (let i = 0; i < wanted.length; i += READ_BATCH) {
    const batch = wanted.slice(i, i + READ_BATCH)
    for (const pem of batch) reading.add(pem)
    current.read.readKept(batch).then(
      (results) => {
        batch.forEach((pem, j) => {
          reading.delete(pem)
          const result = results[j]
          if (result && !parseCache.has(pem)) parseCache.set(pem, result)
        })
        cacheRevision += 1
        current.changed()
      },
      () => {
        // Cancelled (the user stopped a long read) or the worker died: ask again a little later.
        for (const pem of batch) reading.delete(pem)
        setTimeout(() => current.changed(), 1000)
      },
    )
  }
}

/** Parses kept beyond the current list before the cache is pruned (removed entries, renames). */
const CACHE_SLACK = 64

function refresh(list: readonly KeptCertificate[]): void {
  if (list === lastList && lastRevision === cacheRevision) return
  const missing: string[] = []
  const entries: LibraryEntry[] = []
  for (const kept of list) {
    const parsed = parseCache.get(kept.pem)
    if (!parsed) {
      missing.push(kept.pem)
      continue
    }
    entries.push(entryFor(kept, parsed))
  }
  lastEntries = entries
  lastLoaded = lastEntries.filter((e): e is LoadedCertificate => e.cert !== undefined)
  // Pruned only when it has grown well past the list: a selector asked about another list (an
  // older snapshot, a second caller) must not drop a parse the current list needs, or that entry
  // would wait for the worker to read it again, and again, while the two alternate.
  if (parseCache.size > 2 * list.length + CACHE_SLACK) {
    const wanted = new Set(list.map((k) => k.pem))
    for (const pem of parseCache.keys()) if (!wanted.has(pem)) parseCache.delete(pem)
  }
  lastList = list
  lastRevision = cacheRevision
  if (missing.length > 0) readInBackground(missing)
}

/** Every kept certificate with its parsed details (or why it cannot be read). Stable between changes. */
export function selectLibrary(state: { readonly certificates: readonly KeptCertificate[] }): LibraryEntry[] {
  refresh(state.certificates)
  return lastEntries
}

/** The kept certificates that parse. Stable between changes. */
export function selectLoadedCertificates(state: { readonly certificates: readonly KeptCertificate[] }): LoadedCertificate[] {
  refresh(state.certificates)
  return lastLoaded
}

export function selectSelectedCertificate(state: Pick<LabState, 'certificates' | 'selectedCertificateId'>): LibraryEntry | undefined {
  const id = state.selectedCertificateId
  return id === undefined ? undefined : selectLibrary(state).find((e) => e.kept.id === id)
}
