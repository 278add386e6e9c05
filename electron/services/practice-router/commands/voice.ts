import { normalizeInterface } from '../cli-parser'
import { subModeCommand, type CommandDef, type Ctx } from '../context'
import type { CcmGroup, DspfarmProfile } from '../state'

/** voice-card, DSP farm profiles and SCCP: the conference bridge half of the procedure. */

export const CODECS = ['g711alaw', 'g711ulaw', 'g722-64', 'g729abr8', 'g729ar8', 'g729br8', 'g729r8', 'ilbc'] as const
const SCCP_VERSIONS = ['3.0', '3.1', '4.0', '4.1', '5.0.1', '6.0', '7.0+'] as const

function profile(ctx: Ctx): DspfarmProfile | undefined {
  return ctx.state.dspfarmProfiles[ctx.target]
}

function group(ctx: Ctx): CcmGroup | undefined {
  return ctx.state.sccp.groups[ctx.target]
}

function enterProfile(service: DspfarmProfile['service'], security: boolean) {
  return (ctx: Ctx, args: Readonly<Record<string, string>>): void => {
    const id = String(Number(args.id))
    const existing = ctx.state.dspfarmProfiles[id]
    if (existing && (existing.service !== service || existing.security !== security)) {
      ctx.line(`Profile ${id} is already configured with a different service or security mode; remove it first.`)
      return
    }
    if (!existing) ctx.state.dspfarmProfiles[id] = { service, security, codecs: [], shutdown: true }
    ctx.setMode('config-dspfarm-profile', id)
  }
}

const profileOption = subModeCommand('config-dspfarm-profile', profile)

const codecCommands: CommandDef[] = CODECS.flatMap((codec) => [
  profileOption(`codec ${codec}`, { codec: 'Specify the codec supported by a DSP resource', [codec]: `${codec} codec` }, (p) => {
    if (!p.codecs.includes(codec)) p.codecs.push(codec)
  }),
  profileOption(`no codec ${codec}`, {}, (p) => {
    p.codecs = p.codecs.filter((c) => c !== codec)
  }),
])

const versionCommands: CommandDef[] = SCCP_VERSIONS.map((version) => ({
  modes: ['config'] as const,
  syntax: `sccp ccm {address:ip} identifier {id:int(1-65535)} version ${version}`,
  help: {
    identifier: 'Specify the CCM identifier',
    id: 'Identifier',
    version: 'Specify the CCM version',
    [version]: `CCM version ${version}`,
  },
  run: (ctx: Ctx, args: Readonly<Record<string, string>>) => {
    const identifier = Number(args.id)
    const address = args.address ?? ''
    ctx.state.sccp.ccms = ctx.state.sccp.ccms.filter((c) => c.identifier !== identifier && c.address !== address)
    ctx.state.sccp.ccms.push({ address, identifier, version })
  },
}))

