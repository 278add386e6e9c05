// The context each certificate is checked in: the bridge name only for the bridge certificate
// (a CallManager certificate in the library is not a misnamed bridge), and the IOS
// `lifetime certificate` only for the site's CA and what it issued.
import { checkCertificate, sameName, type Check, type CheckContext } from '../../../shared/pki/parsed'
import type { SiteVars } from '../../../shared/procedure'
import type { LoadedCertificate } from '../../store/certs-slice'

const DAY_MS = 86_400_000

export function isBridgeEntry(entry: LoadedCertificate, bridgeName: string): boolean {
  if (entry.cert.isCa) return false
  const cn = entry.cert.commonName?.toLowerCase()
  return entry.kept.role === 'General Purpose' || (cn !== undefined && cn === bridgeName.trim().toLowerCase())
}

export function checkContextFor(
  entry: LoadedCertificate,
  library: readonly LoadedCertificate[],
  site: SiteVars,
  now: Date,
  routerNow?: Date,
): CheckContext {
  const ctx: CheckContext = routerNow ? { now, routerNow } : { now }
  if (site.bridgeName.trim() && isBridgeEntry(entry, site.bridgeName)) ctx.bridgeName = site.bridgeName.trim()
  const caName = site.caName.trim().toLowerCase()
  const siteCa = library.find((e) => e.cert.isCa && e.cert.commonName?.toLowerCase() === caName)
  if (!siteCa) return ctx
  if (siteCa.cert.id === entry.cert.id) ctx.lifetimeDays = site.lifetimeCertificateDays
  else if (sameName(entry.cert.issuer, siteCa.cert.subject)) {
    ctx.lifetimeDays = site.lifetimeCertificateDays
    ctx.caRemainingDays = Math.floor((Date.parse(siteCa.cert.notAfter) - now.getTime()) / DAY_MS)
  }
  return ctx
}

const ORDER = { error: 0, warning: 1, info: 2 } as const

/** Rules 4–13 for one certificate, errors first. */
export function checksFor(
  entry: LoadedCertificate,
  library: readonly LoadedCertificate[],
  site: SiteVars,
  now: Date,
  routerNow?: Date,
): Check[] {
  return checkCertificate(entry.cert, checkContextFor(entry, library, site, now, routerNow)).sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity],
  )
}

export function sortChecks(checks: readonly Check[]): Check[] {
  return [...checks].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
}
