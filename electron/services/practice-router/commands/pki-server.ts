import { certificatePem, createCaCertificate, publicKeyOf } from '../ca'
import { DAY_MS } from '../clock'
import { subModeCommand, type CommandDef, type Ctx } from '../context'
import { DEFAULT_CA_LIFETIME_DAYS, DEFAULT_KEY_BITS, ensureKey, isServerEnabled } from '../pki'
import { newPkiServer, type PkiServerConfig } from '../state'
import { deliverCertificate } from './trustpoint-ops'

/** `crypto pki server NAME` and its (cs-server) sub-mode: the router as a certificate authority. */

const NON_AUTHORITATIVE =
  '%PKI-2-NON_AUTHORITATIVE_CLOCK: PKI functions can not be initialized until an authoritative time source, like NTP, can be obtained.'

function server(ctx: Ctx): PkiServerConfig | undefined {
  return ctx.state.pkiServers[ctx.target]
}

const setting = subModeCommand('cs-server', server)

async function askPassphrase(ctx: Ctx): Promise<string | null> {
  for (;;) {
    ctx.line('% Please enter a passphrase to protect the private key')
    ctx.line('% or type Return to exit')
    const first = await ctx.ask('Password: ', { echo: false })
    if (first === '') return null
    ctx.line()
    const second = await ctx.ask('Re-enter password: ', { echo: false })
    if (first === second) return first
    ctx.line('% Passwords do not match.')
  }
}

async function enableServer(ctx: Ctx): Promise<void> {
  const name = ctx.target
  const s = server(ctx)
  if (!s || isServerEnabled(s)) return
  if (s.caCertPem) {
    s.shutdown = false
    ctx.line('% Certificate Server enabled.')
    ctx.log('%PKI-6-CS_ENABLED: Certificate server now enabled.')
    return
  }
  ctx.line('%Some server settings cannot be changed after CA certificate generation.')
  if (!ctx.runtime.ntpSynced) {
    ctx.log(NON_AUTHORITATIVE, { now: true })
    return
  }
  if ((await askPassphrase(ctx)) === null) return
  ctx.line()
  const bits = ctx.state.trustpoints[name]?.rsakeypairBits ?? DEFAULT_KEY_BITS
  const key = await ensureKey(ctx, name, bits, false)
  const now = ctx.now()
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000)
  const cert = createCaCertificate({
    keys: { privateKey: key, publicKey: publicKeyOf(key) },
    subject: [{ key: 'cn', value: name }],
    notBefore,
    notAfter: new Date(notBefore.getTime() + (s.lifetimeCaDays ?? DEFAULT_CA_LIFETIME_DAYS) * DAY_MS),
    hash: s.hash ?? 'md5',
    serial: s.nextSerial++,
  })
  s.caCertPem = certificatePem(cert)
  s.shutdown = false
  const tp = ctx.state.trustpoints[name] ?? { revocationCheck: ['crl'], rsakeypair: name }
  tp.caCertPem = s.caCertPem
  tp.caInstalledAt = now.toISOString()
  ctx.state.trustpoints[name] = tp
  ctx.line()
  if (s.databaseUrl) {
    ctx.line('% Exporting Certificate Server signing certificate and keys...')
    ctx.line()
  }
  ctx.line('% Certificate Server enabled.')
  ctx.log('%PKI-6-CS_ENABLED: Certificate server now enabled.')
}

function grant(ctx: Ctx, name: string, which: 'all' | number): void {
  const s = ctx.state.pkiServers[name]
  if (!s || !isServerEnabled(s)) {
    ctx.line(`% Certificate server ${name} is not enabled.`)
    return
  }
  const selected = s.pending.filter((r) => which === 'all' || r.id === which)
  if (selected.length === 0) {
    ctx.line(which === 'all' ? '% No pending requests.' : `% Request ${which} not found.`)
    return
  }
  s.pending = s.pending.filter((r) => !selected.includes(r))
  for (const request of selected) {
    ctx.later(ctx.timing.enrollDelayMs, () => deliverCertificate(ctx, request.trustpoint, name))
  }
}

