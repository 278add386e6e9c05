import { cleanTerminalText, firstIosMessage } from './text'
import { guardInput, notParsed, parsed, type Parsed } from './result'

/**
 * `crypto pki export <tp> pem terminal [3des <pw>]` output. Sections are found by their `%`
 * labels and BEGIN/END markers, never by block order, so pasted copies with CRLF, prompts
 * around them, or newlines flattened to spaces still parse.
 */
export type PemRole = 'ca-certificate' | 'certificate' | 'public-key' | 'private-key' | 'other'

export interface PemBlock {
  /** The word(s) after BEGIN: `CERTIFICATE`, `PUBLIC KEY`, `RSA PRIVATE KEY`… */
  readonly type: string
  readonly role: PemRole
  /** The `%` label it sits under (`CA certificate`, `General Purpose Certificate`, `Key name`), if any. */
  readonly label?: string
  /** Rebuilt PEM: markers, headers, base64 wrapped at 64 columns, LF line ends. */
  readonly pem: string
  /** Base64 body with all whitespace removed. */
  readonly base64: string
  readonly headers: Readonly<Record<string, string>>
  readonly encrypted: boolean
  /** From `DEK-Info: DES-EDE3-CBC,<iv>`. */
  readonly dekCipher?: string
  readonly dekIv?: string
  /** Characters outside the base64 alphabet, missing padding and the like (left in place). */
  readonly problems: readonly string[]
}

export interface PkiExport {
  readonly blocks: readonly PemBlock[]
  readonly caCertificate?: PemBlock
  /** The router's own certificate (`% General Purpose Certificate:` or `% Certificate:`). */
  readonly certificate?: PemBlock
  readonly keyName?: string
  readonly publicKey?: PemBlock
  readonly privateKey?: PemBlock
  readonly problems: readonly string[]
}

export type PkiExportFailure = 'empty' | 'not-recognised' | 'not-enrolled' | 'router-error'

const LABEL =
  /%\s*((?:Self-signed\s+)?CA\s+certificate|General\s+Purpose\s+Certificate|Signature\s+Certificate|Encryption\s+Certificate|Certificate|Key\s+name)\s*:[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)?/gi
const BLOCK = /-{4,6}BEGIN ([A-Z0-9]+(?: [A-Z0-9]+)*)-{4,6}([\s\S]*?)-{4,6}END \1-{4,6}/g
const BEGIN_ONLY = /-{4,6}BEGIN ([A-Z0-9]+(?: [A-Z0-9]+)*)-{4,6}/g
const NOT_ENROLLED = /% The specified trustpoint is not enrolled \(([^)\r\n]*)\)\.?/i
const BASE64_CHARS = /^[A-Za-z0-9+/=]*$/

interface Label {
  readonly index: number
  readonly name: string
  readonly value?: string
}

