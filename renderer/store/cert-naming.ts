// How workbench entries are named: by CN, with the role IOS printed before the block, so that a
// router export reads "testCA (CA)" and "SecureCFB (General Purpose)" in the list.
import type { ParsedCertificate } from '../../shared/pki/parsed'

/** Role names kept in the library (KeptCertificate.role). */
export type KeptRole = 'CA' | 'General Purpose' | 'Signature' | 'Encryption'

const NAME_MAX = 128

/**
 * The role for an IOS label: `CA certificate` → CA, `General Purpose Certificate` → General
 * Purpose (usage-key trustpoints print Signature / Encryption). Plain `Certificate` or an
 * enrollment prompt says nothing about the role.
 */
export function roleFromLabel(label: string | undefined): KeptRole | undefined {
  if (!label) return undefined
  const text = label.trim()
  if (/\bCA certificate\b/i.test(text)) return 'CA'
  if (/\bGeneral Purpose\b/i.test(text)) return 'General Purpose'
  if (/^Signature\b/i.test(text)) return 'Signature'
  if (/^Encryption\b/i.test(text)) return 'Encryption'
  return undefined
}

/** The certificate's own name: its CN, else the last (most specific) subject component, else a generic word. */
export function certificateBaseName(cert: ParsedCertificate): string {
  const cn = cert.commonName?.trim()
  if (cn) return cn
  const mostSpecific = cert.subject.components[cert.subject.components.length - 1]?.value.trim()
  if (mostSpecific) return mostSpecific
  return cert.isCa ? 'CA certificate' : 'certificate'
}

/** `testCA (CA)`; just the CN when no role is known. */
export function entryName(cert: ParsedCertificate, role?: string): string {
  const base = certificateBaseName(cert)
  const name = role ? `${base} (${role})` : base
  return name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name
}

/**
 * KeptCertificate ids are limited to 40 characters: the first 160 bits of the SHA-256
 * fingerprint identify a certificate as surely as all 256.
 */
export function keptId(cert: ParsedCertificate): string {
  return cert.fingerprints.sha256.hex.slice(0, 40)
}

/** A user-typed name, trimmed and cut to what the persisted state accepts; undefined when blank. */
export function cleanName(name: string): string | undefined {
  const trimmed = name.replace(/\s+/g, ' ').trim()
  if (!trimmed) return undefined
  return trimmed.slice(0, NAME_MAX)
}
