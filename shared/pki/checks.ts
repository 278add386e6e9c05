// The workbench rules (DOMAIN.md "Certificate rules") as checks. Each check says what is wrong
// and, in one sentence, why it matters on a CUCM 15 + IOS secure conference bridge.

import type { Check, ParsedCertificate } from './types'

const DAY_MS = 86_400_000
export const EXPIRY_WARNING_DAYS = 90
export const CUCM_MAX_RSA_BITS = 4096

/**
 * A certificate that starts less than this far in the future is not reported: the router and this
 * computer each keep their own clock, and a certificate the router just issued can start a few
 * seconds (or a minute) "later" than this clock without anything being wrong.
 */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000

export interface CheckContext {
  /** Read at every check: never a clock cached by the page. */
  now: Date
  /**
   * The router's clock (from `show clock`, carried forward), when known: a not-yet-valid
   * certificate is judged against it, since the router is what will use the certificate.
   */
  routerNow?: Date
  /** The CUCM conference bridge name (also the `associate profile … register` name). */
  bridgeName?: string
  /** Days the issuing CA has left; computed from the certificate itself when it is the CA. */
  caRemainingDays?: number
  /** N from `lifetime certificate N` on the IOS CA. */
  lifetimeDays?: number
  /** Where the certificate is going; CUCM refuses RSA keys over 4096 bits. Default 'cucm'. */
  target?: 'cucm' | 'none'
}

function day(iso: string): string {
  return iso.slice(0, 10)
}

function nameOf(cert: ParsedCertificate): string {
  return cert.commonName ?? cert.subject.text
}

export function checkCertificate(cert: ParsedCertificate, ctx: CheckContext): Check[] {
  const checks: Check[] = []
  const add = (severity: Check['severity'], code: string, message: string): void => {
    checks.push({ severity, code, message, certificateId: cert.id })
  }
  const name = nameOf(cert)
  const now = ctx.now.getTime()
  const notBefore = Date.parse(cert.notBefore)
  const notAfter = Date.parse(cert.notAfter)
  const daysLeft = Math.floor((notAfter - now) / DAY_MS)

  // Rule 6: validity against the clock.
  if (now > notAfter) {
    add(
      'error',
      'expired',
      `${name} expired on ${day(cert.notAfter)} (${-daysLeft} days ago): IOS and CUCM reject expired certificates, so the TLS connection fails.`,
    )
  } else if (notBefore - (ctx.routerNow ?? ctx.now).getTime() > CLOCK_SKEW_TOLERANCE_MS) {
    const clock = ctx.routerNow
      ? `the router's clock (${ctx.routerNow.toISOString()}, from show clock)`
      : `this computer's clock (${ctx.now.toISOString()})`
    add(
      'warning',
      'not-yet-valid',
      `${name} is not valid until ${cert.notBefore}, more than ${CLOCK_SKEW_TOLERANCE_MS / 60_000} minutes after ${clock}: a clock-skew problem — check NTP ('show ntp status') on the router and the clock here.`,
    )
  } else if (daysLeft < EXPIRY_WARNING_DAYS) {
    add(
      'warning',
      'expires-soon',
      `${name} expires on ${day(cert.notAfter)}, in ${daysLeft} days: renew it before then or the secure bridge stops registering.`,
    )
  } else {
    add('info', 'valid', `${name} is valid until ${day(cert.notAfter)} (${daysLeft} days).`)
  }

  // Rule 8: weak keys and signatures warn; oversize keys block for CUCM.
  const key = cert.publicKey
  if (key.algorithm === 'RSA' && key.bits !== undefined) {
    if (key.bits > CUCM_MAX_RSA_BITS && (ctx.target ?? 'cucm') === 'cucm') {
      add(
        'error',
        'key-too-large',
        `${name} has a ${key.bits}-bit RSA key: CUCM refuses keys larger than ${CUCM_MAX_RSA_BITS} bits, so the upload will fail.`,
      )
    } else if (key.bits < 2048) {
      add(
        'warning',
        'weak-key',
        `${name} has a ${key.bits}-bit RSA key, below today's 2048-bit minimum; CUCM 15 still accepts it (the tech note's CA is 1024-bit), so this does not block.`,
      )
    }
  } else if (key.algorithm === 'EC' && key.curve !== 'P-256' && key.curve !== 'P-384' && key.curve !== 'P-521') {
    add(
      'warning',
      'unusual-curve',
      `${name} uses the EC curve ${key.curve ?? 'unknown'}: CUCM and IOS support P-256, P-384 and P-521 only.`,
    )
  } else if (key.algorithm !== 'RSA' && key.algorithm !== 'EC') {
    add('warning', 'unusual-key', `${name} has a ${key.algorithm} key: CUCM trust stores expect RSA or ECDSA certificates.`)
  }
  const hash = cert.signatureAlgorithm.hash
  if (hash === 'MD5' || hash === 'SHA-1') {
    add(
      'warning',
      'weak-signature',
      `${name} is signed with ${cert.signatureAlgorithm.name}: ${hash} is broken for signatures, but CUCM 15 accepted the tech note's MD5-signed CA, so this does not block (prefer 'hash sha256' on the IOS CA).`,
    )
  }

  // Rules 4 and 11: the bridge certificate's CN is the CUCM device name; no wildcards.
  if (ctx.bridgeName !== undefined && !cert.isCa) {
    const cn = cert.commonName
    if (cn === undefined) {
      add(
        'error',
        'no-cn',
        `${name} has no CN, but CUCM matches the conference bridge name '${ctx.bridgeName}' against the certificate CN.`,
      )
    } else if (cn.toLowerCase() !== ctx.bridgeName.trim().toLowerCase()) {
      add(
        'error',
        'cn-mismatch',
        `The certificate CN is '${cn}' but the bridge is named '${ctx.bridgeName}': CUCM compares them (ignoring case) and will not register the bridge.`,
      )
    } else {
      add('info', 'cn-match', `The certificate CN '${cn}' matches the bridge name '${ctx.bridgeName}' (CUCM ignores case).`)
    }
  }
  const wildcard = [
    cert.commonName ?? '',
    ...(cert.extensions.subjectAltNames ?? []).filter((s) => s.type === 'dns').map((s) => s.value),
  ].find((n) => n.includes('*'))
  if (wildcard) add('error', 'wildcard', `${name} uses the wildcard name '${wildcard}': CUCM does not accept wildcard certificates.`)

  // Rule 7: IOS caps `lifetime certificate N` at the CA's own end date.
  if (ctx.lifetimeDays !== undefined) {
    const caLeft = ctx.caRemainingDays ?? (cert.isCa ? daysLeft : undefined)
    if (caLeft !== undefined && ctx.lifetimeDays > caLeft) {
      add(
        'warning',
        'lifetime-capped',
        `'lifetime certificate ${ctx.lifetimeDays}' asks for more than the ${Math.max(caLeft, 0)} days the CA has left: IOS caps issued certificates at the CA's end date, so they will last about ${Math.max(caLeft, 0)} days.`,
      )
    }
    const issuedFor = Math.round((notAfter - notBefore) / DAY_MS)
    if (!cert.isCa && issuedFor < ctx.lifetimeDays - 1) {
      add(
        'info',
        'lifetime-shortened',
        `${name} was issued for ${issuedFor} days, not the ${ctx.lifetimeDays} days of 'lifetime certificate': the CA capped it at its own end date.`,
      )
    }
  }
  if (cert.version !== 3) {
    add(
      'warning',
      'old-version',
      `${name} is an X.509 v${cert.version} certificate: without v3 extensions CUCM cannot tell a CA from a leaf.`,
    )
  }
  return checks
}