function canonicalLabel(raw: string): string {
  const words = raw.replace(/\s+/g, ' ').trim()
  const lower = words.toLowerCase()
  if (lower === 'key name') return 'Key name'
  if (lower.endsWith('ca certificate'))
    return words.toLowerCase().startsWith('self-signed') ? 'Self-signed CA certificate' : 'CA certificate'
  if (lower === 'general purpose certificate') return 'General Purpose Certificate'
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function roleOf(type: string, label: string | undefined): PemRole {
  if (/PRIVATE KEY$/.test(type)) return 'private-key'
  if (type === 'PUBLIC KEY' || type === 'RSA PUBLIC KEY') return 'public-key'
  if (type === 'CERTIFICATE' || type === 'X509 CERTIFICATE' || type === 'TRUSTED CERTIFICATE') {
    if (label === undefined) return 'other'
    return /CA certificate$/i.test(label) ? 'ca-certificate' : label === 'Key name' ? 'other' : 'certificate'
  }
  return 'other'
}

function parseBody(type: string, body: string, label: string | undefined): PemBlock {
  let rest = body
  const headers: Record<string, string> = {}
  // Headers end at the first blank line, or (when newlines were flattened) at the last header value.
  for (const name of ['Proc-Type', 'DEK-Info']) {
    const header = new RegExp(`${name}:\\s*(\\S+)`).exec(rest)
    if (header) {
      headers[name] = header[1] ?? ''
      rest = rest.slice(0, header.index) + rest.slice(header.index + header[0].length)
    }
  }
  const base64 = rest.replace(/\s+/g, '')
  const problems: string[] = []
  if (!BASE64_CHARS.test(base64)) {
    const bad = [...new Set(base64.replace(/[A-Za-z0-9+/=]/g, ''))].slice(0, 8).join('')
    problems.push(`${type} body contains characters that are not base64: ${JSON.stringify(bad)}.`)
  }
  if (base64.length === 0) problems.push(`${type} block is empty.`)
  else if (base64.length % 4 !== 0) problems.push(`${type} body length ${base64.length} is not a multiple of 4 (truncated or damaged).`)
  const dek = headers['DEK-Info']?.split(',')
  const headerLines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`)
  const pem = [
    `-----BEGIN ${type}-----`,
    ...headerLines,
    ...(headerLines.length > 0 ? [''] : []),
    ...(base64.match(/.{1,64}/g) ?? []),
    `-----END ${type}-----`,
    '',
  ].join('\n')
  return {
    type,
    role: roleOf(type, label),
    ...(label !== undefined ? { label } : {}),
    pem,
    base64,
    headers,
    encrypted: /ENCRYPTED/i.test(headers['Proc-Type'] ?? '') || type === 'ENCRYPTED PRIVATE KEY',
    ...(dek?.[0] ? { dekCipher: dek[0] } : {}),
    ...(dek?.[1] ? { dekIv: dek[1] } : {}),
    problems,
  }
}

export function parsePkiExport(text: string): Parsed<PkiExport, PkiExportFailure> {
  const input = guardInput(text)
  if (input === null || input.trim() === '') return notParsed('empty', 'No export output to read.')
  const source = cleanTerminalText(input)

  const notEnrolled = NOT_ENROLLED.exec(source)
  const labels: Label[] = [...source.matchAll(LABEL)].map((m) => ({
    index: m.index ?? 0,
    name: canonicalLabel(m[1] ?? ''),
    ...(m[2] ? { value: m[2] } : {}),
  }))
  const blocks: PemBlock[] = []
  const covered: Array<[number, number]> = []
  for (const m of source.matchAll(BLOCK)) {
    const start = m.index ?? 0
    covered.push([start, start + m[0].length])
    const label = [...labels].reverse().find((l) => l.index < start)
    blocks.push(parseBody(m[1] ?? '', m[2] ?? '', label?.name))
  }

  const problems: string[] = []
  for (const m of source.matchAll(BEGIN_ONLY)) {
    const at = m.index ?? 0
    if (!covered.some(([s, e]) => at >= s && at < e)) problems.push(`BEGIN ${m[1] ?? ''} has no matching END marker (truncated paste?).`)
  }

  if (blocks.length === 0) {
    if (notEnrolled)
      return notParsed(
        'not-enrolled',
        `The trustpoint is not enrolled (${notEnrolled[1] ?? ''}): run crypto pki authenticate and enroll first.`,
      )
    const message = firstIosMessage(source)
    if (message) return notParsed('router-error', `The router answered: ${message}`)
    return notParsed('not-recognised', problems[0] ?? 'No BEGIN/END blocks found.')
  }

  const keyLabel = [...labels].reverse().find((l) => l.name === 'Key name')
  const first = (role: PemRole): PemBlock | undefined => blocks.find((b) => b.role === role)
  const caCertificate = first('ca-certificate')
  const certificate = first('certificate')
  const publicKey = first('public-key')
  const privateKey = first('private-key')
  // Not enrolled, IOS still exports the CA certificate ("% Only export the CA certificate in PEM
  // format."): a usable testCA.pem, with no certificate of the router's own.
  if (notEnrolled) problems.push(`The trustpoint ${notEnrolled[1] ?? ''} is not enrolled: the router exported its CA certificate only.`)
  return parsed({
    blocks,
    ...(caCertificate ? { caCertificate } : {}),
    ...(certificate ? { certificate } : {}),
    ...(keyLabel?.value ? { keyName: keyLabel.value } : {}),
    ...(publicKey ? { publicKey } : {}),
    ...(privateKey ? { privateKey } : {}),
    problems,
  })
}
