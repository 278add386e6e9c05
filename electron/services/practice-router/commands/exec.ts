import type { CommandDef, Ctx } from '../context'
import { md5CryptMatches } from '../md5-crypt'
import { CONFIG_MODES, CONFIG_SUBMODES } from '../modes'

/** Moving between modes, saving, terminal settings, `do`. */

const ENTER_CONFIG = 'Enter configuration commands, one per line.  End with CNTL/Z.'

async function enable(ctx: Ctx): Promise<void> {
  const { enablePassword, enableSecret } = ctx.state
  // The secret, when set, is the one asked for; the password is then ignored (Cisco IOS Security
  // Command Reference, `enable password` / `enable secret`).
  const matches = (typed: string): boolean => (enableSecret !== undefined ? md5CryptMatches(typed, enableSecret) : typed === enablePassword)
  if (enableSecret !== undefined || enablePassword !== undefined) {
    let ok = false
    for (let attempt = 0; attempt < 3 && !ok; attempt++) {
      ok = matches(await ctx.ask('Password: ', { echo: false }))
    }
    if (!ok) {
      ctx.line(enableSecret !== undefined ? '% Bad secrets' : '% Bad passwords')
      ctx.line()
      return
    }
  }
  ctx.setMode('exec')
}

function buildConfiguration(ctx: Ctx): void {
  ctx.line('Building configuration...')
  ctx.line('[OK]')
}

function exitMode(ctx: Ctx): void {
  if (CONFIG_SUBMODES.includes(ctx.mode)) ctx.setMode('config')
  else if (ctx.mode === 'config') ctx.endConfig()
  else ctx.logout()
}

export const execCommands: readonly CommandDef[] = [
  {
    modes: ['user'],
    syntax: 'enable',
    help: { enable: 'Turn on privileged commands' },
    run: enable,
  },
  {
    modes: ['exec'],
    syntax: 'enable',
    help: { enable: 'Turn on privileged commands' },
    run: () => undefined,
  },
  {
    modes: ['exec'],
    syntax: 'disable',
    help: { disable: 'Turn off privileged commands' },
    run: (ctx) => ctx.setMode('user'),
  },
  {
    modes: ['exec'],
    syntax: 'configure terminal',
    help: { configure: 'Enter configuration mode', terminal: 'Configure from the terminal' },
    run: (ctx) => {
      ctx.line(ENTER_CONFIG)
      ctx.setMode('config')
    },
  },
  {
    modes: ['exec'],
    syntax: 'configure',
    help: { configure: 'Enter configuration mode' },
    run: async (ctx) => {
      const answer = (await ctx.ask('Configuring from terminal, memory, or network [terminal]? ')).trim().toLowerCase()
      if (answer === '' || 'terminal'.startsWith(answer)) {
        ctx.line(ENTER_CONFIG)
        ctx.setMode('config')
      } else ctx.line('?Must be "terminal", "memory" or "network"')
    },
  },
  {
    modes: CONFIG_MODES,
    syntax: 'end',
    help: { end: 'Exit from configure mode' },
    run: (ctx) => ctx.endConfig(),
  },
  {
    modes: ['user', 'exec', ...CONFIG_MODES],
    syntax: 'exit',
    help: { exit: 'Exit from the EXEC' },
    run: exitMode,
  },
  {
    modes: ['user', 'exec'],
    syntax: 'logout',
    help: { logout: 'Exit from the EXEC' },
    run: (ctx) => ctx.logout(),
  },
  {
    modes: ['exec'],
    syntax: 'write memory',
    help: { write: 'Write running configuration to memory, network, or terminal', memory: 'Write to NV memory' },
    run: buildConfiguration,
  },
  {
    modes: ['exec'],
    syntax: 'write',
    help: { write: 'Write running configuration to memory, network, or terminal' },
    run: buildConfiguration,
  },
  {
    modes: ['exec'],
    syntax: 'copy running-config startup-config',
    help: {
      copy: 'Copy from one file to another',
      'running-config': 'Copy from current system configuration',
      'startup-config': 'Copy to startup configuration',
    },
    run: async (ctx) => {
      await ctx.ask('Destination filename [startup-config]? ')
      buildConfiguration(ctx)
    },
  },
  {
    modes: ['user', 'exec'],
    syntax: 'terminal length {lines:int(0-512)}',
    help: {
      terminal: 'Set terminal line parameters',
      length: 'Set number of lines on a screen',
      lines: 'Number of lines on screen (0 for no pausing)',
    },
    run: (ctx, args) => {
      ctx.runtime.terminalLength = Number(args.lines)
    },
  },
  {
    modes: ['user', 'exec'],
    syntax: 'terminal monitor',
    help: { monitor: 'Copy debug output to the current terminal line' },
    run: () => undefined,
  },
  {
    modes: CONFIG_MODES,
    syntax: 'do {cmd:exec}',
    help: { do: 'To run exec commands in config mode', cmd: 'Exec Command' },
    run: (ctx, args) => ctx.exec(args.cmd ?? ''),
  },
]
