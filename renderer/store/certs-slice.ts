import type { StateCreator } from 'zustand/vanilla'
import { KEPT_CERTIFICATE_PEM_MAX, MAX_KEPT_CERTIFICATES, type KeptCertificate, type Payload } from '../../shared/contract'
import { matchPrintedFingerprints, type SectionMatch } from '../../shared/pki/parsed'
import type { InputProblem, KeyBlockInfo, ParseResult, ParsedCertificate } from '../../shared/pki/parsed'
import { cleanName, entryName, keptId, roleFromLabel } from './cert-naming'
import { parseRouterBlocks, remember, selectLibrary, selectLoadedCertificates } from './certs-library'
import type { LabState } from './types'

export type RouterFingerprint = Payload<'session.fingerprints'>['fingerprints'][number]
export type RouterCertificates = Payload<'session.certificates'>

/** A kept certificate with its parsed details. */
export interface LoadedCertificate {
  readonly kept: KeptCertificate
  readonly cert: ParsedCertificate
}
/** A kept entry whose PEM no longer parses (an edited state file): shown, never exported. */
export interface BrokenCertificate {
  readonly kept: KeptCertificate
  readonly cert?: undefined
  readonly error: string
}
export type LibraryEntry = LoadedCertificate | BrokenCertificate

/** What the last paste, file or router export added, and everything the parser said about it. */
export interface IntakeReport {
  readonly serial: number
  /** `Paste`, a file name, `Router export of SecureCFB`. */
  readonly source: string
  readonly added: string[]
  /** Names of library entries the input repeated. */
  readonly duplicates: string[]
  readonly problems: InputProblem[]
  /** Key blocks seen: listed, never kept and never exported. */
  readonly keys: KeyBlockInfo[]
}

/** The latest fingerprints a session printed (crypto pki authenticate, show … verbose). */
export interface RouterFingerprintReport {
  readonly sessionId: string
  readonly fingerprints: RouterFingerprint[]
  readonly context: string
  readonly receivedAt: string
  /** The router is waiting at `% Do you accept this certificate? [yes/no]:` for these fingerprints. */
  readonly asking: boolean
}

/** The router's clock as `show clock` last printed it. Runtime only. */
export interface RouterClockReading {
  readonly sessionId: string
  readonly text: string
  /** Router UTC minus this computer's time when the line arrived; unknown for a local zone name. */
  readonly offsetMs?: number
  readonly authoritative: boolean
}

/** The router's clock now (carried forward from the last `show clock`), when known. */
export function routerNow(reading: RouterClockReading | undefined, now: Date = new Date()): Date | undefined {
  return reading?.offsetMs === undefined ? undefined : new Date(now.getTime() + reading.offsetMs)
}

export { MAX_KEPT_CERTIFICATES }
export {
  attachCertificateReader,
  selectLibrary,
  selectLoadedCertificates,
  selectSelectedCertificate,
  type CertificateReader,
  type KeptParse,
} from './certs-library'

/** The certificate workbench's library. Persisted as PEM; details are parsed again on load. */
export interface CertsSlice {
  certificates: KeptCertificate[]
  /** Runtime only (not persisted): the entry whose details are shown. */
  selectedCertificateId?: string
  /** Runtime only: entries ticked for the PEM bundle and the CUCM upload set. */
  markedCertificateIds: string[]
  /** Runtime only: bumped when the parse worker has read more saved certificates (re-renders the library). */
  certificatesParsed: number
  intakeReport?: IntakeReport
  routerFingerprints?: RouterFingerprintReport
  routerClock?: RouterClockReading
  routerClockSeen(payload: Payload<'session.clock'>): void
  setCertificates(certificates: KeptCertificate[]): void
  /** Adds every certificate of a parse result (pasted text, a file); duplicates are reported, not added. */
  addParsedCertificates(result: ParseResult, source: string): IntakeReport
  /**
   * `session.certificates`: the router printed `crypto pki export … pem terminal`. Read in the
   * parse worker; never rejects (a failed read is a problem in the report).
   */
  routerCertificatesArrived(payload: RouterCertificates): Promise<IntakeReport>
  routerFingerprintsSeen(payload: Payload<'session.fingerprints'>): void
  removeCertificate(id: string): void
  renameCertificate(id: string, name: string): boolean
  clearCertificates(): void
  selectCertificate(id: string | undefined): void
  toggleMarked(id: string): void
  dismissIntakeReport(): void
}

