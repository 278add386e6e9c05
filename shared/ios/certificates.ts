import { makeDn, parseDnLine, type DistinguishedName, type DnAttribute } from './dn'
import { parseIosDate, type IosDate } from './dates'
import { findFingerprintLines } from './fingerprint'
import { guardInput, notParsed, nothingFound, parsed, type Parsed } from './result'
import { toLines } from './text'

/** `show crypto pki certificates [verbose] [tp]`: one entry per `CA Certificate` / `Certificate` block. */
export type ShownCertificateKind = 'ca' | 'certificate' | 'ra' | 'router-self-signed' | 'other'

export interface ShownCertificate {
  readonly heading: string
  readonly kind: ShownCertificateKind
  readonly status?: string
  readonly version?: number
  /** Upper-case hex without `0x`, even length: `01` from both `(hex): 01` and `: 0x1`. */
  readonly serialHex?: string
  readonly usage?: string
  readonly issuer?: DistinguishedName
  readonly subject?: DistinguishedName
  readonly validFrom?: IosDate
  readonly validTo?: IosDate
  readonly publicKeyAlgorithm?: string
  readonly publicKeyBits?: number
  readonly signatureAlgorithm?: string
  readonly fingerprints: { readonly md5?: string; readonly sha1?: string; readonly sha256?: string }
  readonly associatedTrustpoints: readonly string[]
  readonly inTrustpool: boolean
  readonly storage?: string
  readonly keyLabel?: string
  readonly installedAt?: IosDate
}

export interface ShowCertificates {
  readonly certificates: readonly ShownCertificate[]
}

const HEADING = /^((?:CA|RA|Router|Trustpool|Self-Signed|Signature|KeyEncipher|Encryption|General|Purpose|Self-signed)\s+){0,3}Certificate$/

interface Draft {
  heading: string
  kind: ShownCertificateKind
  status?: string
  version?: number
  serialHex?: string
  usage?: string
  issuer?: DnAttribute[]
  subject?: DnAttribute[]
  validFrom?: IosDate
  validTo?: IosDate
  publicKeyAlgorithm?: string
  publicKeyBits?: number
  signatureAlgorithm?: string
  fingerprints: { md5?: string; sha1?: string; sha256?: string }
  associatedTrustpoints: string[]
  inTrustpool: boolean
  storage?: string
  keyLabel?: string
  installedAt?: IosDate
}

function kindOf(heading: string): ShownCertificateKind {
  if (heading === 'Certificate') return 'certificate'
  if (heading.startsWith('CA ')) return 'ca'
  if (heading.startsWith('RA ')) return 'ra'
  if (/^Router Self-Signed/i.test(heading)) return 'router-self-signed'
  return 'other'
}

export function normalizeSerial(value: string): string | undefined {
  const hex = value.trim().replace(/^0x/i, '').replace(/\s+/g, '').toUpperCase()
  if (!/^[0-9A-F]+$/.test(hex)) return undefined
  return hex.length % 2 === 1 ? `0${hex}` : hex
}

function finish(draft: Draft): ShownCertificate {
  const { issuer, subject, ...rest } = draft
  return {
    ...rest,
    ...(issuer ? { issuer: makeDn(issuer) } : {}),
    ...(subject ? { subject: makeDn(subject) } : {}),
  }
}

type Field = (draft: Draft, value: string) => void

