import { cleanTerminalText } from './text'
import { guardInput, notParsed, parsed, type Parsed } from './result'
import { groupHex } from '../pki/fingerprints'

export type FingerprintAlgorithm = 'MD5' | 'SHA1' | 'SHA256'

export const FINGERPRINT_HEX_LENGTH: Readonly<Record<FingerprintAlgorithm, number>> = {
  MD5: 32,
  SHA1: 40,
  SHA256: 64,
}

export interface FingerprintLine {
  readonly algorithm: FingerprintAlgorithm
  /** Upper-case hex, no separators. */
  readonly hex: string
  /** The value as the router printed it. */
  readonly printed: string
}

export interface FingerprintSet {
  readonly md5?: string
  readonly sha1?: string
  readonly sha256?: string
  readonly lines: readonly FingerprintLine[]
  /** Lines that looked like fingerprints but had the wrong number of hex digits. */
  readonly problems: readonly string[]
}

/** Upper-case hex with spaces, colons and dashes removed; anything else is kept so a comparison fails. */
export function normalizeFingerprint(value: string): string {
  return value.replace(/[\s:-]/g, '').toUpperCase()
}

/** IOS style: upper-case groups of 8 hex digits separated by single spaces. */
export function formatIosFingerprint(value: string): string {
  return groupHex(normalizeFingerprint(value), 8, ' ')
}

/** Colon style: `38:3B:A1:…`. */
export function formatColonFingerprint(value: string): string {
  return groupHex(normalizeFingerprint(value), 2, ':')
}

/** Equal ignoring case, spaces and colons; empty values never match. */
export function fingerprintsEqual(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false
  const na = normalizeFingerprint(a)
  return na.length > 0 && na === normalizeFingerprint(b)
}

// "Certificate Request Fingerprint" describes a pending request, not a certificate: skip it.
const LABEL = /(?<!Request\s{1,4})\bFingerprint\s+(MD5|SHA-?1|SHA-?256)\s*:[ \t]*/gi
const GROUP = /^[ \t:]*([0-9A-Fa-f]{2,64})(?![0-9A-Za-z])/

function algorithmOf(label: string): FingerprintAlgorithm {
  const upper = label.toUpperCase().replace('-', '')
  return upper === 'MD5' ? 'MD5' : upper === 'SHA1' ? 'SHA1' : 'SHA256'
}

/**
 * Every `Fingerprint MD5:` / `Fingerprint SHA1:` value in the text, in order. Works on show
 * output, authenticate prompts and text whose newlines were flattened to spaces: hex groups are
 * taken only until the expected length is reached.
 */
export function findFingerprintLines(text: string): { lines: FingerprintLine[]; problems: string[] } {
  const source = cleanTerminalText(text)
  const lines: FingerprintLine[] = []
  const problems: string[] = []
  for (const match of source.matchAll(LABEL)) {
    const algorithm = algorithmOf(match[1] ?? '')
    const expected = FINGERPRINT_HEX_LENGTH[algorithm]
    let rest = source.slice((match.index ?? 0) + match[0].length)
    let hex = ''
    const groups: string[] = []
    while (hex.length < expected) {
      const group = GROUP.exec(rest)
      if (!group) break
      const digits = group[1] ?? ''
      groups.push(digits)
      hex += digits
      rest = rest.slice(group[0].length)
    }
    if (hex.length === expected) {
      lines.push({ algorithm, hex: hex.toUpperCase(), printed: groups.join(' ') })
    } else {
      problems.push(`Fingerprint ${algorithm} has ${hex.length} hex digits; expected ${expected}.`)
    }
  }
  return { lines, problems }
}

/**
 * The fingerprints a router printed (e.g. by `crypto pki authenticate`). When a transcript holds
 * several runs the last value of each algorithm wins: it is the one the prompt is asking about.
 */
export function parseFingerprints(text: string): Parsed<FingerprintSet> {
  const input = guardInput(text)
  if (input === null || input.trim() === '') return notParsed('empty', 'No text to read fingerprints from.')
  const { lines, problems } = findFingerprintLines(input)
  if (lines.length === 0) {
    return notParsed(
      problems.length > 0 ? 'malformed' : 'not-recognised',
      problems[0] ?? 'No "Fingerprint MD5:" or "Fingerprint SHA1:" line found.',
    )
  }
  const last = (algorithm: FingerprintAlgorithm): string | undefined =>
    [...lines].reverse().find((line) => line.algorithm === algorithm)?.hex
  const md5 = last('MD5')
  const sha1 = last('SHA1')
  const sha256 = last('SHA256')
  return parsed({
    ...(md5 ? { md5 } : {}),
    ...(sha1 ? { sha1 } : {}),
    ...(sha256 ? { sha256 } : {}),
    lines,
    problems,
  })
}
