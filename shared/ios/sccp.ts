import { guardInput, notParsed, nothingFound, parsed, type Parsed } from './result'
import { toLines } from './text'

/** `show sccp [all]` and `show sccp ccm group N`. */
export interface SccpCallManager {
  readonly ip: string
  readonly port: number
  readonly priority?: string
  readonly version?: string
  readonly identifier?: number
  readonly trustpoint?: string
}

export interface SccpService {
  /** `Conferencing`, `Transcoding`, `MTP`…; empty when the output had no `… Oper State:` line. */
  readonly name: string
  readonly operState?: string
  readonly causeCode?: string
  readonly activeCallManager?: { readonly ip: string; readonly port: number }
  /** `CONNECTED`, `NOT_CONNECTED`… */
  readonly tcpLinkStatus?: string
  readonly profileIdentifier?: number
  readonly deviceName?: string
  /** `ENCRYPTED TLS`, `NONE`… */
  readonly signalingSecurity?: string
  readonly mediaSecurity?: string
  readonly reportedMaxStreams?: number
  readonly codecs: readonly string[]
}

export interface ShowSccp {
  readonly adminState?: string
  readonly gatewayInterface?: string
  readonly gatewayIp?: string
  readonly gatewayPort?: number
  readonly callManagers: readonly SccpCallManager[]
  readonly services: readonly SccpService[]
}

type MutableService = { -readonly [K in keyof SccpService]: SccpService[K] } & { codecs: string[] }
type MutableCcm = { -readonly [K in keyof SccpCallManager]: SccpCallManager[K] }

export function parseShowSccp(text: string): Parsed<ShowSccp> {
  const input = guardInput(text)
  if (input === null || input.trim() === '') return notParsed('empty', 'No "show sccp" output to read.')
  const out: { adminState?: string; gatewayInterface?: string; gatewayIp?: string; gatewayPort?: number } = {}
  const callManagers: MutableCcm[] = []
  const services: MutableService[] = []
  let recognised = false
  let section: 'gateway' | 'ccm' | 'service' | 'done' = 'gateway'
  const newService = (): MutableService => {
    const svc: MutableService = { name: '', codecs: [] }
    services.push(svc)
    section = 'service'
    return svc
  }
  // Minimal output (no `… Oper State:` line) still gets one unnamed service to hold its lines.
  const current = (): MutableService => {
    const svc = services[services.length - 1]
    return svc && section === 'service' ? svc : newService()
  }

  for (const raw of toLines(input)) {
    const line = raw.trim()
    if (line === '' || section === 'done') continue
    let m: RegExpExecArray | null
    if ((m = /^SCCP Admin State:\s*(\S+)/i.exec(line))) {
      out.adminState = m[1]
      recognised = true
      continue
    }
    if (/^SCCP Application Service\(s\) Statistics/i.test(line)) {
      section = 'done'
      continue
    }
    if ((m = /^Gateway Local Interface:\s*(\S+)/i.exec(line))) {
      out.gatewayInterface = m[1]
      section = 'gateway'
      continue
    }
    if ((m = /^Gateway IP Address:\s*([\d.]+)\s*,\s*Port Number:\s*(\d+)/i.exec(line))) {
      out.gatewayIp = m[1]
      out.gatewayPort = Number(m[2])
      continue
    }
    if (section === 'gateway' && (m = /^IPv4 Address:\s*([\d.]+)/i.exec(line))) {
      out.gatewayIp = m[1]
      continue
    }
    if (section === 'gateway' && (m = /^Port Number:\s*(\d+)/i.exec(line))) {
      out.gatewayPort = Number(m[1])
      continue
    }
    if ((m = /^Call Manager:\s*([^\s,]+)\s*,\s*Port Number:\s*(\d+)/i.exec(line))) {
      callManagers.push({ ip: m[1] ?? '', port: Number(m[2]) })
      section = 'ccm'
      recognised = true
      continue
    }
    const ccm = callManagers[callManagers.length - 1]
    if (section === 'ccm' && ccm) {
      if ((m = /^Priority:\s*([^,]+?)\s*,\s*Version:\s*([^,]+?)\s*,\s*Identifier:\s*(\d+)/i.exec(line))) {
        ccm.priority = m[1]
        ccm.version = m[2]
        ccm.identifier = Number(m[3])
        continue
      }
      if ((m = /^Trustpoint:\s*(.+)$/i.exec(line))) {
        ccm.trustpoint = m[1]
        continue
      }
    }
    if ((m = /^(.+?)\s+Oper State:\s*(\S+)(?:\s*-\s*Cause Code:\s*(\S+))?/i.exec(line))) {
      const svc = newService()
      svc.name = m[1] ?? ''
      svc.operState = m[2]
      if (m[3]) svc.causeCode = m[3]
      recognised = true
      continue
    }
    if ((m = /^Active Call Manager:\s*([^\s,]+)\s*,\s*Port Number:\s*(\d+)/i.exec(line))) {
      current().activeCallManager = { ip: m[1] ?? '', port: Number(m[2]) }
      recognised = true
      continue
    }
    if ((m = /^TCP Link Status:\s*([A-Z_ ]+?)\s*(?:,\s*(Profile Identifier|Device Name):\s*(\S+))?$/i.exec(line))) {
      const svc = current()
      svc.tcpLinkStatus = m[1]
      if (m[2]?.toLowerCase() === 'profile identifier') svc.profileIdentifier = Number(m[3])
      else if (m[3]) svc.deviceName = m[3]
      recognised = true
      continue
    }
    if ((m = /^Signaling Security:\s*(.+)$/i.exec(line))) {
      current().signalingSecurity = m[1]
      recognised = true
      continue
    }
    if ((m = /^Media Security:\s*(.+)$/i.exec(line))) {
      current().mediaSecurity = m[1]
      continue
    }
    if ((m = /^Reported Max Streams:\s*(\d+)/i.exec(line))) {
      current().reportedMaxStreams = Number(m[1])
      continue
    }
    if ((m = /^Supported Codecs?:\s*([^,]+)/i.exec(line))) current().codecs.push((m[1] ?? '').trim())
  }
  if (!recognised) {
    return nothingFound(input, 'No SCCP state lines (Admin State, Call Manager, TCP Link Status…) found.')
  }
  return parsed({ ...out, callManagers, services })
}

