import { createHash } from 'node:crypto'
import {
  certificateDer,
  certificateFromDer,
  certificateFromPem,
  certificatePem,
  certificationRequestDer,
  encryptedPrivateKeyPem,
  iosFingerprint,
  parseSubjectName,
  privateKeyFromPem,
  publicKeyOf,
  publicKeyPem,
  type NameAttribute,
} from '../ca'
import type { CommandDef, Ctx } from '../context'
import { boardSerial } from '../identity'
import { DEFAULT_KEY_BITS, dnText, ensureKey, isServerEnabled, issueFromServer, keyLabelFor, serverForUrl } from '../pki'

/** `crypto pki authenticate | enroll | export`: the trustpoint operations of the procedure. */

const RECEIVE_FAILED = '% Error in receiving Certificate Authority certificate: status = FAIL, cert length = 0'

function fingerprintLines(der: Buffer): string[] {
  return [
    'Certificate has the following attributes:',
    `       Fingerprint MD5: ${iosFingerprint(der, 'md5')} `,
    `      Fingerprint SHA1: ${iosFingerprint(der, 'sha1')} `,
    '',
  ]
}

/** Reads a pasted certificate: base64 lines until a blank line or `quit`; BEGIN/END lines optional. */
async function readPastedCertificate(ctx: Ctx): Promise<Buffer | string> {
  const lines: string[] = []
  for (;;) {
    const line = (await ctx.ask('')).trim()
    if (line === '' || line.toLowerCase() === 'quit') break
    lines.push(line)
  }
  const body = lines
    .filter((l) => !/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(l))
    .join('')
    .replace(/\s+/g, '')
  if (body.length === 0) return 'no certificate data'
  const bad = /[^A-Za-z0-9+/=]/.exec(body)
  if (bad) return `invalid base64 character '${bad[0]}'`
  if (body.length % 4 !== 0 || /=[^=]/.test(body)) return 'truncated base64 data'
  const der = Buffer.from(body, 'base64')
  try {
    const cert = certificateFromDer(der)
    // Trailing garbage after a valid DER is damage too.
    if (!certificateDer(cert).equals(der)) return 'data after the certificate'
    return der
  } catch {
    return 'not a DER certificate'
  }
}

async function authenticate(ctx: Ctx, name: string): Promise<void> {
  const tp = ctx.state.trustpoints[name]
  if (!tp) {
    ctx.line(`% Trustpoint ${name} does not exist.`)
    return
  }
  let der: Buffer
  if (tp.enrollmentTerminal) {
    ctx.line()
    ctx.line('Enter the base 64 encoded CA certificate.')
    ctx.line('End with a blank line or the word "quit" on a line by itself')
    ctx.line()
    const pasted = await readPastedCertificate(ctx)
    if (typeof pasted === 'string') {
      ctx.line('% Error in receiving Certificate Authority certificate.')
      ctx.line(`Error reading certificate (${pasted})`)
      return
    }
    der = pasted
  } else if (tp.enrollmentUrl) {
    const serverName = serverForUrl(ctx.state, tp.enrollmentUrl)
    const caPem = serverName ? ctx.state.pkiServers[serverName]?.caCertPem : undefined
    if (!caPem) {
      ctx.line(RECEIVE_FAILED)
      return
    }
    der = certificateDer(certificateFromPem(caPem))
  } else {
    ctx.line('% You must specify an enrollment URL for this CA before you can authenticate it.')
    return
  }
  for (const line of fingerprintLines(der)) ctx.line(line)
  if (!(await ctx.confirm('% Do you accept this certificate? [yes/no]: '))) {
    ctx.line('% Certificate not accepted.')
    return
  }
  tp.caCertPem = certificatePem(certificateFromDer(der))
  tp.caInstalledAt = ctx.now().toISOString()
  ctx.line('Trustpoint CA certificate accepted.')
  if (tp.enrollmentTerminal) ctx.line('% Certificate successfully imported')
}

