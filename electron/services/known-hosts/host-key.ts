import { createHash } from 'node:crypto'

/** The name a host has in known_hosts: "host" on port 22, "[host]:port" on any other port. */
export function knownHostsName(host: string, port: number): string {
  const lower = host.toLowerCase()
  return port === 22 ? lower : `[${lower}]:${port}`
}

/** "SHA256:…" exactly as `ssh-keygen -lf` prints it: unpadded base64 of the SHA-256 of the key blob. */
export function fingerprintSha256(keyBlob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`
}

/** The algorithm name at the start of an SSH public key blob ("ssh-ed25519", "ssh-rsa", …). */
export function keyTypeOf(keyBlob: Uint8Array): string | undefined {
  if (keyBlob.length < 4) return undefined
  const view = new DataView(keyBlob.buffer, keyBlob.byteOffset, keyBlob.byteLength)
  const length = view.getUint32(0)
  if (length === 0 || length > 64 || 4 + length > keyBlob.length) return undefined
  const name = Buffer.from(keyBlob.subarray(4, 4 + length)).toString('latin1')
  return /^[a-z0-9@.-]+$/.test(name) ? name : undefined
}

/** The short label OpenSSH shows for a key type: ED25519, RSA, ECDSA, DSA. */
export function keyTypeLabel(keyType: string): string {
  if (keyType === 'ssh-ed25519') return 'ED25519'
  if (keyType === 'ssh-rsa') return 'RSA'
  if (keyType.startsWith('ecdsa-sha2-')) return 'ECDSA'
  if (keyType === 'ssh-dss') return 'DSA'
  return keyType
}

/**
 * Host-key algorithms that prove possession of a key of this type. An "ssh-rsa" key is also
 * offered through the SHA-2 signature names.
 */
export function hostKeyAlgorithmsFor(keyType: string): string[] {
  if (keyType === 'ssh-rsa') return ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']
  return [keyType]
}
