import { makeDn, parseDnLine, type DistinguishedName, type DnAttribute } from './dn'
import { findFingerprintLines } from './fingerprint'
import { guardInput, notParsed, nothingFound, parsed, type Parsed } from './result'
import { toLines } from './text'

/** `show crypto pki trustpoints [tp] status`. */
export interface TrustpointCertificateStatus {
  readonly configured: boolean
  readonly subject?: DistinguishedName
  readonly fingerprints: { readonly md5?: string; readonly sha1?: string; readonly sha256?: string }
}

export interface TrustpointStatus {
  readonly name: string
  readonly issuingCa?: TrustpointCertificateStatus
  /** `Router General Purpose certificate configured:` (or Signature/Encryption). */
  readonly routerCertificate?: TrustpointCertificateStatus
  readonly keysGenerated?: boolean
  /** `General Purpose, non-exportable` from `Yes (General Purpose, non-exportable)`. */
  readonly keysDetail?: string
  readonly issuingCaAuthenticated?: boolean
  /** `Certificate request(s) ..... Yes` / `None`. */
  readonly certificateRequests?: string
  readonly lastEnrollmentStatus?: string
}

export interface ShowTrustpointsStatus {
  readonly trustpoints: readonly TrustpointStatus[]
}

interface CertDraft {
  configured: boolean
  subject?: DnAttribute[]
  fingerprints: { md5?: string; sha1?: string; sha256?: string }
}

interface Draft {
  name: string
  issuingCa?: CertDraft
  routerCertificate?: CertDraft
  keysGenerated?: boolean
  keysDetail?: string
  issuingCaAuthenticated?: boolean
  certificateRequests?: string
  lastEnrollmentStatus?: string
}

const DOTTED = /^(.+?)\s*\.{2,}\s*(.+)$/

function yesNo(value: string): boolean | undefined {
  const word = value.trim().split(/\s|\(/)[0]?.toLowerCase()
  return word === 'yes' ? true : word === 'no' ? false : undefined
}

function finishCert(c: CertDraft | undefined): TrustpointCertificateStatus | undefined {
  if (!c) return undefined
  return { configured: c.configured, fingerprints: c.fingerprints, ...(c.subject ? { subject: makeDn(c.subject) } : {}) }
}

function finish(d: Draft): TrustpointStatus {
  const issuingCa = finishCert(d.issuingCa)
  const routerCertificate = finishCert(d.routerCertificate)
  const { issuingCa: _i, routerCertificate: _r, ...rest } = d
  return { ...rest, ...(issuingCa ? { issuingCa } : {}), ...(routerCertificate ? { routerCertificate } : {}) }
}

export function parseTrustpointsStatus(text: string): Parsed<ShowTrustpointsStatus> {
  const input = guardInput(text)
  if (input === null || input.trim() === '') return notParsed('empty', 'No trustpoint status output to read.')
  const trustpoints: TrustpointStatus[] = []
  let draft: Draft | undefined
  let cert: CertDraft | undefined
  let inSubject = false

  for (const raw of toLines(input)) {
    const line = raw.trim()
    if (line === '') continue
    const header = /^Trustpoint\s+(\S+?):\s*$/.exec(line)
    if (header) {
      if (draft) trustpoints.push(finish(draft))
      draft = { name: header[1] ?? '' }
      cert = undefined
      inSubject = false
      continue
    }
    if (!draft) continue
    if (inSubject && cert) {
      const attrs = parseDnLine(line)
      if (attrs) {
        ;(cert.subject ??= []).push(...attrs)
        continue
      }
      inSubject = false
    }
    const section = /^(Issuing CA|Router\s+.*?)\s+certificate\s+(configured|not configured|pending)\s*:?\s*$/i.exec(line)
    if (section) {
      cert = { configured: (section[2] ?? '').toLowerCase() === 'configured', fingerprints: {} }
      if (/^Issuing CA$/i.test(section[1] ?? '')) draft.issuingCa = cert
      else draft.routerCertificate = cert
      continue
    }
    if (/^Subject Name:\s*$/i.test(line)) {
      inSubject = cert !== undefined
      continue
    }
    if (/^Fingerprint\s/i.test(line) && cert) {
      for (const fp of findFingerprintLines(line).lines) {
        cert.fingerprints[fp.algorithm === 'MD5' ? 'md5' : fp.algorithm === 'SHA1' ? 'sha1' : 'sha256'] = fp.hex
      }
      continue
    }
    if (/^State:\s*$/i.test(line)) {
      cert = undefined
      continue
    }
    const lastEnrollment = /^Last enrollment status:\s*(.+)$/i.exec(line)
    if (lastEnrollment) {
      draft.lastEnrollmentStatus = (lastEnrollment[1] ?? '').trim()
      continue
    }
    const dotted = DOTTED.exec(line)
    if (!dotted) continue
    const key = (dotted[1] ?? '').toLowerCase()
    const value = (dotted[2] ?? '').trim()
    if (key.startsWith('keys generated')) {
      const v = yesNo(value)
      if (v !== undefined) draft.keysGenerated = v
      const detail = /\(([^)]*)\)/.exec(value)
      if (detail) draft.keysDetail = detail[1] ?? ''
    } else if (key.startsWith('issuing ca authenticated')) {
      const v = yesNo(value)
      if (v !== undefined) draft.issuingCaAuthenticated = v
    } else if (key.startsWith('certificate request')) {
      draft.certificateRequests = value
    }
  }
  if (draft) trustpoints.push(finish(draft))
  if (trustpoints.length === 0) {
    return nothingFound(input, 'No "Trustpoint <name>:" block found.')
  }
  return parsed({ trustpoints })
}
