// Pure export helpers: the bytes and names of files the main process will write. Keys are refused
// here so that no UI path can put a private key into a CUCM upload (rule 12).

import { decodeBase64 } from './base64'
import type { KeyBlockInfo, ParsedCertificate } from './types'

export function toPem(cert: ParsedCertificate): string {
  return cert.pem
}

export function toDer(cert: ParsedCertificate): Uint8Array {
  return decodeBase64(cert.der)
}

/** Several certificates in one PEM text (for humans and routers; CUCM wants one per file). */
export function pemBundle(certs: readonly ParsedCertificate[]): string {
  return certs.map((c) => c.pem).join('')
}

export interface UploadFile {
  fileName: string
  contents: string
  certificateId: string
}

export type UploadFilesResult = { ok: true; files: UploadFile[] } | { ok: false; reason: string }

function isKey(item: ParsedCertificate | KeyBlockInfo): item is KeyBlockInfo {
  return 'kind' in item && (item.kind === 'private' || item.kind === 'public')
}

/** A file name CUCM and every OS accept: letters, digits, dot, dash, underscore; `.pem` appended. */
export function safeFileName(name: string): string {
  const base = name
    .replace(/\.(pem|crt|cer|der)$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
  return `${base || 'certificate'}.pem`
}

function defaultName(cert: ParsedCertificate): string {
  if (cert.commonName) return cert.commonName
  return cert.role === 'ca' ? 'CA' : 'certificate'
}

/**
 * One PEM file per certificate (rule 11), named from `names[i]` or from the certificate's CN
 * (`testCA.pem`, `SecureCFB.pem`). Refuses any key block (rule 12).
 */
export function cucmUploadFiles(
  items: ReadonlyArray<ParsedCertificate | KeyBlockInfo>,
  names: ReadonlyArray<string | undefined> = [],
): UploadFilesResult {
  const keys = items.filter(isKey)
  if (keys.length > 0) {
    const privateKeys = keys.filter((k) => k.kind === 'private').length
    return {
      ok: false,
      reason: `${keys.length} key block(s)${privateKeys ? `, ${privateKeys} of them private,` : ''} cannot go into a CUCM upload: trust stores take certificates only.`,
    }
  }
  const certs = items as readonly ParsedCertificate[]
  if (certs.some((c) => /PRIVATE KEY/.test(c.pem))) {
    return { ok: false, reason: 'A certificate entry contains a PRIVATE KEY block; refusing to export it.' }
  }
  const used = new Set<string>()
  const files = certs.map((cert, i) => {
    let fileName = safeFileName(names[i] ?? defaultName(cert))
    for (let n = 2; used.has(fileName.toLowerCase()); n++) fileName = fileName.replace(/(-\d+)?\.pem$/, `-${n}.pem`)
    used.add(fileName.toLowerCase())
    return { fileName, contents: cert.pem, certificateId: cert.id }
  })
  return { ok: true, files }
}
