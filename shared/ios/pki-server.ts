import { parseDnText, type DistinguishedName } from './dn'
import { parseIosDate, type IosDate } from './dates'
import { findFingerprintLines } from './fingerprint'
import { guardInput, notParsed, nothingFound, parsed, type Parsed } from './result'
import { toLines } from './text'

/** `show crypto pki server`: one entry per `Certificate Server <name>:` block. */
export interface PkiServer {
  readonly name: string
  /** `enabled` / `disabled` — the word before any comma. */
  readonly status?: string
  /** What follows the comma, e.g. `HTTP Server is disabled`. */
  readonly statusDetail?: string
  readonly state?: string
  /** Status and State both `enabled`. */
  readonly enabled: boolean
  readonly configurationLocked: boolean
  readonly issuerName?: string
  readonly issuer?: DistinguishedName
  /** MD5 of the CA certificate, upper-case hex without spaces. */
  readonly caFingerprintMd5?: string
  readonly grantingMode?: string
  readonly lastIssuedSerialHex?: string
  readonly caExpiresAt?: IosDate
  readonly crlNextUpdate?: IosDate
  readonly storageDir?: string
  /** `Complete`, `Names`, `Minimum`. */
  readonly databaseLevel?: string
  readonly databaseLevelDetail?: string
}

export interface ShowPkiServer {
  readonly servers: readonly PkiServer[]
}

type Draft = { -readonly [K in keyof PkiServer]: PkiServer[K] }

const FIELDS: ReadonlyArray<readonly [RegExp, (d: Draft, m: RegExpExecArray) => void]> = [
  [
    /^Status:\s*([^,]+?)\s*(?:,\s*(.+))?$/,
    (d, m) => {
      d.status = m[1]
      if (m[2]) d.statusDetail = m[2]
    },
  ],
  [
    /^State:\s*(.+)$/,
    (d, m) => {
      d.state = m[1]
    },
  ],
  [
    /^Server's configuration is locked/i,
    (d) => {
      d.configurationLocked = true
    },
  ],
  [
    /^Issuer name:\s*(.+)$/,
    (d, m) => {
      d.issuerName = m[1]
      d.issuer = parseDnText(m[1] ?? '')
    },
  ],
  [
    /^CA cert fingerprint:\s*(.+)$/,
    (d, m) => {
      const fp = findFingerprintLines(`Fingerprint MD5: ${m[1] ?? ''}`).lines[0]
      if (fp) d.caFingerprintMd5 = fp.hex
    },
  ],
  [
    /^Granting mode is:\s*(\S+)/,
    (d, m) => {
      d.grantingMode = m[1]
    },
  ],
  [
    /^Last certificate issued serial number(?:\s*\(hex\))?:\s*(\S+)/,
    (d, m) => {
      d.lastIssuedSerialHex = (m[1] ?? '').toUpperCase()
    },
  ],
  [
    /^CA certificate expiration timer:\s*(.+)$/,
    (d, m) => {
      const date = parseIosDate(m[1] ?? '')
      if (date) d.caExpiresAt = date
    },
  ],
  [
    /^CRL NextUpdate timer:\s*(.+)$/,
    (d, m) => {
      const date = parseIosDate(m[1] ?? '')
      if (date) d.crlNextUpdate = date
    },
  ],
  [
    /^Current primary storage dir:\s*(\S+)/,
    (d, m) => {
      d.storageDir = m[1]
    },
  ],
  [
    /^Database Level:\s*([A-Za-z]+)\s*(?:-\s*(.+))?$/,
    (d, m) => {
      d.databaseLevel = m[1]
      if (m[2]) d.databaseLevelDetail = m[2]
    },
  ],
]

function finish(d: Draft): PkiServer {
  return { ...d, enabled: d.status === 'enabled' && d.state === 'enabled' }
}

export function parseShowPkiServer(text: string): Parsed<ShowPkiServer> {
  const input = guardInput(text)
  if (input === null || input.trim() === '') return notParsed('empty', 'No "show crypto pki server" output to read.')
  const servers: PkiServer[] = []
  let draft: Draft | undefined
  for (const raw of toLines(input)) {
    const line = raw.trim()
    const header = /^Certificate Server\s+(\S+?):\s*$/.exec(line)
    if (header) {
      if (draft) servers.push(finish(draft))
      draft = { name: header[1] ?? '', enabled: false, configurationLocked: false }
      continue
    }
    if (!draft) continue
    for (const [pattern, apply] of FIELDS) {
      const m = pattern.exec(line)
      if (m) {
        apply(draft, m)
        break
      }
    }
  }
  if (draft) servers.push(finish(draft))
  if (servers.length === 0) {
    return nothingFound(input, 'No "Certificate Server <name>:" block found (is a certificate server configured?).')
  }
  return parsed({ servers })
}
