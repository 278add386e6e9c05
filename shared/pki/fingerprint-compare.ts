import { algorithmForLength, algorithmFromLabel, fingerprintOf, normalizeHex, type FingerprintAlgorithm } from './fingerprints'
import type { ParsedCertificate } from './types'

export interface FoundFingerprint {
  algorithm: FingerprintAlgorithm
  /** True when a label (`Fingerprint MD5`, `SHA1 Fingerprint`) named the algorithm; false when inferred from the length. */
  labelled: boolean
  /** Upper-case hex without separators. */
  hex: string
  /** Text before the hex on its line, without the trailing `:` / `=` (`Fingerprint MD5`). */
  label: string
  /** 1-based line number in the text. */
  line: number
  /** The hex exactly as written. */
  raw: string
}

// Hex that is not a fingerprint even though its length fits (a SHA-1 sized key identifier, a serial).
const NOT_A_FINGERPRINT = /key\s*id|key identifier|keyid|serial|modulus|exponent|signature value|session id/i
const IS_A_FINGERPRINT = /fingerprint|thumbprint|hash|digest|md5|sha/i

interface HexToken {
  hex: string
  start: number
  end: number
}

/** The hex part of a whitespace-separated token, or undefined when the token is not hex. */
function hexToken(token: string, start: number): HexToken | undefined {
  const eq = token.lastIndexOf('=')
  if (eq >= 0) return hexToken(token.slice(eq + 1), start + eq + 1)
  if (token.length === 0) return undefined
  if (/^[0-9A-Fa-f]+$/.test(token)) return { hex: token, start, end: start + token.length }
  if (/^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2})+:?$/.test(token)) {
    return { hex: normalizeHex(token), start, end: start + token.length }
  }
  return undefined
}

/** Finds fingerprints in IOS, openssl, Windows and bare formats, line by line. */
export function parseFingerprintText(text: string): FoundFingerprint[] {
  const found: FoundFingerprint[] = []
  const lines = text.split(/\r\n|\r|\n/)
  lines.forEach((line, index) => {
    // Shorter than an MD5 fingerprint, or longer than any fingerprint line: skip cheaply.
    if (line.length < 32 || line.length > 4096) return
    const tokens: HexToken[] = []
    const runs: HexToken[][] = []
    for (const m of line.matchAll(/\S+/g)) {
      const t = hexToken(m[0], m.index)
      if (t) tokens.push(t)
      else if (tokens.length) runs.push(tokens.splice(0))
    }
    if (tokens.length) runs.push(tokens.splice(0))
    for (const run of runs) {
      for (const span of validSpans(run)) {
        const first = span[0]
        const last = span[span.length - 1]
        if (!first || !last) continue
        const hex = span
          .map((t) => t.hex)
          .join('')
          .toUpperCase()
        const label = line
          .slice(0, first.start)
          .trim()
          .replace(/[:=]\s*$/, '')
          .trim()
        if (NOT_A_FINGERPRINT.test(label) && !/fingerprint|thumbprint/i.test(label)) continue
        const byLength = algorithmForLength(hex.length)
        if (!byLength) continue
        const byLabel = algorithmFromLabel(label)
        const labelled = byLabel === byLength && IS_A_FINGERPRINT.test(label)
        found.push({ algorithm: byLength, labelled, hex, label, line: index + 1, raw: line.slice(first.start, last.end) })
      }
    }
  })
  return found
}

/** Greedy, earliest-longest spans of consecutive tokens whose hex length is a digest length. */
function validSpans(run: HexToken[]): HexToken[][] {
  const spans: HexToken[][] = []
  let i = 0
  while (i < run.length) {
    let best = -1
    let total = 0
    for (let j = i; j < run.length; j++) {
      total += run[j]?.hex.length ?? 0
      if (total > 128) break
      if (algorithmForLength(total)) best = j
    }
    if (best >= 0) {
      spans.push(run.slice(i, best + 1))
      i = best + 1
    } else i++
  }
  return spans
}

export type FingerprintMatch =
  | { status: 'match'; algorithm: FingerprintAlgorithm; hex: string; certificateId: string; commonName?: string }
  | {
      status: 'mismatch'
      algorithm: FingerprintAlgorithm
      hex: string
      message: string
      /** The certificate whose fingerprint differs in the fewest hex digits (a typo or OCR error?). */
      closest?: { certificateId: string; commonName?: string; differingDigits: number }
    }
  | { status: 'invalid'; message: string }

/**
 * Compares one fingerprint with the workbench certificates, ignoring case, spaces and colons
 * (rule 3). A string is read with parseFingerprintText; it must hold exactly one fingerprint.
 */
