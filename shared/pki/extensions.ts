import { EXTENDED_KEY_USAGES, EXTENSIONS, KEY_USAGE_BITS } from './oids'
import type { CertificateExtensions, SubjectAltName } from './types'
import { x509 } from './x509-lib'

const SAN_TYPES: Record<string, SubjectAltName['type']> = {
  dns: 'dns',
  ip: 'ip',
  email: 'email',
  url: 'url',
  dn: 'dn',
}

/** The extensions the workbench shows and checks, decoded by @peculiar/x509. */
export function readExtensions(cert: x509.X509Certificate): CertificateExtensions {
  const out: CertificateExtensions = {
    all: cert.extensions.map((e) => ({ oid: e.type, name: EXTENSIONS[e.type] ?? e.type, critical: e.critical })),
  }
  for (const e of cert.extensions) {
    if (e instanceof x509.BasicConstraintsExtension) {
      out.basicConstraints = { ca: e.ca, critical: e.critical, ...(e.pathLength !== undefined ? { pathLength: e.pathLength } : {}) }
    } else if (e instanceof x509.KeyUsagesExtension) {
      const usages = KEY_USAGE_BITS.filter((_, bit) => (e.usages & (1 << bit)) !== 0)
      out.keyUsage = { usages: [...usages], critical: e.critical }
    } else if (e instanceof x509.ExtendedKeyUsageExtension) {
      out.extendedKeyUsage = { usages: e.usages.map((u) => EXTENDED_KEY_USAGES[String(u)] ?? String(u)), critical: e.critical }
    } else if (e instanceof x509.SubjectAlternativeNameExtension) {
      out.subjectAltNames = e.names.toJSON().map((n) => ({ type: SAN_TYPES[n.type] ?? 'other', value: n.value }))
    } else if (e instanceof x509.SubjectKeyIdentifierExtension) {
      out.subjectKeyIdentifier = e.keyId.toUpperCase()
    } else if (e instanceof x509.AuthorityKeyIdentifierExtension) {
      if (e.keyId) out.authorityKeyIdentifier = e.keyId.toUpperCase()
    }
  }
  return out
}