async function enroll(ctx: Ctx, name: string): Promise<void> {
  const tp = ctx.state.trustpoints[name]
  if (!tp) {
    ctx.line(`% Trustpoint ${name} does not exist.`)
    return
  }
  if (!tp.caCertPem) {
    ctx.line('% You must authenticate the Certificate Authority before you can enroll with it.')
    return
  }
  if (tp.enrollmentTerminal || !tp.enrollmentUrl) {
    ctx.line('% The practice router enrolls only by URL with its own certificate server.')
    return
  }
  if (tp.certPem) {
    ctx.line('%')
    ctx.line('% You already have a certificate from this Certificate Authority.')
    ctx.line('% Re-enrolling will replace the existing certificate.')
    if (!(await ctx.confirm('% Do you want to continue with re-enrollment? [yes/no]: '))) return
  }
  const label = keyLabelFor(ctx.state, name)
  const key = await ensureKey(ctx, label, tp.rsakeypairBits ?? DEFAULT_KEY_BITS, false)
  ctx.line('%')
  ctx.line('% Start certificate enrollment ..')
  ctx.line('% Create a challenge password. You will need to verbally provide this')
  ctx.line('   password to the CA Administrator in order to revoke your certificate.')
  ctx.line('   For security reasons your password will not be saved in the configuration.')
  ctx.line('   Please make a note of it.')
  ctx.line()
  for (;;) {
    const first = await ctx.ask('Password: ', { echo: false })
    const second = await ctx.ask('Re-enter password: ', { echo: false })
    if (first === second) break
    ctx.line('% Passwords do not match.')
  }
  ctx.line()
  const subject: NameAttribute[] = tp.subjectName ? (parseSubjectName(tp.subjectName) ?? []) : []
  if (tp.subjectName) ctx.line(`% The subject name in the certificate will include: ${tp.subjectName}`)
  if (!tp.fqdnNone || subject.length === 0) {
    ctx.line(`% The subject name in the certificate will include: ${ctx.state.hostname}`)
    subject.push({ key: 'hostname', value: ctx.state.hostname })
  }
  // Tech note step 2.3 (fqdn none): this line follows the subject-name line.
  if (tp.fqdnNone) ctx.line('% The fully-qualified domain name will not be included in the certificate')
  if (!tp.serialNumberNone && (await ctx.confirm('% Include the router serial number in the subject name? [yes/no]: '))) {
    const serial = boardSerial(ctx.state.seed)
    ctx.line(`% The serial number in the certificate will be: ${serial}`)
    subject.push({ key: 'serialnumber', value: serial })
  }
  if (!tp.ipAddressNone) await ctx.ask('% Include an IP address in the subject name? [no]: ')
  if (!(await ctx.confirm('Request certificate from CA? [yes/no]: '))) return
  ctx.line('% Certificate request sent to Certificate Authority')
  // "commandwill" (sic): the tech note and public 15.x captures print it without the space.
  ctx.line(`% The 'show crypto pki certificate verbose ${name}' commandwill show the fingerprint.`)
  ctx.line()
  // Public IOS 15 captures (e.g. lab notes quoted in the router README) log the request's
  // fingerprints once the prompt is back, without any debug turned on.
  const request = certificationRequestDer(key, subject)
  ctx.log(`CRYPTO_PKI:  Certificate Request Fingerprint MD5: ${iosFingerprint(request, 'md5')} `)
  ctx.log(`CRYPTO_PKI:  Certificate Request Fingerprint SHA1: ${iosFingerprint(request, 'sha1')} `)
  const serverName = serverForUrl(ctx.state, tp.enrollmentUrl)
  const server = serverName ? ctx.state.pkiServers[serverName] : undefined
  tp.pendingSubject = dnText(subject)
  if (!serverName || !server) {
    ctx.later(ctx.timing.enrollDelayMs, () => {
      ctx.log(`%PKI-2-CERT_ENROLL_FAIL: Certificate enrollment failed for trustpoint ${name}. Reason : Enroll process timed out.`)
    })
    return
  }
  if (server.grantAuto) {
    ctx.later(ctx.timing.enrollDelayMs, () => deliverCertificate(ctx, name, serverName))
    return
  }
  const fingerprint = createHash('md5').update(request).digest('hex').toUpperCase()
  server.pending.push({ id: server.nextRequestId++, trustpoint: name, subject: tp.pendingSubject, fingerprint })
}

