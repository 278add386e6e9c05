import { spawnSync } from 'node:child_process'
import type { KeptCertificate } from '../../../shared/contract'
import { parseInput, type ParsedCertificate } from '../../../shared/pki'
import type { WorkbenchCert } from '../../../renderer/panes/checklist/workbench-certs'

/** One PEM's certificate, read here as the parse worker reads it (the checklist reads none itself). */
function parsePem(pem: string): ParsedCertificate | undefined {
  return parseInput(pem).certificates[0]
}

/** `openssl x509 -fingerprint` of a PEM as upper-case hex without separators: the reference every comparison is checked against. */
export function opensslFingerprint(pem: string, alg: 'md5' | 'sha1' | 'sha256'): string {
  const r = spawnSync('openssl', ['x509', '-noout', '-fingerprint', `-${alg}`], { input: pem, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`)
  return r.stdout
    .slice(r.stdout.indexOf('=') + 1)
    .trim()
    .replace(/:/g, '')
}

/** IOS style: groups of 8. */
export const ios = (hex: string): string => (hex.match(/.{1,8}/g) ?? []).join(' ')

let serial = 0

/** A workbench entry as the certificate pane keeps it. */
export function kept(
  pem: string,
  name: string,
  role?: string,
  addedAt = `2026-01-01T00:00:${String(serial).padStart(2, '0')}Z`,
): KeptCertificate {
  serial++
  const parsed = parsePem(pem)
  if (!parsed) throw new Error(`${name} does not parse`)
  return { id: parsed.id.slice(0, 40), name, ...(role ? { role } : {}), pem, addedAt }
}

export function workbenchOf(...entries: KeptCertificate[]): WorkbenchCert[] {
  return entries.map((k) => {
    const parsed = parsePem(k.pem)
    if (!parsed) throw new Error(`${k.name} does not parse`)
    return { kept: k, parsed }
  })
}
