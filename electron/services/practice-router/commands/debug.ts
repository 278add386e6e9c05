import type { CommandDef, Ctx } from '../context'

/**
 * The debugs the procedure's troubleshooting steps name (tech note "Troubleshoot"; Cisco CUBE and
 * SCCP media-resource troubleshooting notes list the same set). The practice router only records
 * that they are on and confirms it; it prints no debug traces.
 *
 * Confirmation texts: "All possible debugging has been turned off" is in many public IOS captures;
 * the "… debugging is on" lines are best reconstructions (see the README's source table).
 */

interface DebugFlag {
  readonly syntax: string
  readonly on: string
  readonly help: Readonly<Record<string, string>>
}

const FLAGS: readonly DebugFlag[] = [
  {
    syntax: 'crypto pki messages',
    on: 'Crypto PKI Msgs debugging is on',
    help: { crypto: 'Cryptographic subsystem', pki: 'Public Key Infrastructure debug', messages: 'PKI message debugging' },
  },
  { syntax: 'crypto pki transactions', on: 'Crypto PKI Trans debugging is on', help: { transactions: 'PKI transaction debugging' } },
  { syntax: 'sccp messages', on: 'SCCP messages debugging is on', help: { sccp: 'SCCP information', messages: 'SCCP signal messages' } },
  { syntax: 'sccp events', on: 'SCCP events debugging is on', help: { events: 'SCCP events' } },
  { syntax: 'sccp errors', on: 'SCCP errors debugging is on', help: { errors: 'SCCP errors' } },
  {
    syntax: 'ssl openssl errors',
    on: 'ssl openssl errors debugging is on',
    help: { ssl: 'SSL debug command', openssl: 'OpenSSL debugging', errors: 'OpenSSL errors' },
  },
  { syntax: 'ssl openssl states', on: 'ssl openssl states debugging is on', help: { states: 'OpenSSL handshake states' } },
]

const ALL_OFF = 'All possible debugging has been turned off'

function undebugAll(ctx: Ctx): void {
  ctx.runtime.debugs.clear()
  ctx.line(ALL_OFF)
}

export const debugCommands: readonly CommandDef[] = [
  ...FLAGS.map((flag): CommandDef => ({
    modes: ['exec'],
    syntax: `debug ${flag.syntax}`,
    help: { debug: "Debugging functions (see also 'undebug')", ...flag.help },
    run: (ctx) => {
      ctx.runtime.debugs.add(flag.syntax)
      ctx.line(flag.on)
    },
  })),
  ...FLAGS.map((flag): CommandDef => ({
    modes: ['exec'],
    syntax: `undebug ${flag.syntax}`,
    help: { undebug: "Disable debugging functions (see also 'debug')", ...flag.help },
    run: (ctx) => {
      ctx.runtime.debugs.delete(flag.syntax)
      ctx.line(flag.on.replace(/ is on$/, ' is off'))
    },
  })),
  { modes: ['exec'], syntax: 'undebug all', help: { all: 'Disable all debugging' }, run: undebugAll },
  { modes: ['exec'], syntax: 'no debug all', help: { no: 'Disable debugging functions', all: 'Disable all debugging' }, run: undebugAll },
]
