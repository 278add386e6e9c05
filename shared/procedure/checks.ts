import { certificatesOf, parseShowCertificates } from '../ios/certificates'
import { parseShowDspfarmProfile } from '../ios/dspfarm'
import { fingerprintsEqual, formatIosFingerprint } from '../ios/fingerprint'
import { parseShowNtpStatus } from '../ios/ntp'
import { parsePkiExport } from '../ios/pem-export'
import { parseShowPkiServer } from '../ios/pki-server'
import { parseShowSccp, parseShowSccpCcmGroup, sccpServiceFor } from '../ios/sccp'
import { parseTrustpointsStatus } from '../ios/trustpoints'
import { toLines } from '../ios/text'
import { parseShowClock } from '../ios/clock'
import { CLOCK_SKEW_TOLERANCE_MS } from '../pki/checks'
import type { CauseId, Check } from './types'

export interface ExpectedFingerprints {
  readonly label?: string
  readonly md5?: string
  readonly sha1?: string
  readonly sha256?: string
}

/** What the checklist knows besides router output: the time, and fingerprints from the workbench. */
export interface VerificationContext {
  readonly now?: number | Date
  readonly expectedFingerprints?: {
    readonly callManagerPem?: ExpectedFingerprints
    /**
     * Every certificate the engineer loaded for the CUCM side (one CallManager.pem per node of the
     * group, or the CA root): a CallManager trustpoint passes when it holds any of them.
     */
    readonly callManagerCandidates?: readonly ExpectedFingerprints[]
  }
}

export interface CheckEvaluation {
  readonly status: 'pass' | 'fail' | 'missing'
  readonly expected: string
  readonly seen: string
  /** Causes the output itself points at; listed before the check's usual suspects. */
  readonly hints?: readonly CauseId[]
}

export type OutputLookup = (command: string) => string | undefined

const pass = (expected: string, seen: string): CheckEvaluation => ({ status: 'pass', expected, seen })
const fail = (expected: string, seen: string, hints?: CauseId[]): CheckEvaluation =>
  hints && hints.length > 0 ? { status: 'fail', expected, seen, hints } : { status: 'fail', expected, seen }
const missingOutput = (expected: string, command: string): CheckEvaluation => ({
  status: 'missing',
  expected,
  seen: `No output yet for \`${command}\`.`,
})

const collapse = (s: string): string => s.trim().replace(/\s+/g, ' ')
const HOUR_MS = 3_600_000

function nowMs(context: VerificationContext): number {
  const now = context.now
  return now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime()
}

type CheckOf<K extends Check['kind']> = Extract<Check, { readonly kind: K }>
type Evaluator<K extends Check['kind']> = (check: CheckOf<K>, output: OutputLookup, context: VerificationContext) => CheckEvaluation

/** Both certificate-server checks read the same `show crypto pki server` block. */
function pkiServerCheck(check: CheckOf<'pki-server-running' | 'pki-server-granting'>, output: OutputLookup): CheckEvaluation {
  const expected =
    check.kind === 'pki-server-running'
      ? `Certificate Server ${check.server}: Status enabled, State enabled`
      : `Certificate Server ${check.server}: Granting mode is ${check.mode}`
  const text = output(check.command)
  if (text === undefined) return missingOutput(expected, check.command)
  const r = parseShowPkiServer(text)
  if (!r.ok) return fail(expected, r.reason, r.code === 'not-recognised' ? ['ca-not-enabled'] : [])
  const server =
    r.value.servers.find((s) => s.name === check.server) ?? r.value.servers.find((s) => s.name.toLowerCase() === check.server.toLowerCase())
  if (!server)
    return fail(expected, `No certificate server named ${check.server} (found ${r.value.servers.map((s) => s.name).join(', ')}).`)
  if (check.kind === 'pki-server-granting') {
    const seen = `Granting mode is: ${server.grantingMode ?? '?'}`
    return server.grantingMode === check.mode ? pass(expected, seen) : fail(expected, seen, ['grant-manual'])
  }
  const seen = `Status: ${server.status ?? '?'}${server.statusDetail ? `, ${server.statusDetail}` : ''}; State: ${server.state ?? '?'}`
  if (server.enabled) return pass(expected, seen)
  return fail(expected, seen, /http/i.test(server.statusDetail ?? '') ? ['http-server-disabled'] : [])
}

