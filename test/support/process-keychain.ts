import crypto from 'node:crypto'
import type { SecretCipher } from '../../electron/services/secrets/secret-store'

/**
 * Stands in for the OS keychain (Electron's safeStorage needs the Electron binary): real
 * AES-256-GCM with a key that lives only in this process. `available: false` plays a Linux
 * desktop whose safeStorage fell back to the unprotected basic_text backend.
 */
export function processKeychain(available = true): SecretCipher {
  const key = crypto.randomBytes(32)
  return {
    status: () => (available ? { available: true } : { available: false, reason: 'No system keyring is running.' }),
    encrypt(plain) {
      const iv = crypto.randomBytes(12)
      const c = crypto.createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return Buffer.concat([iv, c.getAuthTag(), body])
    },
    decrypt(sealed) {
      const d = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12))
      d.setAuthTag(sealed.subarray(12, 28))
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8')
    },
  }
}
