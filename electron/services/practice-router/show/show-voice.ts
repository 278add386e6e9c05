import type { CommandDef, Ctx } from '../context'
import { ccmFor } from '../registration'
import type { DspfarmProfile } from '../state'

/** show dspfarm profile, show sccp, show sccp ccm group. */

const SECURE_PORT = 2443
const PLAIN_PORT = 2000

function packetization(codec: string): number {
  return codec.startsWith('g729') ? 60 : 30
}

function serviceName(p: DspfarmProfile): string {
  return p.service === 'conference' ? 'CONFERENCING' : p.service === 'transcode' ? 'TRANSCODING' : 'MTP'
}

function operationState(ctx: Ctx, id: number, p: DspfarmProfile): string {
  if (p.shutdown) return 'DOWN'
  if (!ctx.state.voiceCard?.dspfarm) return 'RESOURCE NOT ALLOCATED'
  return ctx.runtime.registered.has(id) ? 'ACTIVE' : 'RESOURCE ALLOCATED'
}

function showProfile(ctx: Ctx, id: number, index: number): void {
  const p = ctx.state.dspfarmProfiles[String(id)]
  if (!p) return
  const registered = ctx.runtime.registered.has(id)
  const sessions = p.maximumSessions ?? 0
  ctx.line()
  ctx.line(` Profile ID = ${id}, Service = ${serviceName(p)}, Resource ID = ${index + 2}`)
  ctx.line(` Profile Description : ${p.description ?? ''}`.trimEnd())
  ctx.line(` Profile Service Mode : ${p.security ? 'secure' : 'non secure'}`)
  if (p.security) ctx.line(` Trustpoint : ${p.trustpoint ?? ''}`.trimEnd())
  ctx.line(` Profile Admin State : ${p.shutdown ? 'DOWN' : 'UP'}`)
  ctx.line(` Profile Operation State : ${operationState(ctx, id, p)}`)
  ctx.line(` Application : ${p.application ?? 'NONE'}   Status : ${registered ? 'ASSOCIATED' : 'NOT ASSOCIATED'}`)
  ctx.line(` Resource Provider : FLEX_DSPRM   Status : ${!p.shutdown && ctx.state.voiceCard?.dspfarm ? 'UP' : 'DOWN'}`)
  ctx.line(` Number of Resource Configured : ${sessions}`)
  ctx.line(` Number of Resource Available : ${registered ? sessions : 0}`)
  if (p.service === 'conference') ctx.line(' Maximum conference participants : 8')
  ctx.line(` Codec Configuration: num_of_codecs:${p.codecs.length}`)
  for (const codec of p.codecs) ctx.line(` Codec : ${codec}, Maximum Packetization Period : ${packetization(codec)}`)
  ctx.line()
}

function showDspfarm(ctx: Ctx, only?: number): void {
  const ids = Object.keys(ctx.state.dspfarmProfiles).map(Number)
  ctx.line()
  ctx.line('Dspfarm Profile Configuration')
  ids.forEach((id, index) => {
    if (only === undefined || only === id) showProfile(ctx, id, index)
  })
}