/** The CA signs the pending request of a trustpoint and the router installs the certificate. */
export function deliverCertificate(ctx: Ctx, tpName: string, serverName: string): void {
  const tp = ctx.state.trustpoints[tpName]
  const key = ctx.state.keys[keyLabelFor(ctx.state, tpName)]
  if (!tp || !key || !isServerEnabled(ctx.state.pkiServers[serverName])) {
    ctx.log(`%PKI-2-CERT_ENROLL_FAIL: Certificate enrollment failed for trustpoint ${tpName}. Reason : CA unavailable.`)
    return
  }
  const subject = parseSubjectName(tp.pendingSubject ?? '') ?? [{ key: 'hostname', value: ctx.state.hostname }]
  tp.certPem = issueFromServer(ctx.state, serverName, publicKeyOf(privateKeyFromPem(key.pem)), subject, ctx.now())
  tp.certInstalledAt = ctx.now().toISOString()
  delete tp.pendingSubject
  ctx.log('%PKI-6-CERTRET: Certificate received from Certificate Authority')
}

function exportPem(ctx: Ctx, name: string, password?: string): void {
  const tp = ctx.state.trustpoints[name]
  if (!tp) {
    ctx.line(`% Trustpoint ${name} does not exist.`)
    return
  }
  if (!tp.certPem) {
    ctx.line(`% The specified trustpoint is not enrolled (${name}).`)
    if (!tp.caCertPem) return
    // IOS goes on with the CA certificate alone: a public 15.x capture of
    // `crypto pki export PKI_SERVER pem terminal` on a CA's own trustpoint (router README).
    ctx.line('% Only export the CA certificate in PEM format.')
    ctx.line('% CA certificate:')
    ctx.out(tp.caCertPem)
    ctx.line()
    return
  }
  const label = keyLabelFor(ctx.state, name)
  const key = ctx.state.keys[label]
  if (password !== undefined && key && !key.exportable) {
    // Enrollment made the key non-exportable ("keys will be non-exportable..."), and IOS will not
    // write such a key out. Best reconstruction of the message: see the router README.
    ctx.line(`% RSA keypair ${label} is not exportable.`)
    return
  }
  if (tp.caCertPem) {
    ctx.line('% CA certificate:')
    ctx.out(tp.caCertPem)
  }
  if (password !== undefined) {
    if (!key) {
      ctx.line(`% RSA keypair ${label} does not exist.`)
      return
    }
    const privateKey = privateKeyFromPem(key.pem)
    const iv = ctx.stream(`export-iv/${ctx.state.exports++}`).bytes(8)
    ctx.line(`% Key name: ${label}`)
    ctx.line('   Usage: General Purpose Key')
    ctx.line('   Key data:')
    ctx.out(publicKeyPem(publicKeyOf(privateKey)))
    ctx.out(encryptedPrivateKeyPem(privateKey, password, iv))
  }
  ctx.line('% General Purpose Certificate:')
  ctx.out(tp.certPem)
}

const CRYPTO_HELP = { crypto: 'Encryption module', pki: 'Public Key components' }

export const trustpointOpCommands: readonly CommandDef[] = [
  {
    modes: ['config'],
    syntax: 'crypto pki authenticate {tp:word}',
    help: { ...CRYPTO_HELP, authenticate: 'Get the certificate authority certificate', tp: 'Trustpoint Name' },
    run: (ctx, args) => authenticate(ctx, args.tp ?? ''),
  },
  {
    modes: ['config'],
    syntax: 'crypto pki enroll {tp:word}',
    help: { enroll: 'Request a certificate from a CA', tp: 'Trustpoint Name' },
    run: (ctx, args) => enroll(ctx, args.tp ?? ''),
  },
  {
    modes: ['config'],
    syntax: 'crypto pki export {tp:word} pem terminal',
    help: {
      export: 'Export certificates or keys',
      tp: 'Trustpoint Name',
      pem: 'File format is PEM',
      terminal: 'Display PEM on the terminal',
    },
    run: (ctx, args) => exportPem(ctx, args.tp ?? ''),
  },
  {
    modes: ['config'],
    syntax: 'crypto pki export {tp:word} pem terminal 3des {password:word}',
    help: { '3des': 'Encrypt the private key with 3DES', password: 'Pass phrase used to protect the private key' },
    run: (ctx, args) => exportPem(ctx, args.tp ?? '', args.password ?? ''),
  },
]
