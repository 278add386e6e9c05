// Plain data only: every type here must survive JSON.stringify / structuredClone, because parsed
// certificates live in the Zustand store and cross IPC.

export type Severity = 'error' | 'warning' | 'info'

export interface TextPosition {
  /** 1-based line in the pasted text. */
  line: number
  /** 1-based column (UTF-16 code units) in that line. */
  column: number
  /** 0-based character offset in the pasted text. */
  offset: number
}

/** Where a certificate or key came from in the input. */
export interface SourceRef {
  kind: 'pem' | 'bare-base64' | 'der' | 'pkcs7'
  /** 1-based block number, in order of appearance in the input. */
  block: number
  /** PEM label (`CERTIFICATE`, `PKCS7`, …) when the block had BEGIN/END lines. */
  pemLabel?: string
  /** Position of the block's first character (BEGIN line or first base64 line); absent for binary files. */
  start?: TextPosition
  fileName?: string
  /** Index inside a PKCS#7 bundle (0-based). */
  indexInBundle?: number
}

/** From the IOS label when there is one (`% CA certificate:`), else from basicConstraints. */
export type CertRole = 'ca' | 'identity'

export interface NameComponent {
  /** Short name as openssl prints it (`CN`, `O`, `OU`, `C`, `ST`, `L`, `emailAddress`, …) or the dotted OID. */
  type: string
  oid: string
  value: string
}

export interface DistinguishedName {
  /**
   * Components in certificate (DER) order joined by ", " with `=` and no spaces around it:
   * `C=CN, O=cisco, OU=a, CN=CUCMPUB15.uc.com, ST=c, L=b` — the same text as
   * `openssl x509 -noout -subject -nameopt oneline,-space_eq` prints after `subject=`.
   * Multi-valued RDNs are joined with ` + `.
   */
  text: string
  /** Flat list in DER order; `rdn` groups multi-valued RDNs. */
  components: Array<NameComponent & { rdn: number }>
}

export interface Fingerprint {
  /** Upper-case hex without separators. */
  hex: string
  /** IOS style: groups of 8 separated by single spaces (`383BA13D C37D0E5D …`). */
  ios: string
  /** Colon style (`38:3B:A1:…`). */
  colon: string
}

export interface Fingerprints {
  md5: Fingerprint
  sha1: Fingerprint
  sha256: Fingerprint
}

export interface PublicKeyInfo {
  algorithm: 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'unknown'
  oid: string
  /** RSA modulus size, or the curve size for EC. */
  bits?: number
  /** `P-256`, `P-384`, `P-521`, or the curve OID when it is not one of those. */
  curve?: string
  /** SubjectPublicKeyInfo DER as base64 (needed to verify what this certificate signed). */
  spki: string
}

export interface SignatureAlgorithmInfo {
  /** openssl name: `md5WithRSAEncryption`, `sha256WithRSAEncryption`, `ecdsa-with-SHA384`, … or the OID. */
  name: string
  oid: string
  hash?: 'MD5' | 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512'
  keyType?: 'RSA' | 'EC' | 'RSA-PSS' | 'Ed25519' | 'Ed448' | 'DSA'
}

export interface SubjectAltName {
  type: 'dns' | 'ip' | 'email' | 'url' | 'dn' | 'other'
  value: string
}

export interface CertificateExtensions {
  basicConstraints?: { ca: boolean; pathLength?: number; critical: boolean }
  /** openssl names: `digitalSignature`, `keyEncipherment`, `keyCertSign`, `cRLSign`, … */
  keyUsage?: { usages: string[]; critical: boolean }
  /** Short names (`serverAuth`, `clientAuth`, `ipsecEndSystem`, …) or dotted OIDs. */
  extendedKeyUsage?: { usages: string[]; critical: boolean }
  subjectAltNames?: SubjectAltName[]
  /** Upper-case hex. */
  subjectKeyIdentifier?: string
  /** Upper-case hex of the keyIdentifier field. */
  authorityKeyIdentifier?: string
  /** Every extension present, in order, including the ones decoded above. */
  all: Array<{ oid: string; name: string; critical: boolean }>
}

export interface ParsedCertificate {
  /** SHA-256 fingerprint hex: stable identity for stores and React keys. */
  id: string
  /** The certificate DER, base64. */
  der: string
  /** Canonical PEM (64-column lines, LF, trailing newline). */
  pem: string
  source: SourceRef
  /** The label printed before the block (`CA certificate`, `General Purpose Certificate`, …). */
  roleLabel?: string
  role: CertRole
  version: number
  /** Serial as openssl `-serial` prints it: upper-case hex, even length, no leading 00. */
  serialHex: string
  /** Serial as IOS prints it: `Certificate Serial Number (hex): 01`. */
  serialIos: string
  subject: DistinguishedName
  issuer: DistinguishedName
  commonName?: string
  notBefore: string
  notAfter: string
  publicKey: PublicKeyInfo
  signatureAlgorithm: SignatureAlgorithmInfo
  extensions: CertificateExtensions
  /** Subject equals issuer (and, when both are present, the AKI equals the SKI). Signature not checked. */
  isSelfSigned: boolean
  /** basicConstraints CA:TRUE. */
  isCa: boolean
  fingerprints: Fingerprints
}

export type KeyFormat = 'pkcs1' | 'pkcs8' | 'pkcs8-encrypted' | 'sec1' | 'spki' | 'pkcs1-public' | 'openssh' | 'unknown'

/** A key block seen in the input. Holds no key material, so it is safe to keep in a store. */
export interface KeyBlockInfo {
  kind: 'private' | 'public'
  /** The PEM label: `RSA PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, `EC PRIVATE KEY`, `PRIVATE KEY`, `PUBLIC KEY`. */
  pemLabel: string
  format: KeyFormat
  algorithm?: 'RSA' | 'EC' | 'DSA' | 'Ed25519' | 'unknown'
  bits?: number
  curve?: string
  encrypted: boolean
  /** `DES-EDE3-CBC`, `AES-256-CBC`, … when encrypted. */
  cipher?: string
  /** DES or 3DES encryption (rule 12). */
  weakEncryption: boolean
  source: SourceRef
  roleLabel?: string
}

export interface InputProblem {
  severity: Severity
  code:
    | 'empty'
    | 'binary'
    | 'no-certificate'
    | 'bad-base64'
    | 'bad-der'
    | 'der-truncated'
    | 'der-trailing-bytes'
    | 'not-a-certificate'
    | 'private-key'
    | 'missing-end'
    | 'unknown-block'
    | 'show-output'
    | 'pager-removed'
    | 'duplicate'
    | 'too-many'
    | 'too-large'
  /** One sentence with the place: block, line, column, byte offset. */
  message: string
  block?: number
  position?: TextPosition
  /** Byte offset inside the decoded DER. */
  byteOffset?: number
}

export interface ParseResult {
  certificates: ParsedCertificate[]
  keys: KeyBlockInfo[]
  problems: InputProblem[]
}

export interface Check {
  severity: Severity
  code: string
  /** What is wrong and one sentence of why it matters. */
  message: string
  /** `ParsedCertificate.id` the check is about, when it is about one certificate. */
  certificateId?: string
}
