// Text for the details view, kept out of the components so it can be tested without a DOM.
import {
  CLOCK_SKEW_TOLERANCE_MS,
  type CertificateExtensions,
  type KeyBlockInfo,
  type ParsedCertificate,
  type PublicKeyInfo,
} from '../../../shared/pki/parsed'

const DAY_MS = 86_400_000

export function daysLeft(notAfter: string, now: Date): number {
  return Math.floor((Date.parse(notAfter) - now.getTime()) / DAY_MS)
}

/** `2046-11-22 09:12:44 UTC` */
export function formatDate(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/**
 * Whether a certificate's start is clearly after the clock it will be judged by (the router's
 * when known): within CLOCK_SKEW_TOLERANCE_MS it is a clock difference, not a problem.
 */
export function startsInFuture(cert: Pick<ParsedCertificate, 'notBefore'>, now: Date, routerNow?: Date): boolean {
  return Date.parse(cert.notBefore) - (routerNow ?? now).getTime() > CLOCK_SKEW_TOLERANCE_MS
}

/** `1095 days left`, `expired 12 days ago`, `not valid for another 3 days`. */
export function validityText(cert: Pick<ParsedCertificate, 'notBefore' | 'notAfter'>, now: Date, routerNow?: Date): string {
  const left = daysLeft(cert.notAfter, now)
  if (left < 0) return `expired ${-left} day${left === -1 ? '' : 's'} ago`
  if (startsInFuture(cert, now, routerNow)) {
    const ms = Date.parse(cert.notBefore) - (routerNow ?? now).getTime()
    const clock = routerNow ? "the router's clock" : "this computer's clock"
    if (ms < DAY_MS) return `starts ${Math.ceil(ms / 60_000)} minutes after ${clock} (clock skew?)`
    const until = Math.ceil(ms / DAY_MS)
    return `not valid for another ${until} day${until === 1 ? '' : 's'} by ${clock} (clock skew?)`
  }
  return `${left} day${left === 1 ? '' : 's'} left`
}

/** A short badge for the list: `expired`, `12 d left`, `to 2046-11-22`. */
export function validityBadge(
  cert: Pick<ParsedCertificate, 'notBefore' | 'notAfter'>,
  now: Date,
  routerNow?: Date,
): { text: string; level: 'ok' | 'warn' | 'bad' } {
  const left = daysLeft(cert.notAfter, now)
  if (left < 0) return { text: 'expired', level: 'bad' }
  if (startsInFuture(cert, now, routerNow)) return { text: 'not yet valid', level: 'warn' }
  if (left < 90) return { text: `${left} d left`, level: 'warn' }
  return { text: `to ${cert.notAfter.slice(0, 10)}`, level: 'ok' }
}

export function publicKeyText(key: PublicKeyInfo): string {
  if (key.algorithm === 'RSA') return `RSA ${key.bits ?? '?'} bits`
  if (key.algorithm === 'EC') return `EC ${key.curve ?? 'unknown curve'}${key.bits ? ` (${key.bits} bits)` : ''}`
  return key.bits ? `${key.algorithm} ${key.bits} bits` : `${key.algorithm} (${key.oid})`
}

function critical(c: boolean): string {
  return c ? ' (critical)' : ''
}

/** One line per decoded extension, then the names of the others. */
export function extensionLines(ext: CertificateExtensions): Array<{ name: string; value: string }> {
  const lines: Array<{ name: string; value: string }> = []
  const bc = ext.basicConstraints
  if (bc) {
    const path = bc.pathLength !== undefined ? `, pathlen:${bc.pathLength}` : ''
    lines.push({ name: 'Basic constraints', value: `CA:${bc.ca ? 'TRUE' : 'FALSE'}${path}${critical(bc.critical)}` })
  }
  if (ext.keyUsage) lines.push({ name: 'Key usage', value: `${ext.keyUsage.usages.join(', ')}${critical(ext.keyUsage.critical)}` })
  if (ext.extendedKeyUsage) {
    lines.push({ name: 'Extended key usage', value: `${ext.extendedKeyUsage.usages.join(', ')}${critical(ext.extendedKeyUsage.critical)}` })
  }
  if (ext.subjectAltNames?.length) {
    lines.push({
      name: 'Subject alternative names',
      value: ext.subjectAltNames.map((s) => `${s.type.toUpperCase()}:${s.value}`).join(', '),
    })
  }
  if (ext.subjectKeyIdentifier) lines.push({ name: 'Subject key identifier', value: colonPairs(ext.subjectKeyIdentifier) })
  if (ext.authorityKeyIdentifier) lines.push({ name: 'Authority key identifier', value: colonPairs(ext.authorityKeyIdentifier) })
  const shown = new Set([
    'basicConstraints',
    'keyUsage',
    'extendedKeyUsage',
    'subjectAltName',
    'subjectKeyIdentifier',
    'authorityKeyIdentifier',
  ])
  const others = ext.all.filter((e) => !shown.has(e.name))
  if (others.length) lines.push({ name: 'Other extensions', value: others.map((e) => `${e.name}${critical(e.critical)}`).join(', ') })
  return lines
}

function colonPairs(hex: string): string {
  return (hex.match(/.{1,2}/g) ?? []).join(':')
}

/** `RSA PRIVATE KEY — RSA 1024 bits, encrypted (DES-EDE3-CBC, weak)` */
export function keyBlockText(key: KeyBlockInfo): string {
  const what = [
    key.algorithm && key.algorithm !== 'unknown' ? key.algorithm : undefined,
    key.bits ? `${key.bits} bits` : undefined,
    key.curve,
  ]
    .filter(Boolean)
    .join(' ')
  const protection =
    key.kind === 'public'
      ? 'public key'
      : key.encrypted
        ? `encrypted${key.cipher ? ` with ${key.cipher}` : ''}${key.weakEncryption ? ' — weak (DES/3DES)' : ''}`
        : 'NOT encrypted'
  return `${key.pemLabel}${what ? ` — ${what}` : ''}, ${protection}`
}