export function matchFingerprint(fp: string | FoundFingerprint, certs: readonly ParsedCertificate[]): FingerprintMatch {
  let found: FoundFingerprint | undefined
  if (typeof fp === 'string') {
    const all = parseFingerprintText(fp)
    if (all.length === 0) {
      const digits = normalizeHex(fp).length
      return {
        status: 'invalid',
        message: `No fingerprint found: expected 32 (MD5), 40 (SHA-1) or 64 (SHA-256) hex digits, found ${digits}.`,
      }
    }
    if (all.length > 1) {
      return {
        status: 'invalid',
        message: `The text holds ${all.length} fingerprints; compare them one at a time (compareFingerprintText does all).`,
      }
    }
    found = all[0]
  } else found = fp
  if (!found) return { status: 'invalid', message: 'No fingerprint given.' }
  const { algorithm, hex } = found
  let closest: { certificateId: string; commonName?: string; differingDigits: number } | undefined
  for (const cert of certs) {
    const mine = fingerprintOf(cert.fingerprints, algorithm)
    if (!mine) continue
    if (mine.hex === hex) {
      return { status: 'match', algorithm, hex, certificateId: cert.id, ...(cert.commonName ? { commonName: cert.commonName } : {}) }
    }
    let differing = 0
    for (let i = 0; i < hex.length; i++) if (hex[i] !== mine.hex[i]) differing++
    if (!closest || differing < closest.differingDigits) {
      closest = { certificateId: cert.id, differingDigits: differing, ...(cert.commonName ? { commonName: cert.commonName } : {}) }
    }
  }
  if (algorithm !== 'MD5' && algorithm !== 'SHA-1' && algorithm !== 'SHA-256') {
    return { status: 'invalid', message: `${algorithm} fingerprints are not computed; compare the MD5, SHA-1 or SHA-256 one.` }
  }
  const message =
    certs.length === 0
      ? `${algorithm} fingerprint ${hex} cannot be checked: no certificate is loaded.`
      : `${algorithm} fingerprint ${hex} matches none of the ${certs.length} loaded certificate(s): do not accept this certificate.`
  return { status: 'mismatch', algorithm, hex, message, ...(closest ? { closest } : {}) }
}

/** Every fingerprint in the text, each compared with the certificates. */
export function compareFingerprintText(
  text: string,
  certs: readonly ParsedCertificate[],
): Array<{ found: FoundFingerprint; result: FingerprintMatch }> {
  return parseFingerprintText(text).map((found) => ({ found, result: matchFingerprint(found, certs) }))
}

/** One fingerprint the router printed, as the console reports it (`session.fingerprints`). */
export interface PrintedFingerprintInput {
  readonly algorithm: 'md5' | 'sha1' | 'sha256'
  readonly hex: string
  /** The certificate section of the output; fingerprints without one form their own section. */
  readonly section?: number
  readonly sectionLabel?: string
}

const PRINTED_ALGORITHM = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256' } as const

export interface PrintedMatch {
  readonly algorithm: FingerprintAlgorithm
  readonly hex: string
  /** The loaded certificate with this very fingerprint, if any. */
  readonly certificateId?: string
}

/**
 * One certificate section of the router's output and what its fingerprints matched:
 * - `match`: every fingerprint of the section belongs to the same loaded certificate;
 * - `unknown`: none belongs to any loaded certificate (not in the workbench: a note, unless the
 *   router is asking to accept it);
 * - `conflict`: some match and some do not, or they match different certificates (a damaged
 *   paste or a forged certificate: always worth a loud warning).
 */
export interface SectionMatch {
  readonly section: number
  readonly label?: string
  readonly status: 'match' | 'unknown' | 'conflict'
  readonly fingerprints: readonly PrintedMatch[]
  readonly certificateId?: string
}

/**
 * Matches each printed fingerprint against ANY loaded certificate (rule 3: ignoring case, spaces
 * and colons), keeping the fingerprints of one certificate section together. A router printing
 * several certificates at once (`show crypto pki certificates verbose`) gives one section each.
 */
export function matchPrintedFingerprints(printed: readonly PrintedFingerprintInput[], certs: readonly ParsedCertificate[]): SectionMatch[] {
  const bySection = new Map<number, { label?: string; items: PrintedMatch[] }>()
  // Without section numbers, a new certificate starts where an algorithm repeats (MD5, SHA1, MD5…).
  let unsectioned = -1
  const seenInRun = new Set<string>()
  for (const p of printed) {
    const algorithm = PRINTED_ALGORITHM[p.algorithm]
    const hex = normalizeHex(p.hex)
    if (hex === '') continue
    const owner = certs.find((c) => fingerprintOf(c.fingerprints, algorithm)?.hex === hex)
    if (p.section === undefined) {
      if (seenInRun.has(p.algorithm)) {
        unsectioned--
        seenInRun.clear()
      }
      seenInRun.add(p.algorithm)
    }
    const key = p.section ?? unsectioned
    const entry = bySection.get(key) ?? { ...(p.sectionLabel ? { label: p.sectionLabel } : {}), items: [] }
    entry.items.push(owner ? { algorithm, hex, certificateId: owner.id } : { algorithm, hex })
    bySection.set(key, entry)
  }
  return [...bySection.entries()].map(([section, { label, items }]) => {
    const owners = new Set(items.map((i) => i.certificateId))
    const only = owners.size === 1 ? [...owners][0] : undefined
    const status = only !== undefined ? 'match' : owners.size === 1 ? 'unknown' : 'conflict'
    return { section, ...(label ? { label } : {}), status, fingerprints: items, ...(only ? { certificateId: only } : {}) }
  })
}
