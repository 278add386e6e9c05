import { normalizeInterface } from '../cli-parser'
import type { CommandDef, Ctx } from '../context'
import { cryptSalt, md5Crypt } from '../md5-crypt'
import { generateKeyNamed } from '../pki'

/** Hostname, passwords, NTP, HTTP server, interfaces, RSA keys. */

function currentInterface(ctx: Ctx) {
  return ctx.state.interfaces.find((i) => i.name === ctx.target)
}

/** `crypto key generate rsa [general-keys] [label L] [modulus N] [exportable]`, options in any order. */
async function generateRsa(ctx: Ctx, options: string): Promise<void> {
  const words = options.split(/\s+/).filter((w) => w.length > 0)
  let label = ctx.state.hostname
  let bits: number | undefined
  let exportable = false
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] ?? '').toLowerCase()
    if ('general-keys'.startsWith(word) && word.length >= 2) continue
    if ('exportable'.startsWith(word) && word.length >= 2) exportable = true
    else if ('label'.startsWith(word) && words[i + 1]) label = words[++i] ?? label
    else if ('modulus'.startsWith(word) && words[i + 1]) bits = Number(words[++i])
    else {
      ctx.invalidArg('options')
      return
    }
  }
  if (bits !== undefined && (!Number.isInteger(bits) || bits < 360 || bits > 4096)) {
    ctx.line('% Invalid modulus size. Choose a value in the range 360 to 4096.')
    return
  }
  ctx.line(`The name for the keys will be: ${label}`)
  if (ctx.state.keys[label]) {
    ctx.line(`% You already have RSA keys defined named ${label}.`)
    if (!(await ctx.confirm('% Do you really want to replace them? [yes/no]: '))) return
    delete ctx.state.keys[label]
  }
  if (bits === undefined) {
    ctx.line('Choose the size of the key modulus in the range of 360 to 4096 for your')
    ctx.line('  General Purpose Keys. Choosing a key modulus greater than 512 may take')
    ctx.line('  a few minutes.')
    ctx.line()
    const answer = (await ctx.ask('How many bits in the modulus [512]: ')).trim()
    bits = answer === '' ? 512 : Number(answer)
    if (!Number.isInteger(bits) || bits < 360 || bits > 4096) {
      ctx.line('% Invalid modulus size.')
      return
    }
  } else {
    ctx.line()
    ctx.line(`% The key modulus size is ${bits} bits`)
  }
  await generateKeyNamed(ctx, label, bits, exportable)
}

/** Stored as IOS stores it: type 5, a 4-character salt (drawn from the lab's seed). */
function setSecret(ctx: Ctx, secret: string): void {
  const salt = cryptSalt(ctx.stream(`enable-secret/${ctx.state.keyGenerations}/${secret.length}`).bytes(4))
  ctx.state.enableSecret = md5Crypt(secret, salt)
}

