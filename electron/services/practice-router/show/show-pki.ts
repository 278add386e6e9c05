import type forge from 'node-forge'
import { certificateDer, certificateFromPem, iosFingerprint, keyBits, nameAttributes, serialText, signatureAlgorithmName } from '../ca'
import { certDate } from '../clock'
import type { CommandDef, Ctx } from '../context'
import { showRequests } from '../commands/pki-server'
import { isServerEnabled, trustpointsWithCa } from '../pki'
import type { RouterSnapshot } from '../state'

/** show crypto pki certificates | server | trustpoints. */

interface Entry {
  readonly kind: 'Certificate' | 'CA Certificate'
  readonly pem: string
  readonly trustpoints: string[]
  /** ISO time the router installed it (authenticate, enroll, CA start); older labs lack it. */
  readonly installedAt?: string
}

function entries(state: RouterSnapshot, only?: string): Entry[] {
  const ids: Entry[] = []
  const cas: Entry[] = []
  for (const [name, tp] of Object.entries(state.trustpoints)) {
    if (tp.certPem) ids.push({ kind: 'Certificate', pem: tp.certPem, trustpoints: [name], installedAt: tp.certInstalledAt })
    if (tp.caCertPem && !cas.some((c) => c.pem === tp.caCertPem)) {
      cas.push({
        kind: 'CA Certificate',
        pem: tp.caCertPem,
        trustpoints: trustpointsWithCa(state, tp.caCertPem).reverse(),
        installedAt: tp.caInstalledAt,
      })
    }
  }
  return [...ids, ...cas].filter((e) => only === undefined || e.trustpoints.includes(only))
}

function nameLines(fields: forge.pki.Certificate['subject']): string[] {
  return nameAttributes(fields).map((a) => `    ${a.key}=${a.value}`)
}

function keyUsageLines(cert: forge.pki.Certificate): string[] {
  const ext = cert.getExtension('keyUsage') as Record<string, boolean> | null
  if (!ext) return []
  const names: [string, string][] = [
    ['digitalSignature', 'Digital Signature'],
    ['nonRepudiation', 'Non Repudiation'],
    ['keyEncipherment', 'Key Encipherment'],
    ['dataEncipherment', 'Data Encipherment'],
    ['keyAgreement', 'Key Agreement'],
    ['keyCertSign', 'Key Cert Sign'],
    ['cRLSign', 'CRL Signature'],
  ]
  const bits = names.reduce((acc, [flag], i) => (ext[flag] ? (acc | (0x80000000 >>> i)) >>> 0 : acc), 0)
  return [
    `    X509v3 Key Usage: ${bits.toString(16).toUpperCase().padStart(8, '0')}`,
    ...names.filter(([flag]) => ext[flag]).map(([, label]) => `      ${label}`),
  ]
}

function block(entry: Entry, verbose: boolean): string[] {
  const cert = certificateFromPem(entry.pem)
  const der = certificateDer(cert)
  const isCa = entry.kind === 'CA Certificate'
  const out = [
    entry.kind,
    '  Status: Available',
    `  Certificate Serial Number (hex): ${serialText(cert)}`,
    `  Certificate Usage: ${isCa ? 'Signature' : 'General Purpose'}`,
    '  Issuer: ',
    ...nameLines(cert.issuer),
    '  Subject: ',
    ...nameLines(cert.subject),
    '  Validity Date: ',
    `    start date: ${certDate(cert.validity.notBefore)}`,
    `    end   date: ${certDate(cert.validity.notAfter)}`,
  ]
  if (verbose) {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey
    const ski = cert.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | null
    const basic = cert.getExtension('basicConstraints') as { cA?: boolean } | null
    out.push(
      '  Subject Key Info:',
      '    Public Key Algorithm: rsaEncryption',
      `    RSA Public Key: (${keyBits(publicKey)} bit)`,
      `  Signature Algorithm: ${signatureAlgorithmName(cert)}`,
      `  Fingerprint MD5: ${iosFingerprint(der, 'md5')} `,
      `  Fingerprint SHA1: ${iosFingerprint(der, 'sha1')} `,
      '  X509v3 extensions:',
      ...keyUsageLines(cert),
      ...(ski?.subjectKeyIdentifier ? [`    X509v3 Subject Key ID: ${ski.subjectKeyIdentifier.toUpperCase()} `] : []),
      ...(basic ? ['    X509v3 Basic Constraints:', `        CA: ${basic.cA ? 'TRUE' : 'FALSE'}`] : []),
      // When the router installed it (an imported CUCM certificate: the authenticate time), not
      // its start date. Labs saved before install times were kept fall back to the start date.
      `  Cert install time: ${certDate(entry.installedAt ? new Date(entry.installedAt) : cert.validity.notBefore)}`,
    )
  }
  out.push(`  Associated Trustpoints: ${entry.trustpoints.join(' ')} `, '')
  return out
}

