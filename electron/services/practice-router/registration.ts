import type { Runtime } from './context'
import { enabledServerName, hasForeignTrust, trustpointCn } from './pki'
import type { RouterSnapshot } from './state'

/**
 * Whether a secure conference profile can register with CUCM, and if not, why. The reasons are the
 * failure causes of the procedure; the most instructive is a `register` name that differs from the
 * bridge certificate's CN.
 */
export function profileBlockers(state: RouterSnapshot, runtime: Runtime, id: number): string[] {
  const reasons: string[] = []
  const profile = state.dspfarmProfiles[String(id)]
  if (!profile) return ['profile not configured']
  if (!runtime.ntpSynced) reasons.push('clock not synchronized by NTP')
  if (!enabledServerName(state)) reasons.push('certificate server not enabled')
  if (!state.voiceCard?.dspfarm) reasons.push('dsp services dspfarm not configured')
  if (profile.shutdown) reasons.push('profile is shut down')
  if (profile.application !== 'SCCP') reasons.push('profile not associated with SCCP')
  const tp = profile.trustpoint ? state.trustpoints[profile.trustpoint] : undefined
  if (profile.security) {
    if (!profile.trustpoint) reasons.push('profile has no trustpoint')
    else if (!tp?.certPem) reasons.push(`trustpoint ${profile.trustpoint} not enrolled`)
    if (!hasForeignTrust(state)) reasons.push('CUCM certificate not imported')
  }
  if (!state.sccp.enabled) reasons.push('sccp not enabled')
  const local = state.interfaces.find((i) => i.name === state.sccp.local)
  if (!local?.ipAddress || local.shutdown) reasons.push('sccp local interface has no address or is down')
  const association = ccmFor(state, id)
  if (!association) reasons.push('profile not associated with a ccm group and call manager')
  else if (profile.security) {
    const cn = trustpointCn(tp)
    if (cn && cn.toLowerCase() !== association.register.toLowerCase()) {
      reasons.push(`register name ${association.register} differs from certificate CN ${cn}`)
    }
  }
  return reasons
}

export interface CcmAssociation {
  readonly group: number
  readonly register: string
  readonly address: string
  readonly identifier: number
}

/** The call manager a profile registers with: through a group that lists both the profile and a known ccm. */
export function ccmFor(state: RouterSnapshot, id: number): CcmAssociation | undefined {
  for (const [groupId, group] of Object.entries(state.sccp.groups)) {
    const entry = group.profiles.find((p) => p.profile === id)
    if (!entry) continue
    const ccms = [...group.ccms].sort((a, b) => a.priority - b.priority)
    for (const assoc of ccms) {
      const ccm = state.sccp.ccms.find((c) => c.identifier === assoc.identifier)
      if (ccm) return { group: Number(groupId), register: entry.register, address: ccm.address, identifier: ccm.identifier }
    }
  }
  return undefined
}

export function readyProfiles(state: RouterSnapshot, runtime: Runtime): number[] {
  return Object.keys(state.dspfarmProfiles)
    .map(Number)
    .filter((id) => profileBlockers(state, runtime, id).length === 0)
}