const FIELDS: ReadonlyArray<readonly [RegExp, Field]> = [
  [
    /^Status:\s*(.+)$/,
    (d, v) => {
      d.status = v
    },
  ],
  [
    /^Version:\s*(\d+)$/,
    (d, v) => {
      d.version = Number(v)
    },
  ],
  [
    /^Certificate Serial Number(?:\s*\(hex\))?\s*:\s*(.+)$/,
    (d, v) => {
      const serial = normalizeSerial(v)
      if (serial) d.serialHex = serial
    },
  ],
  [
    /^Certificate Usage:\s*(.+)$/,
    (d, v) => {
      d.usage = v
    },
  ],
  [
    /^Key Usage:\s*(.+)$/,
    (d, v) => {
      d.usage ??= v
    },
  ],
  [
    /^start date:\s*(.+)$/,
    (d, v) => {
      const date = parseIosDate(v)
      if (date) d.validFrom = date
    },
  ],
  [
    /^end\s+date:\s*(.+)$/,
    (d, v) => {
      const date = parseIosDate(v)
      if (date) d.validTo = date
    },
  ],
  [
    /^Public Key Algorithm:\s*(.+)$/,
    (d, v) => {
      d.publicKeyAlgorithm = v
    },
  ],
  [
    /^(?:RSA|EC|ECDSA|DSA)? ?Public Key:\s*\((\d+) bits?\)/,
    (d, v) => {
      d.publicKeyBits = Number(v)
    },
  ],
  [
    /^Signature Algorithm:\s*(.+)$/,
    (d, v) => {
      d.signatureAlgorithm = v
    },
  ],
  [
    /^Associated Trustpoints?:\s*(.*)$/,
    (d, v) => {
      const names = v.split(/\s+/).filter((n) => n.length > 0)
      d.inTrustpool = names.includes('Trustpool')
      d.associatedTrustpoints = names.filter((n) => n !== 'Trustpool')
    },
  ],
  [
    /^Storage:\s*(\S+)/,
    (d, v) => {
      d.storage = v
    },
  ],
  [
    /^Key Label:\s*(\S+)/,
    (d, v) => {
      d.keyLabel = v
    },
  ],
  [
    /^Cert install time:\s*(.+)$/,
    (d, v) => {
      const date = parseIosDate(v)
      if (date) d.installedAt = date
    },
  ],
]

export function parseShowCertificates(text: string): Parsed<ShowCertificates> {
  const input = guardInput(text)
  if (input === null || input.trim() === '') return notParsed('empty', 'No certificate output to read.')
  const certificates: ShownCertificate[] = []
  let draft: Draft | undefined
  let dnTarget: 'issuer' | 'subject' | undefined

  for (const raw of toLines(input)) {
    const line = raw.trim()
    if (line === '') continue
    if (HEADING.test(line)) {
      if (draft) certificates.push(finish(draft))
      draft = { heading: line, kind: kindOf(line), fingerprints: {}, associatedTrustpoints: [], inTrustpool: false }
      dnTarget = undefined
      continue
    }
    if (!draft) continue
    if (dnTarget) {
      const attrs = parseDnLine(line)
      if (attrs) {
        const list = (draft[dnTarget] ??= [])
        list.push(...attrs)
        continue
      }
      dnTarget = undefined
    }
    if (/^Issuer:\s*$/.test(line)) {
      dnTarget = 'issuer'
      draft.issuer ??= []
      continue
    }
    if (/^Subject:\s*$/.test(line)) {
      dnTarget = 'subject'
      draft.subject ??= []
      continue
    }
    if (/^Fingerprint\s/i.test(line)) {
      for (const fp of findFingerprintLines(line).lines) {
        const key = fp.algorithm === 'MD5' ? 'md5' : fp.algorithm === 'SHA1' ? 'sha1' : 'sha256'
        draft.fingerprints[key] = fp.hex
      }
      continue
    }
    for (const [pattern, apply] of FIELDS) {
      const m = pattern.exec(line)
      if (m) {
        apply(draft, (m[1] ?? '').trim())
        break
      }
    }
  }
  if (draft) certificates.push(finish(draft))

  if (certificates.length === 0) {
    return nothingFound(input, 'No "CA Certificate" or "Certificate" block found.')
  }
  return parsed({ certificates })
}

/** Certificates of one trustpoint (case-sensitive, as IOS names are), optionally of one kind. */
export function certificatesOf(shown: ShowCertificates, trustpoint: string, kind?: ShownCertificateKind): ShownCertificate[] {
  return shown.certificates.filter((c) => c.associatedTrustpoints.includes(trustpoint) && (kind === undefined || c.kind === kind))
}