function showCertificates(ctx: Ctx, verbose: boolean, only?: string): void {
  for (const entry of entries(ctx.state, only)) for (const line of block(entry, verbose)) ctx.line(line)
}

const LEVELS = {
  minimum: 'Minimum - no cert data written to storage',
  names: 'Names - subject name data written as <serialnum>.cnm',
  complete: 'Complete - all issued certs written as <serialnum>.cer',
}

function showServer(ctx: Ctx, only?: string): void {
  for (const [name, s] of Object.entries(ctx.state.pkiServers)) {
    if (only !== undefined && name !== only) continue
    const enabled = isServerEnabled(s)
    ctx.line(`Certificate Server ${name}:`)
    ctx.line(`    Status: ${enabled ? 'enabled' : 'disabled'}`)
    ctx.line(`    State: ${enabled ? 'enabled' : 'disabled'}`)
    ctx.line(
      enabled
        ? '    Server\'s configuration is locked  (enter "shut" to unlock it)'
        : '    Server\'s configuration is unlocked (enter "no shut" to lock it)',
    )
    ctx.line(`    Issuer name: CN=${name}`)
    if (s.caCertPem) {
      const ca = certificateFromPem(s.caCertPem)
      ctx.line(`    CA cert fingerprint: ${iosFingerprint(certificateDer(ca), 'md5')} `)
      ctx.line(`    Granting mode is: ${s.grantAuto ? 'auto' : 'manual'}`)
      const last = s.issued[s.issued.length - 1]?.serial ?? 1
      ctx.line(`    Last certificate issued serial number (hex): ${last.toString(16).toUpperCase()}`)
      ctx.line(`    CA certificate expiration timer: ${certDate(ca.validity.notAfter)}`)
      ctx.line(`    CRL NextUpdate timer: ${certDate(new Date(ca.validity.notBefore.getTime() + 6 * 3_600_000))}`)
    } else {
      ctx.line('    CA cert fingerprint: -Not found-')
      ctx.line(`    Granting mode is: ${s.grantAuto ? 'auto' : 'manual'}`)
    }
    ctx.line(`    Current primary storage dir: ${s.databaseUrl ?? 'nvram:'}`)
    ctx.line(`    Database Level: ${LEVELS[s.databaseLevel ?? 'minimum']}`)
  }
}

function subjectLine(pem: string): string[] {
  return nameAttributes(certificateFromPem(pem).subject).map((a) => `     ${a.key}=${a.value}`)
}