let reportSerial = 0

interface Incoming {
  cert: ParsedCertificate
  role?: string
}

export const createCertsSlice: StateCreator<LabState, [], [], CertsSlice> = (set, get) => {
  function intake(incoming: Incoming[], problems: InputProblem[], keys: KeyBlockInfo[], source: string): IntakeReport {
    const state = get()
    // By our id and by fingerprint: entries another pane kept may use ids of their own.
    const known = new Map<string, { id: string; name: string }>()
    // Entries the worker is still reading are known by id until their details arrive.
    for (const kept of state.certificates) known.set(kept.id, kept)
    for (const entry of selectLibrary(state)) {
      known.set(entry.kept.id, entry.kept)
      if (entry.cert) known.set(keptId(entry.cert), entry.kept)
    }
    const addedAt = new Date().toISOString()
    const kept: KeptCertificate[] = []
    const duplicates: string[] = []
    const extra: InputProblem[] = []
    let firstId: string | undefined
    for (const { cert, role } of incoming) {
      const id = keptId(cert)
      const existing = known.get(id)
      firstId ??= existing?.id ?? id
      if (existing !== undefined) {
        duplicates.push(existing.name)
        continue
      }
      const name = entryName(cert, role)
      if (cert.pem.length > KEPT_CERTIFICATE_PEM_MAX) {
        // The same limit as the saved state's: accepting it here would make it unsavable.
        extra.push({
          severity: 'error',
          code: 'too-large',
          message: `${name} was not added: its PEM is ${Math.ceil(cert.pem.length / 1024)} KiB and the workbench keeps certificates up to ${KEPT_CERTIFICATE_PEM_MAX / 1024} KiB.`,
        })
        continue
      }
      if (state.certificates.length + kept.length >= MAX_KEPT_CERTIFICATES) {
        extra.push({
          severity: 'error',
          code: 'too-many',
          message: `${name} was not added: the workbench keeps at most ${MAX_KEPT_CERTIFICATES} certificates; remove some first.`,
        })
        continue
      }
      known.set(id, { id, name })
      remember(cert)
      kept.push({ id, name, ...(role ? { role } : {}), pem: cert.pem, addedAt })
    }
    const report: IntakeReport = {
      serial: ++reportSerial,
      source,
      added: kept.map((k) => k.name),
      duplicates,
      problems: [...problems, ...extra],
      keys,
    }
    set((s) => ({
      certificates: kept.length ? [...s.certificates, ...kept] : s.certificates,
      intakeReport: report,
      ...(firstId ? { selectedCertificateId: kept[0]?.id ?? firstId } : {}),
    }))
    return report
  }

  return {
    certificates: [],
    markedCertificateIds: [],
    certificatesParsed: 0,
    setCertificates(certificates) {
      set({ certificates })
    },
    addParsedCertificates(result, source) {
      const incoming = result.certificates.map((cert) => {
        const role = roleFromLabel(cert.roleLabel)
        return role ? { cert, role } : { cert }
      })
      return intake(incoming, result.problems, result.keys, source)
    },
    async routerCertificatesArrived({ trustpoint, blocks }) {
      const source = trustpoint ? `Router export of ${trustpoint}` : 'Router export'
      const incoming: Incoming[] = []
      const problems: InputProblem[] = []
      const keys: KeyBlockInfo[] = []
      let results: ParseResult[]
      try {
        results = await parseRouterBlocks(blocks.map((b) => b.pem))
      } catch (err) {
        const message = `The router export could not be read: ${err instanceof Error ? err.message : String(err)}`
        return intake([], [{ severity: 'error', code: 'no-certificate', message }], [], source)
      }
      blocks.forEach((block, i) => {
        const r = results[i] ?? { certificates: [], keys: [], problems: [] }
        const role = roleFromLabel(block.label)
        for (const cert of r.certificates) incoming.push(role ? { cert, role } : { cert })
        keys.push(...r.keys)
        for (const p of r.problems) problems.push({ ...p, message: `${block.label} (block ${i + 1} of the export): ${p.message}` })
      })
      return intake(incoming, problems, keys, source)
    },
    routerClockSeen({ id, text, utcMs, authoritative, observedAt }) {
      set({ routerClock: { sessionId: id, text, authoritative, ...(utcMs !== undefined ? { offsetMs: utcMs - observedAt } : {}) } })
    },
    routerFingerprintsSeen({ id, fingerprints, context, asking }) {
      set({ routerFingerprints: { sessionId: id, fingerprints, context, receivedAt: new Date().toISOString(), asking: asking ?? false } })
    },
    removeCertificate(id) {
      set((s) => ({
        certificates: s.certificates.filter((c) => c.id !== id),
        markedCertificateIds: s.markedCertificateIds.filter((m) => m !== id),
        ...(s.selectedCertificateId === id ? { selectedCertificateId: undefined } : {}),
      }))
    },
    renameCertificate(id, name) {
      const clean = cleanName(name)
      if (!clean) return false
      set((s) => ({ certificates: s.certificates.map((c) => (c.id === id ? { ...c, name: clean } : c)) }))
      return true
    },
    clearCertificates() {
      set({ certificates: [], markedCertificateIds: [], selectedCertificateId: undefined })
    },
    selectCertificate(id) {
      set({ selectedCertificateId: id })
    },
    toggleMarked(id) {
      set((s) => ({
        markedCertificateIds: s.markedCertificateIds.includes(id)
          ? s.markedCertificateIds.filter((m) => m !== id)
          : [...s.markedCertificateIds, id],
      }))
    },
    dismissIntakeReport() {
      set({ intakeReport: undefined })
    },
  }
}

