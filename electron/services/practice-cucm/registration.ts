/**
 * Whether the practice CUCM accepts a secure conference bridge, in the order a real registration
 * meets the checks (Cisco Unified CM 15 Security Guide, "Secure conference bridge" / "Interactions
 * and restrictions"): the TLS handshake (CallManager-trust, as Cisco CallManager read it when it
 * last started, must hold the bridge certificate or the CA that signed it), then SCCP registration
 * (a conference bridge with that name must exist; its device security mode must match the DSP
 * farm's, or "the conference bridge cannot register"; an encrypted profile with a nonsecure bridge
 * is rejected).
 *
 * What CUCM records is what RisPort70 reports: Status Registered / UnRegistered / Rejected, and a
 * StatusReason from CISCO-CCM-MIB's CcmDevRegFailCauseCode (0 noError, 2 noEntryInDatabase,
 * 6 connectivityError, 10 authenticationError, 19 configurationMismatch). Which code real CUCM
 * records for a failed TLS handshake is not documented in what was found: 10 is this simulator's
 * choice. The router's console line is the simulator's explanation; real IOS shows the failure
 * only as NOT ASSOCIATED unless `debug ssl openssl errors` / `debug sccp errors` are on.
 */
import { X509Certificate } from 'node:crypto'
import type { RegistrationAttempt, RegistrationVerdict } from '../practice-router'
import type { PracticeCucmState, PracticeNodeKey } from './state'

/** The practice nodes' addresses on the lab network ("Use practice-lab addresses" puts the publisher's in the site). */
export const LAB_ADDRESSES: Readonly<Record<PracticeNodeKey, string>> = { publisher: '10.10.10.10', subscriber: '10.10.10.11' }
const SECURE_PORT = 2443

type Record_ = PracticeCucmState['registrations'][number]

function facts(pem: string | undefined): { sha256: string; cn: string } | undefined {
  if (!pem) return undefined
  try {
    const cert = new X509Certificate(pem)
    const cn =
      cert.subject
        .split('\n')
        .find((line) => line.startsWith('CN='))
        ?.slice(3) ?? ''
    return { sha256: cert.fingerprint256, cn }
  } catch {
    return undefined
  }
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

export interface Judgement {
  readonly verdict: RegistrationVerdict
  /** What CUCM records for RisPort70 (undefined: nothing reached CUCM). */
  readonly record?: Omit<Record_, 'at'>
}

export function judgeRegistration(state: PracticeCucmState, attempt: RegistrationAttempt): Judgement {
  const key = (Object.keys(LAB_ADDRESSES) as PracticeNodeKey[]).find((k) => LAB_ADDRESSES[k] === attempt.ccmAddress)
  const port = attempt.secure ? SECURE_PORT : 2000
  const to = `SCCP${attempt.secure ? '/TLS' : ''} to ${attempt.ccmAddress} port ${port}`
  const prefix = `Practice CUCM: ${attempt.registerName} (profile ${attempt.profile}):`
  if (!key) {
    return {
      verdict: {
        registered: false,
        failure: 'unreachable',
        reason: `${prefix} ${to}: no answer. The practice CUCM's nodes are ${LAB_ADDRESSES.publisher} (CUCMPUB15) and ${LAB_ADDRESSES.subscriber} (CUCMSUB15).`,
      },
    }
  }
  const node = state.nodes[key]
  const base = { name: attempt.registerName, node: node.name, ipAddress: attempt.localAddress }
  if (node.callmanager.status !== 'Started') {
    return {
      verdict: {
        registered: false,
        failure: 'unreachable',
        reason: `${prefix} ${to}: connection refused, Cisco CallManager on ${node.name} is ${node.callmanager.status}. The bridge tries again.`,
      },
    }
  }
  const cert = facts(attempt.certificatePem)
  const ca = facts(attempt.caPem)
  if (attempt.secure) {
    const loaded = new Set(node.callmanager.loadedTrust)
    const inStore = new Set((node.trust.callmanager ?? []).map((t) => t.sha256))
    const trusts = (set: Set<string>): boolean => (cert !== undefined && set.has(cert.sha256)) || (ca !== undefined && set.has(ca.sha256))
    if (!trusts(loaded)) {
      const why = trusts(inStore)
        ? `CallManager-trust on ${node.name} holds the bridge's certificate, but Cisco CallManager was not restarted after the upload (it reads the store when it starts)`
        : `CallManager-trust on ${node.name} holds neither ${ca?.cn ? `the CA (CN=${ca.cn})` : 'the CA'} nor the bridge certificate${cert?.cn ? ` (CN=${cert.cn})` : ''}`
      return {
        verdict: {
          registered: false,
          failure: 'tls',
          reason: `${prefix} ${to} (${node.name}): TLS handshake failure: CUCM does not trust the bridge certificate. ${why}.`,
        },
        record: { ...base, name: cert?.cn || attempt.registerName, status: 'UnRegistered', statusReason: '10' },
      }
    }
  }
  const bridge = state.conferenceBridges.find((b) => same(b.name, attempt.registerName))
  if (!bridge) {
    return {
      verdict: {
        registered: false,
        failure: 'rejected',
        reason: `${prefix} registration rejected by ${node.name}: CUCM has no conference bridge named ${attempt.registerName} (noEntryInDatabase). The name must equal the certificate's CN and the register name.`,
      },
      record: { ...base, status: 'Rejected', statusReason: '2' },
    }
  }
  const encrypted = /encrypted/i.test(bridge.securityProfileName)
  if (encrypted !== attempt.secure) {
    return {
      verdict: {
        registered: false,
        failure: 'rejected',
        reason: `${prefix} registration rejected by ${node.name}: security mode mismatch, the DSP farm profile is ${attempt.secure ? 'secure' : 'non secure'} and conference bridge ${bridge.name} is "${bridge.securityProfileName}" (configurationMismatch).`,
      },
      record: { ...base, name: bridge.name, status: 'Rejected', statusReason: '19' },
    }
  }
  return { verdict: { registered: true, node: node.name }, record: { ...base, name: bridge.name, status: 'Registered', statusReason: '0' } }
}
