import { parseSubjectName } from '../ca'
import { subModeCommand, type CommandDef, type Ctx } from '../context'
import type { TrustpointConfig } from '../state'

/** `crypto pki trustpoint NAME` and its (ca-trustpoint) sub-mode. */

function tp(ctx: Ctx): TrustpointConfig | undefined {
  return ctx.state.trustpoints[ctx.target]
}

const option = subModeCommand('ca-trustpoint', tp)

export const trustpointCommands: readonly CommandDef[] = [
  {
    modes: ['config'],
    syntax: 'crypto pki trustpoint {name:word}',
    help: { crypto: 'Encryption module', pki: 'Public Key components', trustpoint: 'Define a CA trustpoint', name: 'Trustpoint Name' },
    run: (ctx, args) => {
      const name = args.name ?? ''
      if (!ctx.state.trustpoints[name]) ctx.state.trustpoints[name] = {}
      ctx.setMode('ca-trustpoint', name)
    },
  },
  {
    modes: ['config'],
    syntax: 'no crypto pki trustpoint {name:word}',
    run: async (ctx, args) => {
      const name = args.name ?? ''
      const t = ctx.state.trustpoints[name]
      if (!t) {
        ctx.line(`% Trustpoint ${name} does not exist.`)
        return
      }
      if (t.certPem || t.caCertPem) {
        ctx.line('% Removing an enrolled trustpoint will destroy all certificates')
        ctx.line(' received from the related Certificate Authority.')
        ctx.line()
        if (!(await ctx.confirm('Are you sure you want to do this? [yes/no]: '))) return
        if (t.certPem) ctx.line('% Be sure to ask the CA administrator to revoke your certificates.')
      }
      delete ctx.state.trustpoints[name]
    },
  },
  option('enrollment url {url:url}', { enrollment: 'Enrollment parameters', url: 'CA server enrollment URL' }, (t, args) => {
    t.enrollmentUrl = args.url
    delete t.enrollmentTerminal
  }),
  option('enrollment terminal', { terminal: 'Enroll via the terminal (cut-and-paste)' }, (t) => {
    t.enrollmentTerminal = true
    delete t.enrollmentUrl
  }),
  option('no enrollment url', { no: 'Negate a command or set its defaults' }, (t) => {
    delete t.enrollmentUrl
  }),
  option('no enrollment terminal', {}, (t) => {
    delete t.enrollmentTerminal
  }),
  option('serial-number none', { 'serial-number': 'Include or not the serial number in the subject name', none: 'Do not include' }, (t) => {
    t.serialNumberNone = true
  }),
  option('no serial-number', {}, (t) => {
    delete t.serialNumberNone
  }),
  option('fqdn none', { fqdn: 'Fully qualified domain name to include in the certificate' }, (t) => {
    t.fqdnNone = true
  }),
  option('no fqdn', {}, (t) => {
    delete t.fqdnNone
  }),
  option('ip-address none', { 'ip-address': 'Include or not an IP address in the subject name' }, (t) => {
    t.ipAddressNone = true
  }),
  option('no ip-address', {}, (t) => {
    delete t.ipAddressNone
  }),
  {
    modes: ['ca-trustpoint'],
    syntax: 'subject-name {dn:line}',
    help: { 'subject-name': 'Subject Name', dn: 'subject name, e.g. cn=SecureCFB' },
    run: (ctx, args) => {
      const t = tp(ctx)
      if (!t) return
      const dn = (args.dn ?? '').trim()
      if (!parseSubjectName(dn)) {
        ctx.invalidArg('dn')
        return
      }
      t.subjectName = dn
    },
  },
  option('no subject-name', {}, (t) => {
    delete t.subjectName
  }),
  option(
    'revocation-check none',
    { 'revocation-check': 'Revocation checking options', crl: 'Revocation check by CRL', ocsp: 'Revocation check by OCSP' },
    (t) => {
      t.revocationCheck = ['none']
    },
  ),
  option('revocation-check crl', {}, (t) => {
    t.revocationCheck = ['crl']
  }),
  option('revocation-check ocsp', {}, (t) => {
    t.revocationCheck = ['ocsp']
  }),
  option('no revocation-check', {}, (t) => {
    delete t.revocationCheck
  }),
  option('rsakeypair {label:word}', { rsakeypair: 'Specify the key pair to use', label: 'Key pair label' }, (t, args) => {
    t.rsakeypair = args.label
    delete t.rsakeypairBits
  }),
  option('rsakeypair {label:word} {bits:int(360-4096)}', { bits: 'Key size (general purpose keys)' }, (t, args) => {
    t.rsakeypair = args.label
    t.rsakeypairBits = Number(args.bits)
  }),
  option('no rsakeypair', {}, (t) => {
    delete t.rsakeypair
    delete t.rsakeypairBits
  }),
]