function showTrustpoints(ctx: Ctx, status: boolean, only?: string): void {
  for (const [name, tp] of Object.entries(ctx.state.trustpoints)) {
    if (only !== undefined && name !== only) continue
    ctx.line(`Trustpoint ${name}:`)
    if (!status) {
      if (tp.caCertPem) {
        ctx.line('    Subject Name: ')
        for (const l of subjectLine(tp.caCertPem)) ctx.line(l)
        ctx.line(`          Serial Number (hex): ${serialText(certificateFromPem(tp.caCertPem))}`)
        ctx.line('    Certificate configured.')
      } else ctx.line('    Not authenticated.')
      ctx.line()
      continue
    }
    for (const [label, pem] of [
      ['Issuing CA certificate', tp.caCertPem],
      ['Router General Purpose certificate', tp.certPem],
    ] as const) {
      if (!pem) continue
      const der = certificateDer(certificateFromPem(pem))
      ctx.line(`  ${label} configured:`)
      ctx.line('    Subject Name:')
      for (const l of subjectLine(pem)) ctx.line(l)
      ctx.line(`    Fingerprint MD5:  ${iosFingerprint(der, 'md5')} `)
      ctx.line(`    Fingerprint SHA1: ${iosFingerprint(der, 'sha1')} `)
    }
    const key = ctx.state.keys[tp.rsakeypair ?? ctx.state.hostname]
    ctx.line('  State:')
    ctx.line(
      `    Keys generated ............. ${key ? `Yes (General Purpose, ${key.exportable ? 'exportable' : 'non-exportable'})` : 'No'}`,
    )
    ctx.line(`    Issuing CA authenticated ....... ${tp.caCertPem ? 'Yes' : 'No'}`)
    ctx.line(`    Certificate request(s) ..... ${tp.certPem ? 'Yes' : tp.pendingSubject ? 'Pending' : 'None'}`)
    ctx.line()
  }
}

export const showPkiCommands: readonly CommandDef[] = [
  {
    modes: ['exec'],
    syntax: 'show crypto pki certificates',
    help: {
      crypto: 'Encryption module',
      pki: 'Show PKI',
      certificates: 'Show certificates',
      verbose: 'Display in verbose mode',
      tp: 'Trustpoint name',
    },
    run: (ctx) => showCertificates(ctx, false),
  },
  { modes: ['exec'], syntax: 'show crypto pki certificates verbose', run: (ctx) => showCertificates(ctx, true) },
  { modes: ['exec'], syntax: 'show crypto pki certificates {tp:word}', run: (ctx, args) => showCertificates(ctx, false, args.tp) },
  { modes: ['exec'], syntax: 'show crypto pki certificates verbose {tp:word}', run: (ctx, args) => showCertificates(ctx, true, args.tp) },
  // IOS 15 syntax is `show crypto pki certificates [trustpoint [verbose]]` (Cisco IOS Security
  // Command Reference); the enroll message names the other order, so both are taken.
  { modes: ['exec'], syntax: 'show crypto pki certificates {tp:word} verbose', run: (ctx, args) => showCertificates(ctx, true, args.tp) },
  {
    modes: ['exec'],
    syntax: 'show crypto pki server',
    help: {
      server: 'Show Certificate Server status',
      name: 'Name of the Certificate Server',
      requests: 'Display pending enrollment requests',
    },
    run: (ctx) => showServer(ctx),
  },
  { modes: ['exec'], syntax: 'show crypto pki server {name:word}', run: (ctx, args) => showServer(ctx, args.name) },
  { modes: ['exec'], syntax: 'show crypto pki server {name:word} requests', run: (ctx, args) => showRequests(ctx, args.name ?? '') },
  {
    modes: ['exec'],
    syntax: 'show crypto pki trustpoints',
    help: { trustpoints: 'Show trustpoints', status: 'Show trustpoint status' },
    run: (ctx) => showTrustpoints(ctx, false),
  },
  { modes: ['exec'], syntax: 'show crypto pki trustpoints status', run: (ctx) => showTrustpoints(ctx, true) },
  { modes: ['exec'], syntax: 'show crypto pki trustpoints {tp:word}', run: (ctx, args) => showTrustpoints(ctx, false, args.tp) },
  { modes: ['exec'], syntax: 'show crypto pki trustpoints {tp:word} status', run: (ctx, args) => showTrustpoints(ctx, true, args.tp) },
]
