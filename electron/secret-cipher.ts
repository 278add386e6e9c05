import { safeStorage } from 'electron'
import { keychainStatus, type SecretCipher } from './services/secrets/secret-store'

/** The OS keychain through Electron's safeStorage (refused where it would be Linux 'basic_text'). */
export const safeStorageCipher: SecretCipher = {
  status: () =>
    keychainStatus(
      safeStorage.isEncryptionAvailable(),
      process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
      process.platform,
    ),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (cipher) => safeStorage.decryptString(cipher),
}