export const systemCommands: readonly CommandDef[] = [
  {
    modes: ['config'],
    syntax: 'hostname {name:word}',
    help: { hostname: "Set system's network name", name: "This system's network name" },
    run: (ctx, args) => {
      ctx.state.hostname = args.name ?? ctx.state.hostname
    },
  },
  {
    modes: ['config'],
    syntax: 'enable password {password:word}',
    help: { enable: 'Modify enable password parameters', password: 'Assign the privileged level password' },
    run: (ctx, args) => {
      ctx.state.enablePassword = args.password
    },
  },
  {
    modes: ['config'],
    syntax: 'enable secret {password:word}',
    help: { secret: 'Assign the privileged level secret (MAX of 25 characters)', password: "The UNENCRYPTED (cleartext) 'enable' secret" },
    run: (ctx, args) => setSecret(ctx, args.password ?? ''),
  },
  {
    modes: ['config'],
    syntax: 'enable secret 0 {password:word}',
    help: { '0': 'Specifies an UNENCRYPTED password will follow' },
    run: (ctx, args) => setSecret(ctx, args.password ?? ''),
  },
  {
    modes: ['config'],
    syntax: 'enable secret 5 {hash:word}',
    help: { '5': 'Specifies a MD5 HASHED secret will follow', hash: "The MD5 HASHED 'enable' secret string" },
    run: (ctx, args) => {
      const hash = args.hash ?? ''
      if (!/^\$1\$[^$]{1,8}\$[./0-9A-Za-z]{22}$/.test(hash)) {
        ctx.line('ERROR: The secret you entered is not a valid encrypted secret.')
        ctx.line('To enter an UNENCRYPTED secret, do not specify type 5 encryption.')
        ctx.line('When you properly enter an UNENCRYPTED secret, it will be encrypted.')
        ctx.line()
        return
      }
      ctx.state.enableSecret = hash
    },
  },
  {
    modes: ['config'],
    syntax: 'no enable secret',
    run: (ctx) => {
      delete ctx.state.enableSecret
    },
  },
  {
    modes: ['config'],
    syntax: 'no enable password',
    help: { no: 'Negate a command or set its defaults' },
    run: (ctx) => {
      delete ctx.state.enablePassword
    },
  },
  {
    modes: ['config'],
    syntax: 'ntp server {address:ip}',
    help: { ntp: 'Configure NTP', server: 'Configure NTP server', address: 'IP address of peer' },
    run: (ctx, args) => {
      const address = args.address ?? ''
      if (!ctx.state.ntpServers.includes(address)) ctx.state.ntpServers.push(address)
    },
  },
  {
    modes: ['config'],
    syntax: 'no ntp server {address:ip}',
    run: (ctx, args) => {
      ctx.state.ntpServers = ctx.state.ntpServers.filter((s) => s !== args.address)
    },
  },
  {
    modes: ['config'],
    syntax: 'no ntp',
    help: { ntp: 'Configure NTP' },
    run: (ctx) => {
      ctx.state.ntpServers = []
    },
  },
  {
    modes: ['config'],
    syntax: 'ip http server',
    help: { ip: 'Global IP configuration subcommands', http: 'HTTP server configuration', server: 'Enable HTTP server' },
    run: (ctx) => {
      ctx.state.httpServer = true
    },
  },
  {
    modes: ['config'],
    syntax: 'no ip http server',
    run: (ctx) => {
      ctx.state.httpServer = false
    },
  },
  {
    modes: ['config'],
    syntax: 'no ip domain lookup',
    help: { domain: 'IP DNS Resolver', lookup: 'Enable IP Domain Name System hostname translation' },
    run: () => undefined,
  },
  {
    modes: ['config'],
    syntax: 'interface {name:iface}',
    help: { interface: 'Select an interface to configure', name: 'GigabitEthernet IEEE 802.3z' },
    run: (ctx, args) => {
      const name = normalizeInterface(args.name ?? '')
      if (!name || !ctx.state.interfaces.some((i) => i.name === name)) {
        ctx.invalidArg('name')
        return
      }
      ctx.setMode('config-if', name)
    },
  },
  {
    modes: ['config-if'],
    syntax: 'ip address {address:ip} {mask:mask}',
    help: { ip: 'Interface Internet Protocol config commands', address: 'Set the IP address of an interface', mask: 'IP subnet mask' },
    run: (ctx, args) => {
      const itf = currentInterface(ctx)
      if (!itf) return
      itf.ipAddress = args.address
      itf.mask = args.mask
    },
  },
  {
    modes: ['config-if'],
    syntax: 'no ip address',
    help: { no: 'Negate a command or set its defaults' },
    run: (ctx) => {
      const itf = currentInterface(ctx)
      if (!itf) return
      delete itf.ipAddress
      delete itf.mask
    },
  },
  {
    modes: ['config-if'],
    syntax: 'shutdown',
    help: { shutdown: 'Shutdown the selected interface' },
    run: (ctx) => {
      const itf = currentInterface(ctx)
      if (itf) itf.shutdown = true
    },
  },
  {
    modes: ['config-if'],
    syntax: 'no shutdown',
    run: (ctx) => {
      const itf = currentInterface(ctx)
      if (itf) itf.shutdown = false
    },
  },
  {
    modes: ['config-if'],
    syntax: 'description {text:line}',
    help: { description: 'Interface specific description', text: 'Up to 240 characters describing this interface' },
    run: (ctx, args) => {
      const itf = currentInterface(ctx)
      if (itf) itf.description = (args.text ?? '').slice(0, 240)
    },
  },
  {
    modes: ['config'],
    syntax: 'crypto key generate rsa',
    help: { crypto: 'Encryption module', key: 'Long term key operations', generate: 'Generate new keys', rsa: 'Generate RSA keys' },
    run: (ctx) => generateRsa(ctx, ''),
  },
  {
    modes: ['config'],
    syntax: 'crypto key generate rsa {options:line}',
    help: { options: 'general-keys, label NAME, modulus BITS, exportable' },
    run: (ctx, args) => generateRsa(ctx, args.options ?? ''),
  },
  {
    modes: ['config'],
    syntax: 'crypto key zeroize rsa {label:word}',
    help: { zeroize: 'Remove keys', label: 'RSA key pair label' },
    run: async (ctx, args) => {
      const label = args.label ?? ''
      if (!ctx.state.keys[label]) {
        ctx.line(`% RSA keypair ${label} does not exist.`)
        return
      }
      if (
        await ctx.confirm(
          `% Keys to be removed are named '${label}'.\n% All router certs issued using these keys will also be removed.\nDo you really want to remove these keys? [yes/no]: `,
        )
      ) {
        delete ctx.state.keys[label]
      }
    },
  },
]