export const voiceCommands: readonly CommandDef[] = [
  {
    modes: ['config'],
    syntax: 'voice-card {slot:int(0-0)}',
    help: { 'voice-card': 'Configure a specific voice-card', slot: 'Voice interface slot' },
    run: (ctx, args) => {
      if (!ctx.state.voiceCard) ctx.state.voiceCard = { slot: Number(args.slot), dspfarm: false }
      ctx.setMode('config-voicecard', String(args.slot))
    },
  },
  {
    // The keyword is `services`; the tech note's `dsp service dspfarm` is its abbreviation, and
    // running-config prints the full form (DOMAIN.md step 12; Cisco CUCM Security Guide examples).
    modes: ['config-voicecard'],
    syntax: 'dsp services dspfarm',
    help: { dsp: 'DSP configuration', services: 'DSP services', dspfarm: 'Enable DSP-Farm service' },
    run: (ctx) => {
      if (ctx.state.voiceCard) ctx.state.voiceCard.dspfarm = true
    },
  },
  {
    modes: ['config-voicecard'],
    syntax: 'no dsp services dspfarm',
    help: { no: 'Negate a command or set its defaults' },
    run: (ctx) => {
      if (ctx.state.voiceCard) ctx.state.voiceCard.dspfarm = false
    },
  },
  {
    modes: ['config'],
    syntax: 'dspfarm profile {id:int(1-65535)} conference security',
    help: {
      dspfarm: 'DSP farm configuration',
      profile: 'Configure a DSP farm profile',
      id: 'Profile ID',
      conference: 'Conferencing service',
      security: 'Secure conferencing',
    },
    run: enterProfile('conference', true),
  },
  {
    modes: ['config'],
    syntax: 'dspfarm profile {id:int(1-65535)} conference',
    run: enterProfile('conference', false),
  },
  {
    modes: ['config'],
    syntax: 'dspfarm profile {id:int(1-65535)} transcode',
    help: { transcode: 'Transcoding service' },
    run: enterProfile('transcode', false),
  },
  {
    modes: ['config'],
    syntax: 'dspfarm profile {id:int(1-65535)} mtp',
    help: { mtp: 'Media Termination Point service' },
    run: enterProfile('mtp', false),
  },
  {
    modes: ['config'],
    syntax: 'no dspfarm profile {id:int(1-65535)}',
    run: (ctx, args) => {
      delete ctx.state.dspfarmProfiles[String(Number(args.id))]
    },
  },
  profileOption(
    'trustpoint {tp:word}',
    { trustpoint: 'Specify the trustpoint for a secure profile', tp: 'Trustpoint name' },
    (p, args, ctx) => {
      if (!p.security) {
        ctx.line('% Trustpoint can only be configured for a secure profile.')
        return
      }
      p.trustpoint = args.tp
    },
  ),
  profileOption('no trustpoint', { no: 'Negate a command or set its defaults' }, (p) => {
    delete p.trustpoint
  }),
  ...codecCommands,
  profileOption(
    'maximum sessions {n:int(1-128)}',
    { maximum: 'Specify the maximum value', sessions: 'Maximum number of sessions', n: 'Number of sessions' },
    (p, args) => {
      p.maximumSessions = Number(args.n)
    },
  ),
  profileOption(
    'associate application sccp',
    { associate: 'Associate the profile with an application', application: 'Application name', sccp: 'SCCP protocol' },
    (p) => {
      p.application = 'SCCP'
    },
  ),
  profileOption('no associate application', {}, (p) => {
    delete p.application
  }),
  profileOption('description {text:line}', { description: 'Profile description', text: 'Description text' }, (p, args) => {
    p.description = args.text
  }),
  profileOption('shutdown', { shutdown: 'Shut down the profile' }, (p) => {
    p.shutdown = true
  }),
  profileOption('no shutdown', {}, (p, _args, ctx) => {
    if (p.security && !p.trustpoint) {
      ctx.line('% A secure profile needs a trustpoint before it can be enabled.')
      return
    }
    if (p.codecs.length === 0 && p.service === 'conference') p.codecs = ['g711ulaw']
    p.shutdown = false
  }),
  {
    modes: ['config'],
    syntax: 'sccp local {name:iface}',
    help: { sccp: 'Enable SCCP', local: 'Local interface SCCP uses to register', name: 'GigabitEthernet IEEE 802.3z' },
    run: (ctx, args) => {
      const name = normalizeInterface(args.name ?? '')
      if (!name || !ctx.state.interfaces.some((i) => i.name === name)) {
        ctx.invalidArg('name')
        return
      }
      ctx.state.sccp.local = name
    },
  },
  {
    modes: ['config'],
    syntax: 'no sccp local',
    run: (ctx) => {
      delete ctx.state.sccp.local
    },
  },
  ...versionCommands,
  {
    modes: ['config'],
    syntax: 'no sccp ccm {address:ip}',
    help: { ccm: 'Call manager configuration' },
    run: (ctx, args) => {
      ctx.state.sccp.ccms = ctx.state.sccp.ccms.filter((c) => c.address !== args.address)
    },
  },
  {
    modes: ['config'],
    syntax: 'sccp',
    run: (ctx) => {
      ctx.state.sccp.enabled = true
    },
  },
  {
    modes: ['config'],
    syntax: 'no sccp',
    run: (ctx) => {
      ctx.state.sccp.enabled = false
    },
  },
  {
    modes: ['config'],
    syntax: 'sccp ccm group {id:int(1-65535)}',
    help: { group: 'Configure a CCM group', id: 'Group number' },
    run: (ctx, args) => {
      const id = String(Number(args.id))
      if (!ctx.state.sccp.groups[id]) ctx.state.sccp.groups[id] = { ccms: [], profiles: [] }
      ctx.setMode('config-sccp-ccm', id)
    },
  },
  {
    modes: ['config'],
    syntax: 'no sccp ccm group {id:int(1-65535)}',
    run: (ctx, args) => {
      delete ctx.state.sccp.groups[String(Number(args.id))]
    },
  },
  {
    modes: ['config-sccp-ccm'],
    syntax: 'associate ccm {id:int(1-65535)} priority {priority:int(1-4)}',
    help: {
      associate: 'Associate a ccm or profile with this group',
      ccm: 'Call manager',
      id: 'CCM identifier',
      priority: 'Priority in the group',
    },
    run: (ctx, args) => {
      const g = group(ctx)
      if (!g) return
      const identifier = Number(args.id)
      g.ccms = g.ccms.filter((c) => c.identifier !== identifier)
      g.ccms.push({ identifier, priority: Number(args.priority) })
    },
  },
  {
    modes: ['config-sccp-ccm'],
    syntax: 'associate profile {id:int(1-65535)} register {name:word}',
    help: { profile: 'DSP farm profile', register: 'Device name registered with CUCM', name: 'Device name (the bridge certificate CN)' },
    run: (ctx, args) => {
      const g = group(ctx)
      if (!g) return
      const id = Number(args.id)
      g.profiles = g.profiles.filter((p) => p.profile !== id)
      g.profiles.push({ profile: id, register: args.name ?? '' })
    },
  },
  {
    modes: ['config-sccp-ccm'],
    syntax: 'no associate ccm {id:int(1-65535)}',
    help: { no: 'Negate a command or set its defaults' },
    run: (ctx, args) => {
      const g = group(ctx)
      if (g) g.ccms = g.ccms.filter((c) => c.identifier !== Number(args.id))
    },
  },
  {
    modes: ['config-sccp-ccm'],
    syntax: 'no associate profile {id:int(1-65535)}',
    run: (ctx, args) => {
      const g = group(ctx)
      if (g) g.profiles = g.profiles.filter((p) => p.profile !== Number(args.id))
    },
  },
  {
    modes: ['config-sccp-ccm'],
    syntax: 'description {text:line}',
    help: { description: 'Group description', text: 'Up to 80 characters describing this group' },
    run: (ctx, args) => {
      const g = group(ctx)
      if (g) g.description = args.text
    },
  },
]