/** How each kind of check judges router output: one entry per kind, so adding a kind is adding a row. */
const CHECK_KINDS: { readonly [K in Check['kind']]: Evaluator<K> } = {
  'ntp-synchronized': (check, output) => {
    const expected = 'Clock is synchronized'
    const text = output(check.command)
    if (text === undefined) return missingOutput(expected, check.command)
    const r = parseShowNtpStatus(text)
    if (!r.ok) return fail(expected, r.reason)
    const v = r.value
    const seen = v.synchronized
      ? `Clock is synchronized, stratum ${v.stratum}, reference ${v.reference ?? '?'}`
      : `Clock is unsynchronized, stratum ${v.stratum}`
    return v.synchronized ? pass(expected, seen) : fail(expected, seen, v.neverUpdated ? ['ntp-unreachable'] : ['clock-not-synced'])
  },
  'config-lines': (check, output) => {
    const expected = `Configuration contains: ${check.lines.join(' | ')}`
    const text = output(check.command)
    if (text === undefined) return missingOutput(expected, check.command)
    const present = new Set(toLines(text).map(collapse))
    const absent = check.lines.filter((line) => !present.has(collapse(line)))
    return absent.length === 0
      ? pass(expected, `All ${check.lines.length} lines present.`)
      : fail(expected, `Missing: ${absent.join(' | ')}`)
  },
  'pki-server-running': pkiServerCheck,
  'pki-server-granting': pkiServerCheck,
  'trustpoint-authenticated': (check, output) => {
    const expected = `Trustpoint ${check.trustpoint}: Issuing CA authenticated ... Yes`
    const text = output(check.command)
    if (text === undefined) return missingOutput(expected, check.command)
    const r = parseTrustpointsStatus(text)
    if (!r.ok) return fail(expected, r.reason)
    const tp = r.value.trustpoints.find((t) => t.name === check.trustpoint)
    if (!tp) return fail(expected, `No trustpoint named ${check.trustpoint}.`, ['command-rejected'])
    const seen = `Issuing CA authenticated: ${tp.issuingCaAuthenticated === undefined ? '?' : tp.issuingCaAuthenticated ? 'Yes' : 'No'}`
    return tp.issuingCaAuthenticated === true ? pass(expected, seen) : fail(expected, seen)
  },
  'ca-fingerprint-matches-server': (check, output) => {
    const expected = `The CA fingerprint of ${check.trustpoint} equals the fingerprint of certificate server ${check.server}`
    const tpText = output(check.command)
    const serverText = output(check.serverCommand)
    if (tpText === undefined) return missingOutput(expected, check.command)
    if (serverText === undefined) return missingOutput(expected, check.serverCommand)
    const tp = parseTrustpointsStatus(tpText)
    const server = parseShowPkiServer(serverText)
    const tpMd5 = tp.ok ? tp.value.trustpoints.find((t) => t.name === check.trustpoint)?.issuingCa?.fingerprints.md5 : undefined
    const serverMd5 = server.ok ? server.value.servers.find((s) => s.name === check.server)?.caFingerprintMd5 : undefined
    if (!tpMd5 || !serverMd5)
      return fail(expected, `Fingerprints not found (trustpoint: ${tpMd5 ? 'yes' : 'no'}, server: ${serverMd5 ? 'yes' : 'no'}).`)
    const seen = `${check.trustpoint} CA MD5 ${formatIosFingerprint(tpMd5)}; ${check.server} MD5 ${formatIosFingerprint(serverMd5)}`
    return fingerprintsEqual(tpMd5, serverMd5) ? pass(expected, seen) : fail(expected, seen, ['fingerprint-mismatch'])
  },
  'certificate-available': (check, output) => {
    const what = check.certificate === 'ca' ? 'CA Certificate' : 'Certificate'
    const expected = `${what} of ${check.trustpoint}: Status Available${check.subjectCn ? `, Subject cn=${check.subjectCn}` : ''}`
    const text = output(check.command)
    if (text === undefined) return missingOutput(expected, check.command)
    const r = parseShowCertificates(text)
    if (!r.ok) return fail(expected, r.reason)
    const found = certificatesOf(r.value, check.trustpoint, check.certificate)
    if (found.length === 0) return fail(expected, `No ${what} block associated with ${check.trustpoint}.`)
    const good = found.find(
      (c) => c.status === 'Available' && (!check.subjectCn || c.subject?.cn?.toLowerCase() === check.subjectCn.toLowerCase()),
    )
    const first = found[0]
    const seen = `Status ${first?.status ?? '?'}${first?.subject?.cn !== undefined ? `, Subject cn=${first.subject.cn}` : ''}`
    if (good)
      return pass(expected, `Status ${good.status ?? '?'}${good.subject?.cn !== undefined ? `, Subject cn=${good.subject.cn}` : ''}`)
    const cnWrong =
      check.subjectCn !== undefined &&
      found.some((c) => c.subject?.cn !== undefined && c.subject.cn.toLowerCase() !== check.subjectCn?.toLowerCase())
    return fail(expected, seen, cnWrong ? ['bridge-name-cn-mismatch'] : found.some((c) => c.status === 'Pending') ? ['grant-manual'] : [])
  },
  'certificates-current': (check, output, context) => {
    const expected = 'Every certificate is within its validity dates'
    const text = output(check.command)
    if (text === undefined) return missingOutput(expected, check.command)
    const r = parseShowCertificates(text)
    if (!r.ok) return fail(expected, r.reason)
    const now = nowMs(context)
    // Not yet valid is judged by the router's clock when show clock printed a UTC time.
    const routerClock = check.clockCommand ? parseShowClock(output(check.clockCommand) ?? '') : null
    const startReference = routerClock?.date.utcMs ?? now
    const problems: string[] = []
    let hints: CauseId[] = []
    for (const c of r.value.certificates) {
      const name = `${c.heading} ${c.subject?.cn ?? c.associatedTrustpoints.join(' ')}`.trim()
      // A local zone name has no known offset: allow ±14 h before calling it wrong.
      const slack = (d: { utcMs?: number }): number => (d.utcMs === undefined ? 14 * HOUR_MS : 0)
      if (c.validTo && (c.validTo.utcMs ?? c.validTo.wallClockMs) + slack(c.validTo) < now) {
        problems.push(`${name} expired ${c.validTo.text}`)
        hints = ['certificate-expired']
      }
      // A start within a few minutes of this clock is the two clocks differing, not a problem.
      if (c.validFrom && (c.validFrom.utcMs ?? c.validFrom.wallClockMs) - slack(c.validFrom) - CLOCK_SKEW_TOLERANCE_MS > startReference) {
        problems.push(`${name} not valid until ${c.validFrom.text}${routerClock ? ` (router clock ${routerClock.date.text})` : ''}`)
        if (hints.length === 0) hints = ['clock-not-synced']
      }
    }
    return problems.length === 0
      ? pass(expected, `${r.value.certificates.length} certificate(s) current.`)
      : fail(expected, problems.join('; '), hints)
  },
  'fingerprint-matches-expected': (check, output, context) => {
    const expected = `The certificate in ${check.trustpoint} has the fingerprint of CallManager.pem`
    const given = context.expectedFingerprints
    const wanted = [...(given?.callManagerCandidates ?? []), ...(given?.callManagerPem ? [given.callManagerPem] : [])].filter(
      (w) => w.md5 || w.sha1 || w.sha256,
    )
    if (wanted.length === 0) return { status: 'missing', expected, seen: 'CallManager.pem is not loaded in the workbench.' }
    const text = output(check.command)
    if (text === undefined) return missingOutput(expected, check.command)
    const r = parseShowCertificates(text)
    if (!r.ok) return fail(expected, r.reason)
    const cert = certificatesOf(r.value, check.trustpoint, 'ca')[0]
    if (!cert) return fail(expected, `No CA Certificate block associated with ${check.trustpoint}.`, ['cucm-certificate-not-imported'])
    const compare = (want: ExpectedFingerprints): { comparable: number; mismatch?: [string, string, string] } => {
      const pairs: Array<[string, string | undefined, string | undefined]> = [
        ['SHA1', cert.fingerprints.sha1, want.sha1],
        ['MD5', cert.fingerprints.md5, want.md5],
      ]
      const comparable = pairs.filter((p): p is [string, string, string] => Boolean(p[1] && p[2]))
      const mismatch = comparable.find(([, seenFp, wantFp]) => !fingerprintsEqual(seenFp, wantFp))
      return mismatch ? { comparable: comparable.length, mismatch } : { comparable: comparable.length }
    }
    const results = wanted.map((w) => ({ want: w, ...compare(w) }))
    if (results.every((x) => x.comparable === 0))
      return { status: 'missing', expected, seen: 'The output has no fingerprints to compare (use the verbose form).' }
    const seenFp = cert.fingerprints.sha1
      ? `SHA1 ${formatIosFingerprint(cert.fingerprints.sha1)}`
      : `MD5 ${formatIosFingerprint(cert.fingerprints.md5 ?? '')}`
    const hit = results.find((x) => x.comparable > 0 && !x.mismatch)
    if (hit) return pass(expected, `${seenFp}${hit.want.label ? ` (${hit.want.label})` : ''}`)
    const first = results.find((x) => x.mismatch)?.mismatch
    const detail =
      wanted.length === 1 && first
        ? ` (CallManager.pem: ${formatIosFingerprint(first[2])})`
        : ` (none of the ${wanted.length} CUCM certificates in the workbench)`
    return fail(expected, `${seenFp}${detail}`, ['fingerprint-mismatch'])
  },
  'export-complete': (check, output) => {
    const expected = '% CA certificate and % General Purpose Certificate, each with a PEM block'
    const text = output(check.command)
    if (text === undefined) return missingOutput(expected, check.command)
    const r = parsePkiExport(text)
    if (!r.ok) return fail(expected, r.reason, r.code === 'not-enrolled' ? ['ca-not-authenticated'] : [])
    const has = [
      r.value.caCertificate ? 'CA certificate' : undefined,
      r.value.certificate ? 'general purpose certificate' : undefined,
    ].filter(Boolean)
    const seen = has.length > 0 ? `Found: ${has.join(', ')}.` : 'No labelled certificate blocks.'
    if (r.value.caCertificate && r.value.certificate) return pass(expected, seen)
    // Not enrolled, IOS still exports the CA certificate alone (see shared/ios/pem-export.ts):
    // the bridge has no certificate yet, so enrolment (step 7) is what is missing.
    const notEnrolled = r.value.problems.find((p) => /is not enrolled/.test(p))
    return notEnrolled ? fail(expected, `${seen} ${notEnrolled}`, ['ca-not-authenticated', 'enrollment-url-wrong']) : fail(expected, seen)
  },
  'dspfarm-profile': (check, output) => {
    const wants: Array<[string, string | boolean | undefined]> = [
      ['Profile Service Mode', check.secure === undefined ? undefined : check.secure ? 'secure' : 'Non Secure'],
      ['Trustpoint', check.trustpoint],
      ['Profile Admin State', check.adminState],
      ['Profile Operation State', check.operationState],
      ['Application Status', check.applicationStatus],
    ]
    const expected = `Profile ${check.profileId}: ${wants
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ')}`
    const text = output(check.command)
    if (text === undefined) return missingOutput(expected, check.command)
    const r = parseShowDspfarmProfile(text)
    if (!r.ok) return fail(expected, r.reason, ['command-rejected'])
    const p = r.value.profiles.find((x) => String(x.id) === check.profileId)
    if (!p) return fail(expected, `No profile ${check.profileId} (found ${r.value.profiles.map((x) => x.id).join(', ')}).`)
    const actual: Record<string, string | undefined> = {
      'Profile Service Mode': p.serviceMode,
      Trustpoint: p.trustpoint,
      'Profile Admin State': p.adminState,
      'Profile Operation State': p.operationState,
      'Application Status': p.applicationStatus,
    }
    const wrong = wants.filter(([k, v]) => v !== undefined && (k === 'Profile Service Mode' ? p.secure !== check.secure : actual[k] !== v))
    const seen = wants
      .filter(([, v]) => v !== undefined)
      .map(([k]) => `${k} ${actual[k] ?? '?'}`)
      .join(', ')
    if (wrong.length === 0) return pass(expected, seen)
    const hints: CauseId[] = []
    if (check.secure !== undefined && p.secure !== check.secure) hints.push('security-mode-mismatch')
    if (check.applicationStatus !== undefined && p.applicationStatus !== check.applicationStatus) hints.push('profile-needs-sccp-restart')
    return fail(expected, seen, hints)
  },
  'sccp-registered': (check, output) => {
    const ips = check.cucmIps.split(/\s+/).filter((ip) => ip !== '')
    const expected = `TCP Link Status CONNECTED, Active Call Manager ${ips.join(' or ')} port ${check.port}, Signaling Security ${check.signaling}`
    const text = output(check.command)
    if (text === undefined) return missingOutput(expected, check.command)
    const r = parseShowSccp(text)
    if (!r.ok) return fail(expected, r.reason)
    const svc = sccpServiceFor(r.value, Number(check.profileId))
    if (!svc) return fail(expected, `No SCCP service for profile ${check.profileId}.`, ['profile-needs-sccp-restart'])
    const cm = svc.activeCallManager
    const seen = `TCP Link Status ${svc.tcpLinkStatus ?? '?'}, Active Call Manager ${cm ? `${cm.ip} port ${cm.port}` : '?'}, Signaling Security ${svc.signalingSecurity ?? 'not shown'}`
    const connected = svc.tcpLinkStatus === 'CONNECTED'
    const rightCm = cm !== undefined && ips.includes(cm.ip) && cm.port === check.port
    const encrypted = collapse(svc.signalingSecurity ?? '').toUpperCase() === check.signaling.toUpperCase()
    if (connected && rightCm && encrypted) return pass(expected, seen)
    const hints: CauseId[] = []
    if (cm && !ips.includes(cm.ip) && cm.ip !== 'NONE') hints.push('sccp-address-wrong')
    if (connected && cm?.port !== check.port) hints.push('security-mode-mismatch')
    return fail(expected, seen, hints)
  },
  'ccm-group-registration': (check, output) => {
    const expected = `CCM group ${check.group}: Associated Profile ${check.profileId}, Registration Name ${check.registrationName}`
    const text = output(check.command)
    if (text === undefined) return missingOutput(expected, check.command)
    const r = parseShowSccpCcmGroup(text)
    if (!r.ok) return fail(expected, r.reason, ['command-rejected'])
    const group = r.value.groups.find((g) => String(g.id) === check.group)
    if (!group) return fail(expected, `No CCM group ${check.group}.`, ['command-rejected'])
    const profile = group.profiles.find((p) => String(p.id) === check.profileId)
    const seen = profile
      ? `Associated Profile ${profile.id}, Registration Name ${profile.registrationName ?? '?'}`
      : `Profiles: ${group.profiles.map((p) => p.id).join(', ') || 'none'}`
    if (profile?.registrationName?.toLowerCase() === check.registrationName.toLowerCase()) return pass(expected, seen)
    return fail(expected, seen, profile ? ['bridge-name-cn-mismatch'] : ['command-rejected'])
  },
}

/** Evaluate one check whose strings are already rendered from the site variables. */
export function evaluateCheck(check: Check, output: OutputLookup, context: VerificationContext): CheckEvaluation {
  // TypeScript cannot tie CHECK_KINDS[check.kind] to check's own member of the union; the mapped
  // type above guarantees each entry takes exactly the check of its kind.
  const evaluate = CHECK_KINDS[check.kind] as Evaluator<Check['kind']>
  return evaluate(check, output, context)
}