function showSccp(ctx: Ctx): void {
  const { sccp } = ctx.state
  const local = ctx.state.interfaces.find((i) => i.name === sccp.local)
  ctx.line(`SCCP Admin State: ${sccp.enabled ? 'UP' : 'DOWN'}`)
  ctx.line(`Gateway Local Interface: ${sccp.local ?? 'NONE'}`)
  ctx.line(`        IPv4 Address: ${local?.ipAddress ?? 'NONE'}`)
  ctx.line(`        Port Number: ${PLAIN_PORT}`)
  ctx.line('IP Precedence: 5')
  ctx.line('User Masked Codec list: None')
  for (const ccm of sccp.ccms) {
    const secure = Object.entries(ctx.state.dspfarmProfiles).some(
      ([id, p]) => p.security && ccmFor(ctx.state, Number(id))?.identifier === ccm.identifier,
    )
    ctx.line(`Call Manager: ${ccm.address}, Port Number: ${secure ? SECURE_PORT : PLAIN_PORT}`)
    // Two-space indent, as in the public IOS 15 `show sccp all` capture cited in the README.
    ctx.line(`  Priority: N/A, Version: ${ccm.version}, Identifier: ${ccm.identifier}`)
    ctx.line('  Trustpoint: N/A')
  }
  let services = 0
  for (const [key, p] of Object.entries(ctx.state.dspfarmProfiles)) {
    const id = Number(key)
    const association = ccmFor(ctx.state, id)
    if (!association || p.service !== 'conference') continue
    const registered = ctx.runtime.registered.has(id)
    const port = p.security ? SECURE_PORT : PLAIN_PORT
    services++
    ctx.line()
    ctx.line(`Conferencing Oper State: ${registered ? 'ACTIVE - Cause Code: NONE' : 'DOWN - Cause Code: DSPFARM_DOWN'}`)
    ctx.line(`Active Call Manager: ${registered ? `${association.address}, Port Number: ${port}` : 'NONE'}`)
    ctx.line(`TCP Link Status: ${registered ? 'CONNECTED' : 'NOT_CONNECTED'}, Profile Identifier: ${id}`)
    ctx.line(`Reported Max Streams: ${(p.maximumSessions ?? 0) * 2}, Reported Max OOS Streams: 0`)
    for (const codec of p.codecs) ctx.line(`Supported Codec: ${codec}, Maximum Packetization Period: ${packetization(codec)}`)
    ctx.line('Supported Codec: rfc2833 dtmf, Maximum Packetization Period: 30')
    ctx.line('Supported Codec: rfc2833 pass-thru, Maximum Packetization Period: 30')
    ctx.line('Supported Codec: inband-dtmf to rfc2833 conversion, Maximum Packetization Period: 30')
    if (registered) ctx.line(`Signaling Security: ${p.security ? 'ENCRYPTED TLS' : 'NONE'}`)
  }
  if (services === 0) {
    // Trailing space after "enabled" as in the capture.
    ctx.line()
    ctx.line('SCCP application services(dspfarm profiles) are not enabled ')
    ctx.line("or haven't associated to SCCP CCM group")
  }
  ctx.line()
}

function showGroup(ctx: Ctx, id: number): void {
  const group = ctx.state.sccp.groups[String(id)]
  if (!group) return
  const local = ctx.state.interfaces.find((i) => i.name === ctx.state.sccp.local)
  // Layout and wording ("Binded", "Priority in this CCM Group", one-space indent, the address on
  // its own line) from the public IOS 15 `show sccp all` capture cited in the README.
  ctx.line(`CCM Group Identifier: ${id}`)
  ctx.line(` Description: ${group.description ?? 'None'}`)
  ctx.line(` Binded Interface: ${ctx.state.sccp.local ?? 'NONE'}`)
  ctx.line(`        IPv4 Address: ${local?.ipAddress ?? 'NONE'}`)
  for (const c of group.ccms) ctx.line(` Associated CCM Id: ${c.identifier}, Priority in this CCM Group: ${c.priority}`)
  for (const p of group.profiles) ctx.line(` Associated Profile: ${p.profile}, Registration Name: ${p.register}`)
  ctx.line(' Registration Retries: 3, Registration Timeout: 10 sec')
  ctx.line(' Keepalive Retries: 3, Keepalive Timeout: 30 sec')
  ctx.line(' CCM Connect Retries: 3, CCM Connect Interval: 10 sec')
  ctx.line(' Switchover Method: GRACEFUL, Switchback Method: GRACEFUL_GUARD')
  ctx.line(' Switchback Interval: 10 sec, Switchback Timeout: 7200 sec')
  ctx.line(' Signaling DSCP value: cs3, Audio DSCP value: ef')
  ctx.line()
}

export const showVoiceCommands: readonly CommandDef[] = [
  {
    modes: ['exec'],
    syntax: 'show dspfarm profile',
    help: { dspfarm: 'DSP farm information', profile: 'DSP farm profiles', id: 'Profile ID' },
    run: (ctx) => showDspfarm(ctx),
  },
  { modes: ['exec'], syntax: 'show dspfarm profile {id:int(1-65535)}', run: (ctx, args) => showDspfarm(ctx, Number(args.id)) },
  {
    modes: ['exec'],
    syntax: 'show sccp',
    help: { sccp: 'SCCP information' },
    run: showSccp,
  },
  {
    // Layout from the Cisco example of `show sccp connections` (secure transcoding, "stype
    // secure -xcode"). The practice lab places no calls, so the table is always empty.
    modes: ['exec'],
    syntax: 'show sccp connections',
    help: { connections: 'SCCP connection information' },
    run: (ctx) => {
      ctx.line('sess_id    conn_id    stype        mode     codec  ripaddr      rport sport')
      ctx.line()
      ctx.line('Total number of active session(s) 0, and connection(s) 0')
    },
  },
  {
    modes: ['exec'],
    syntax: 'show sccp ccm group {id:int(1-65535)}',
    help: { ccm: 'Call manager information', group: 'CCM group', id: 'Group number' },
    run: (ctx, args) => showGroup(ctx, Number(args.id)),
  },
]