/**
 * The service that belongs to a DSP profile: matched by `Profile Identifier`, else the only
 * Conferencing service, else the only service.
 */
export function sccpServiceFor(shown: ShowSccp, profileId: number): SccpService | undefined {
  const byProfile = shown.services.find((s) => s.profileIdentifier === profileId)
  if (byProfile) return byProfile
  const conferencing = shown.services.filter((s) => /conferenc/i.test(s.name))
  if (conferencing.length === 1) return conferencing[0]
  return shown.services.length === 1 ? shown.services[0] : undefined
}

export interface SccpCcmGroup {
  readonly id: number
  readonly description?: string
  readonly bindInterface?: string
  readonly callManagers: ReadonlyArray<{ readonly id: number; readonly priority?: number }>
  readonly profiles: ReadonlyArray<{ readonly id: number; readonly registrationName?: string }>
}

export function parseShowSccpCcmGroup(text: string): Parsed<{ readonly groups: readonly SccpCcmGroup[] }> {
  const input = guardInput(text)
  if (input === null || input.trim() === '') return notParsed('empty', 'No "show sccp ccm group" output to read.')
  type Group = { -readonly [K in keyof SccpCcmGroup]: SccpCcmGroup[K] } & {
    callManagers: Array<{ id: number; priority?: number }>
    profiles: Array<{ id: number; registrationName?: string }>
  }
  const groups: Group[] = []
  for (const raw of toLines(input)) {
    const line = raw.trim()
    let m: RegExpExecArray | null
    if ((m = /^CCM Group Identifier:\s*(\d+)/i.exec(line))) {
      groups.push({ id: Number(m[1]), callManagers: [], profiles: [] })
      continue
    }
    const group = groups[groups.length - 1]
    if (!group) continue
    if ((m = /^Description:\s*(.+)$/i.exec(line))) group.description = m[1]
    else if ((m = /^Bind(?:ed)? Interface:\s*([^\s,]+)/i.exec(line))) group.bindInterface = m[1]
    // "Priority in this CCM Group" in the public IOS 15 capture; "CUCM Group" is read too, as some
    // releases (and earlier builds of the practice router) spell it.
    else if ((m = /^Associated CCM Id:\s*(\d+)(?:\s*,\s*Priority in this CU?CM Group:\s*(\d+))?/i.exec(line))) {
      group.callManagers.push({ id: Number(m[1]), ...(m[2] ? { priority: Number(m[2]) } : {}) })
    } else if ((m = /^Associated Profile:\s*(\d+)(?:\s*,\s*Registration Name:\s*(\S+))?/i.exec(line))) {
      group.profiles.push({ id: Number(m[1]), ...(m[2] ? { registrationName: m[2] } : {}) })
    }
  }
  if (groups.length === 0) {
    return nothingFound(input, 'No "CCM Group Identifier: N" line found.')
  }
  return parsed({ groups })
}
