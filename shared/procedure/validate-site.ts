import { SITE_FIELD_NAMES, type SiteField } from './site'
import {
  checkCodecs,
  checkCucmNodes,
  checkInterfaceName,
  checkIntRange,
  checkIosName,
  checkIpv4,
  checkPhoneDns,
  checkSccpVersion,
  toInteger,
  type FieldIssue,
} from './validators'

export interface SiteValidation {
  /** No errors (warnings allowed). */
  readonly ok: boolean
  readonly errorCount: number
  readonly warningCount: number
  /** Only fields with something to say; errors before warnings. */
  readonly fields: Partial<Record<SiteField, readonly FieldIssue[]>>
}

/**
 * CUCM device names are limited to 15 characters (the Cisco IOS `associate profile … register`
 * help and CUCM's device-name field agree); the bridge name is one, so 15 is a hard limit.
 */
export const BRIDGE_NAME_MAX = 15

const PER_FIELD: Readonly<Record<SiteField, (value: unknown) => FieldIssue[]>> = {
  ntpServerIp: checkIpv4,
  caIp: checkIpv4,
  cucmNodes: checkCucmNodes,
  callManagerTrust: (v) =>
    v === 'per-node' || v === 'ca-root'
      ? []
      : [{ severity: 'error', message: 'Choose per-node (self-signed CallManager certificates) or ca-root (CA-signed).' }],
  sccpInterface: checkInterfaceName,
  voiceCard: (v) =>
    typeof v === 'string' && /^\d{1,2}(?:\/\d{1,2})?$/.test(v.trim())
      ? []
      : [{ severity: 'error', message: 'The voice card is a slot number such as 0 (or 0/1 on ISR 4000).' }],
  caName: (v) =>
    checkIosName(v, {
      what: 'CA name',
      maxLength: 64,
      warnAbove: 13,
      warnReason:
        "Cisco's certificate-server guide limits the server label to 13 characters; a longer name may be refused by `crypto pki server`.",
    }),
  bridgeName: (v) => checkIosName(v, { what: 'bridge name', maxLength: BRIDGE_NAME_MAX }),
  cucmTrustpoint: (v) => checkIosName(v, { what: 'CUCM trustpoint name', maxLength: 64 }),
  dspProfileId: (v) => checkIntRange(v, 1, 65535, 'DSP farm profile number'),
  ccmIdentifier: (v) => checkIntRange(v, 1, 65535, 'CCM identifier'),
  ccmGroupId: (v) => checkIntRange(v, 1, 65535, 'CCM group number'),
  codecs: checkCodecs,
  maximumSessions: (v) => {
    const issues = checkIntRange(v, 1, 128, 'maximum sessions')
    const n = toInteger(v)
    if (issues.length === 0 && n !== undefined && n > 32) {
      return [
        {
          severity: 'warning',
          message: `${n} sessions is more than most PVDMs hold; \`no shutdown\` on the profile fails if the DSPs cannot.`,
        },
      ]
    }
    return issues
  },
  sccpVersion: checkSccpVersion,
  phoneDns: checkPhoneDns,
  // Ranges: Cisco IOS Security Command Reference, `lifetime (cs-server)` — certificate 1–1825 days,
  // ca-certificate 1–7305 days (20 years); the practice router's help shows the same.
  lifetimeCertificateDays: (v) => checkIntRange(v, 1, 1825, 'certificate lifetime in days (IOS allows 1–1825)'),
  caLifetimeDays: (v) => checkIntRange(v, 1, 7305, 'CA lifetime in days (IOS allows 1–7305)'),
}

function crossChecks(vars: Partial<Record<SiteField, unknown>>, add: (field: SiteField, issue: FieldIssue) => void): void {
  const names: Array<[SiteField, unknown]> = [
    ['caName', vars.caName],
    ['bridgeName', vars.bridgeName],
    ['cucmTrustpoint', vars.cucmTrustpoint],
  ]
  for (let i = 0; i < names.length; i++) {
    for (let j = 0; j < i; j++) {
      const [field, value] = names[i] ?? ['caName', '']
      const [otherField, other] = names[j] ?? ['caName', '']
      if (typeof value !== 'string' || typeof other !== 'string' || value === '') continue
      if (value === other)
        add(field, {
          severity: 'error',
          message: `Same as the ${otherField === 'caName' ? 'CA name' : 'bridge name'}: each trustpoint needs its own name.`,
        })
      else if (value.toLowerCase() === other.toLowerCase())
        add(field, {
          severity: 'warning',
          message: `Differs from the ${otherField === 'caName' ? 'CA name' : 'bridge name'} only in case; CUCM compares names ignoring case (its SDL traces upper-case them), so this invites mix-ups.`,
        })
    }
  }
  if (typeof vars.caIp === 'string' && vars.caIp !== '' && Array.isArray(vars.cucmNodes)) {
    vars.cucmNodes.forEach((node: unknown, i) => {
      if (typeof node === 'object' && node !== null && (node as { ip?: unknown }).ip === vars.caIp) {
        add('cucmNodes', { severity: 'error', message: `Node ${i + 1}: same IP as the CA: the CA is this router, CUCM is another host.` })
      }
    })
  }
  const identifier = toInteger(vars.ccmIdentifier)
  if (identifier !== undefined && Array.isArray(vars.cucmNodes) && identifier + vars.cucmNodes.length - 1 > 65535) {
    add('ccmIdentifier', {
      severity: 'error',
      message: `The nodes take identifiers ${identifier}…${identifier + vars.cucmNodes.length - 1}; the last must be 65535 or less.`,
    })
  }
  if (typeof vars.ntpServerIp === 'string' && vars.ntpServerIp !== '' && vars.ntpServerIp === vars.caIp) {
    add('ntpServerIp', {
      severity: 'warning',
      message: 'Same as the CA IP: the router cannot take time from itself unless it is `ntp master`.',
    })
  }
  const lifetime = toInteger(vars.lifetimeCertificateDays)
  const caLifetime = toInteger(vars.caLifetimeDays ?? 1095)
  if (lifetime !== undefined && caLifetime !== undefined && lifetime > caLifetime) {
    add('lifetimeCertificateDays', {
      severity: 'warning',
      message: `Longer than the CA's own lifetime (${caLifetime} days): IOS caps issued certificates at the CA's end date, so the bridge certificate will last about ${caLifetime} days, not ${lifetime}.`,
    })
  }
}

/** Per-field messages for a site form, as the user types. Accepts strings where numbers are expected. */
export function validateSite(vars: Partial<Record<SiteField, unknown>>): SiteValidation {
  const fields: Partial<Record<SiteField, FieldIssue[]>> = {}
  const add = (field: SiteField, issue: FieldIssue): void => {
    ;(fields[field] ??= []).push(issue)
  }
  for (const field of SITE_FIELD_NAMES) {
    for (const issue of PER_FIELD[field](vars[field])) add(field, issue)
  }
  crossChecks(vars, add)
  let errorCount = 0
  let warningCount = 0
  for (const issues of Object.values(fields)) {
    issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    for (const issue of issues) {
      if (issue.severity === 'error') errorCount++
      else warningCount++
    }
  }
  return { ok: errorCount === 0, errorCount, warningCount, fields }
}
