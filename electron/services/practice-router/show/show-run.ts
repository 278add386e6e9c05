import { certificateDer, certificateFromPem, serialText } from '../ca'
import { configChangeDate } from '../clock'
import type { CommandDef, Ctx } from '../context'
import type { RouterSnapshot } from '../state'

/** `show running-config`: the configuration as IOS would print it, including certificate chains. */

function hexDump(der: Buffer): string[] {
  const hex = der.toString('hex').toUpperCase()
  const lines: string[] = []
  for (let i = 0; i < hex.length; i += 64) {
    const chunk = hex.slice(i, i + 64)
    lines.push(`  ${chunk.match(/.{1,8}/g)?.join(' ') ?? chunk}`)
  }
  lines.push('  \tquit')
  return lines
}

function pkiLines(state: RouterSnapshot): string[] {
  const out: string[] = []
  for (const [name, s] of Object.entries(state.pkiServers)) {
    out.push(`crypto pki server ${name}`)
    if (s.databaseLevel && s.databaseLevel !== 'minimum') out.push(` database level ${s.databaseLevel}`)
    if (s.databaseUrl) out.push(` database url ${s.databaseUrl}`)
    if (s.hash) out.push(` hash ${s.hash}`)
    if (s.grantAuto) out.push(' grant auto')
    if (s.lifetimeCertificateDays !== undefined) out.push(` lifetime certificate ${s.lifetimeCertificateDays}`)
    if (s.lifetimeCaDays !== undefined) out.push(` lifetime ca-certificate ${s.lifetimeCaDays}`)
    if (s.shutdown && s.caCertPem) out.push(' shutdown')
    out.push('!')
  }
  for (const [name, tp] of Object.entries(state.trustpoints)) {
    out.push(`crypto pki trustpoint ${name}`)
    if (tp.enrollmentTerminal) out.push(' enrollment terminal')
    if (tp.enrollmentUrl) out.push(` enrollment url ${tp.enrollmentUrl}`)
    if (tp.serialNumberNone) out.push(' serial-number none')
    if (tp.fqdnNone) out.push(' fqdn none')
    if (tp.ipAddressNone) out.push(' ip-address none')
    if (tp.subjectName) out.push(` subject-name ${tp.subjectName}`)
    if (tp.revocationCheck) out.push(` revocation-check ${tp.revocationCheck.join(' ')}`)
    if (tp.rsakeypair) out.push(` rsakeypair ${tp.rsakeypair}${tp.rsakeypairBits ? ` ${tp.rsakeypairBits}` : ''}`)
    out.push('!')
  }
  for (const [name, tp] of Object.entries(state.trustpoints)) {
    if (!tp.certPem && !tp.caCertPem) continue
    out.push(`crypto pki certificate chain ${name}`)
    if (tp.certPem) {
      const cert = certificateFromPem(tp.certPem)
      out.push(` certificate ${serialText(cert)}`, ...hexDump(certificateDer(cert)))
    }
    if (tp.caCertPem) {
      const cert = certificateFromPem(tp.caCertPem)
      out.push(` certificate ca ${serialText(cert)}`, ...hexDump(certificateDer(cert)))
    }
  }
  return out
}

function interfaceLines(state: RouterSnapshot): string[] {
  const out: string[] = []
  for (const itf of state.interfaces) {
    out.push(`interface ${itf.name}`)
    if (itf.description) out.push(` description ${itf.description}`)
    out.push(itf.ipAddress ? ` ip address ${itf.ipAddress} ${itf.mask ?? ''}`.trimEnd() : ' no ip address')
    if (itf.shutdown) out.push(' shutdown')
    out.push(' duplex auto', ' speed auto', '!')
  }
  return out
}

function voiceLines(state: RouterSnapshot): string[] {
  const out: string[] = []
  const { sccp } = state
  if (sccp.local) out.push(`sccp local ${sccp.local}`)
  for (const ccm of sccp.ccms) out.push(`sccp ccm ${ccm.address} identifier ${ccm.identifier} version ${ccm.version} `)
  if (sccp.enabled) out.push('sccp')
  for (const [id, group] of Object.entries(sccp.groups)) {
    out.push('!', `sccp ccm group ${id}`)
    if (group.description) out.push(` description ${group.description}`)
    for (const c of group.ccms) out.push(` associate ccm ${c.identifier} priority ${c.priority}`)
    for (const p of group.profiles) out.push(` associate profile ${p.profile} register ${p.register}`)
  }
  if (out.length > 0) out.push('!')
  for (const [id, p] of Object.entries(state.dspfarmProfiles)) {
    out.push(`dspfarm profile ${id} ${p.service}${p.security ? ' security' : ''}`)
    if (p.description) out.push(` description ${p.description}`)
    if (p.trustpoint) out.push(` trustpoint ${p.trustpoint}`)
    for (const codec of p.codecs) out.push(` codec ${codec}`)
    if (p.maximumSessions !== undefined) out.push(` maximum sessions ${p.maximumSessions}`)
    if (p.application) out.push(` associate application ${p.application}`)
    if (p.shutdown) out.push(' shutdown')
    out.push('!')
  }
  return out
}

export function runningConfig(ctx: Ctx): string[] {
  const { state } = ctx
  const body: string[] = [
    '!',
    ...(state.lastChange ? [`! Last configuration change at ${configChangeDate(new Date(state.lastChange))} by console`, '!'] : []),
    'version 15.7',
    'service timestamps debug datetime msec',
    'service timestamps log datetime msec',
    'no service password-encryption',
    '!',
    `hostname ${state.hostname}`,
    '!',
    'boot-start-marker',
    'boot-end-marker',
    '!',
    ...(state.enableSecret !== undefined ? [`enable secret 5 ${state.enableSecret}`] : []),
    ...(state.enablePassword !== undefined ? [`enable password ${state.enablePassword}`] : []),
    ...(state.enableSecret !== undefined || state.enablePassword !== undefined ? ['!'] : []),
    'no aaa new-model',
    '!',
    ...(state.voiceCard ? [`voice-card ${state.voiceCard.slot}`, ...(state.voiceCard.dspfarm ? [' dsp services dspfarm'] : []), '!'] : []),
    'no ip domain lookup',
    'ip cef',
    'no ipv6 cef',
    '!',
    'multilink bundle-name authenticated',
    '!',
    ...pkiLines(state),
    '!',
    'license udi pid CISCO2921/K9 sn FGL000000AB',
    '!',
    ...interfaceLines(state),
    'ip forward-protocol nd',
    '!',
    state.httpServer ? 'ip http server' : 'no ip http server',
    'no ip http secure-server',
    '!',
    'control-plane',
    '!',
    ...voiceLines(state),
    'line con 0',
    'line aux 0',
    'line vty 0 4',
    ' login',
    ' transport input none',
    '!',
    'scheduler allocate 20000 1000',
    ...state.ntpServers.map((s) => `ntp server ${s}`),
    '!',
    'end',
  ]
  const text = body.join('\n')
  return ['Building configuration...', '', `Current configuration : ${text.length + 1} bytes`, ...body, '']
}

export const showRunCommands: readonly CommandDef[] = [
  {
    modes: ['exec'],
    syntax: 'show running-config',
    help: { show: 'Show running system information', 'running-config': 'Current operating configuration' },
    run: (ctx) => {
      for (const line of runningConfig(ctx)) ctx.line(line)
    },
  },
]