export const pkiServerCommands: readonly CommandDef[] = [
  {
    modes: ['config'],
    syntax: 'crypto pki server {name:word}',
    help: {
      crypto: 'Encryption module',
      pki: 'Public Key components',
      server: 'Enable IOS Certificate server',
      name: 'Name of the certificate server',
    },
    run: (ctx, args) => {
      const name = args.name ?? ''
      if (!ctx.state.pkiServers[name]) {
        const other = Object.keys(ctx.state.pkiServers)[0]
        if (other) {
          ctx.line(`% Certificate server ${other} is already configured; only one is supported.`)
          return
        }
        ctx.state.pkiServers[name] = newPkiServer()
      }
      ctx.setMode('cs-server', name)
    },
  },
  {
    modes: ['config'],
    syntax: 'no crypto pki server {name:word}',
    run: (ctx, args) => {
      const name = args.name ?? ''
      if (!ctx.state.pkiServers[name]) {
        ctx.line(`% Certificate server ${name} is not configured.`)
        return
      }
      delete ctx.state.pkiServers[name]
      ctx.line(`% Certificate server ${name} removed.`)
    },
  },
  setting(
    'database level minimum',
    {
      database: 'Configure the server database',
      level: 'Specify the level of data stored',
      minimum: 'Store only the minimum information',
      names: 'Store the serial numbers and subject names',
      complete: 'Store complete certificates',
    },
    (s) => {
      s.databaseLevel = 'minimum'
    },
  ),
  setting('database level names', {}, (s) => {
    s.databaseLevel = 'names'
  }),
  setting('database level complete', {}, (s) => {
    s.databaseLevel = 'complete'
  }),
  setting('database url {url:word}', { url: 'Specify the location of the database' }, (s, args) => {
    s.databaseUrl = args.url
  }),
  setting('grant auto', { grant: 'Specify request granting mode', auto: 'Automatically grant all requests' }, (s) => {
    s.grantAuto = true
  }),
  setting('no grant auto', { no: 'Negate a command or set its defaults' }, (s) => {
    s.grantAuto = false
  }),
  setting(
    'lifetime certificate {days:int(1-1825)}',
    {
      lifetime: 'Specify lifetime of certificates, CRLs or requests',
      certificate: 'Lifetime of certificates issued by the server',
      days: 'Lifetime in days',
    },
    (s, args) => {
      s.lifetimeCertificateDays = Number(args.days)
    },
  ),
  setting('lifetime ca-certificate {days:int(1-7305)}', { 'ca-certificate': 'Lifetime of the CA certificate' }, (s, args) => {
    s.lifetimeCaDays = Number(args.days)
  }),
  setting(
    'hash md5',
    {
      hash: 'Hash function for the signature in certificates',
      md5: 'MD5 (IOS 15 default for the CA certificate)',
      sha1: 'SHA-1',
      sha256: 'SHA-256',
      sha512: 'SHA-512',
    },
    (s) => {
      s.hash = 'md5'
    },
  ),
  setting('hash sha1', {}, (s) => {
    s.hash = 'sha1'
  }),
  setting('hash sha256', {}, (s) => {
    s.hash = 'sha256'
  }),
  setting('hash sha512', {}, (s) => {
    s.hash = 'sha512'
  }),
  {
    modes: ['cs-server'],
    syntax: 'no shutdown',
    help: { shutdown: 'Shutdown the certificate server' },
    run: enableServer,
  },
  {
    modes: ['cs-server'],
    syntax: 'shutdown',
    run: (ctx) => {
      const s = server(ctx)
      if (!s || s.shutdown) return
      s.shutdown = true
      ctx.line('% Certificate Server disabled.')
    },
  },
  {
    modes: ['exec'],
    syntax: 'crypto pki server {name:word} grant all',
    help: {
      crypto: 'Encryption module',
      pki: 'Public Key components',
      server: 'Certificate server operations',
      name: 'Certificate server name',
      grant: 'Grant pending requests',
      all: 'Grant all pending requests',
      id: 'Request ID',
    },
    run: (ctx, args) => grant(ctx, args.name ?? '', 'all'),
  },
  {
    modes: ['exec'],
    syntax: 'crypto pki server {name:word} grant {id:int(1-65535)}',
    run: (ctx, args) => grant(ctx, args.name ?? '', Number(args.id)),
  },
  {
    modes: ['exec'],
    syntax: 'crypto pki server {name:word} info requests',
    help: { info: 'Display information', requests: 'Display the pending enrollment requests' },
    run: (ctx, args) => showRequests(ctx, args.name ?? ''),
  },
]

/** The enrollment request database, as `crypto pki server NAME info requests` prints it. */
export function showRequests(ctx: Ctx, name: string): void {
  const s = ctx.state.pkiServers[name]
  ctx.line('Enrollment Request Database:')
  ctx.line()
  ctx.line('Subordinate CA certificate requests:')
  ctx.line('ReqID  State      Fingerprint                      SubjectName')
  ctx.line('--------------------------------------------------------------')
  ctx.line()
  ctx.line('RA certificate requests:')
  ctx.line('ReqID  State      Fingerprint                      SubjectName')
  ctx.line('--------------------------------------------------------------')
  ctx.line()
  ctx.line('Router certificates requests:')
  ctx.line('ReqID  State      Fingerprint                      SubjectName')
  ctx.line('--------------------------------------------------------------')
  for (const r of s?.pending ?? []) ctx.line(`${String(r.id).padEnd(7)}pending    ${r.fingerprint ?? '0'.repeat(32)} ${r.subject}`)
  ctx.line()
}