/** A certificate section the router printed, with the library entry its fingerprints belong to. */
export interface RouterSectionMatch extends SectionMatch {
  readonly entry?: LoadedCertificate
}

/**
 * Each certificate section the router printed, its fingerprints matched one by one against any
 * loaded certificate (ignoring case, spaces and colons). IOS prints MD5 and SHA-1 of the same
 * certificate: a section matches when both belong to the same entry.
 */
export function matchRouterFingerprints(
  state: Pick<LabState, 'certificates'>,
  fingerprints: readonly RouterFingerprint[],
): RouterSectionMatch[] {
  const loaded = selectLoadedCertificates(state)
  return matchPrintedFingerprints(
    fingerprints,
    loaded.map((e) => e.cert),
  ).map((section) => {
    const entry = section.certificateId === undefined ? undefined : loaded.find((e) => e.cert.id === section.certificateId)
    return entry ? { ...section, entry } : section
  })
}

/**
 * What the workbench says about the router's fingerprints. An alarm only where the router asks to
 * accept a certificate (`crypto pki authenticate`) and a printed fingerprint belongs to nothing
 * loaded, or where one section's fingerprints disagree (a damaged or forged certificate).
 * Fingerprints merely listed by a show command that the library does not hold are a note.
 */
export function routerFingerprintVerdict(
  report: Pick<RouterFingerprintReport, 'asking'>,
  sections: readonly RouterSectionMatch[],
): 'accept-ok' | 'accept-unknown' | 'conflict' | 'listed' {
  if (sections.some((s) => s.status === 'conflict')) return 'conflict'
  if (report.asking) return sections.length > 0 && sections.every((s) => s.status === 'match') ? 'accept-ok' : 'accept-unknown'
  return 'listed'
}
