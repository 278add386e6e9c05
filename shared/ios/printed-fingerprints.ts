import { findFingerprintLines, type FingerprintAlgorithm } from './fingerprint'
import { cleanTerminalText } from './text'

/**
 * A fingerprint as the router printed it, with the certificate section it belongs to. Output that
 * prints several certificates at once keeps each pair (MD5 + SHA1) with its own certificate:
 *
 * - `show crypto pki certificates verbose`: blocks headed `Certificate` / `CA Certificate` at the
 *   left margin, `Subject:` with indented `cn=` lines, `Fingerprint MD5:` / `Fingerprint SHA1:`,
 *   then `Associated Trustpoints: A B` (shared/DOMAIN.md, "What the router prints").
 * - `show crypto pki trustpoints status`: `Trustpoint X:`, then `Issuing CA certificate
 *   configured:` and `Router General Purpose certificate configured:`, each with `Subject Name:`
 *   and its fingerprints (test/fixtures/ios/show-crypto-pki-trustpoints-status.txt).
 * - `crypto pki authenticate X`: `Certificate has the following attributes:` and one pair, then
 *   `% Do you accept this certificate? [yes/no]:` (DOMAIN.md; tech note, step 6).
 */
export interface PrintedFingerprint {
  readonly algorithm: FingerprintAlgorithm
  /** Upper-case hex, no separators. */
  readonly hex: string
  /** `Fingerprint MD5`: the label as printed. */
  readonly label: string
  /** Which certificate section: 0, 1, 2… in order of appearance; a pair shares its section. */
  readonly section: number
  /** The section in words: `CA Certificate cn=testCA (trustpoints SecureCFB testCA)`. */
  readonly sectionLabel: string
  /** 0-based line of the text it was printed on. */
  readonly line: number
}

interface Section {
  index: number
  /** Algorithms already printed in it: a repeat starts another certificate. */
  seen?: Set<string>
  heading: string
  trustpoint?: string
  cn?: string
  trustpoints?: string
}

const BLOCK_HEADING = /^((?:CA |Router Self-Signed |RA \S+ )?Certificate)\s*$/
const TRUSTPOINT = /^Trustpoint\s+(\S+?):\s*$/
const TRUSTPOINT_PART =
  /^\s+((?:Issuing CA|Router General Purpose|Router Signature|Router Encryption|Router Self-Signed)[\w\s-]*?certificate) configured:\s*$/i
const AUTHENTICATE = /Certificate has the following attributes:/i
const SUBJECT = /^\s*Subject(?: Name)?:\s*(.*)$/
const CN = /(?:^|[\s,])cn=([^,\s]+)/i
const ASSOCIATED = /^\s*Associated Trustpoints:\s*(.+?)\s*$/
const FINGERPRINT = /\bFingerprint\s+(MD5|SHA-?1|SHA-?256)\s*:/i
// A `Label:` line other than the subject's own `Name:`/`cn=` ends the subject.
const FIELD = /^\s*[A-Z][\w ()-]*:/

function describe(section: Section): string {
  const parts = [section.trustpoint ? `Trustpoint ${section.trustpoint}: ${section.heading}` : section.heading]
  if (section.cn) parts.push(`cn=${section.cn}`)
  if (section.trustpoints) parts.push(`(trustpoints ${section.trustpoints})`)
  return parts.join(' ')
}

/** Every fingerprint in router output, each with its certificate section. Never throws. */
export function readPrintedFingerprints(text: string): PrintedFingerprint[] {
  if (typeof text !== 'string' || text === '') return []
  const lines = cleanTerminalText(text).split(/\r\n|\r|\n/)
  const sections: Section[] = []
  const found: Array<Omit<PrintedFingerprint, 'sectionLabel'>> = []
  let current: Section | undefined
  let trustpoint: string | undefined
  let inSubject = false
  const open = (heading: string, tp?: string): Section => {
    const s: Section = { index: sections.length, heading, ...(tp ? { trustpoint: tp } : {}) }
    sections.push(s)
    inSubject = false
    return s
  }
  for (const [lineIndex, line] of lines.entries()) {
    if (line.length > 4096) continue
    const tp = TRUSTPOINT.exec(line)
    if (tp) {
      trustpoint = tp[1]
      current = undefined
      continue
    }
    const part = TRUSTPOINT_PART.exec(line)
    if (part) {
      current = open(part[1] ?? 'certificate', trustpoint)
      continue
    }
    const heading = BLOCK_HEADING.exec(line)
    if (heading) {
      trustpoint = undefined
      current = open(heading[1] ?? 'Certificate')
      continue
    }
    if (AUTHENTICATE.test(line)) {
      trustpoint = undefined
      current = open('Certificate offered by crypto pki authenticate')
      continue
    }
    const subject = SUBJECT.exec(line)
    if (subject) {
      inSubject = true
      const cn = CN.exec(subject[1] ?? '')
      if (current && cn && !current.cn) current.cn = cn[1]
      continue
    }
    if (inSubject) {
      const cn = CN.exec(line)
      if (cn && current && !current.cn) current.cn = cn[1]
      else if (!cn && FIELD.test(line) && !/^\s*Name:/.test(line)) inSubject = false
    }
    const associated = ASSOCIATED.exec(line)
    if (associated && current) current.trustpoints = (associated[1] ?? '').trim()
    if (FINGERPRINT.test(line)) {
      for (const f of findFingerprintLines(line).lines) {
        // Bare fingerprint lines with no heading, or a second MD5 in one section: another certificate.
        if (!current || current.seen?.has(f.algorithm)) current = open(current?.heading ?? 'Certificate')
        ;(current.seen ??= new Set()).add(f.algorithm)
        found.push({ algorithm: f.algorithm, hex: f.hex, label: `Fingerprint ${f.algorithm}`, section: current.index, line: lineIndex })
      }
    }
  }
  return found.map((f) => ({ ...f, sectionLabel: describe(sections[f.section] ?? { index: f.section, heading: 'Certificate' }) }))
}

/** The router's question after `crypto pki authenticate`: answering yes trusts the printed certificate. */
export const ACCEPT_CERTIFICATE_QUESTION = /Do you accept this certificate\?\s*\[yes\/no\]\s*:\s*$/i
