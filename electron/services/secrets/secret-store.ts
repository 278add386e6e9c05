import fs from 'node:fs/promises'
import { writeFileAtomic } from '../state/atomic-write'
import { WriteQueue } from '../state/write-queue'

/** Encryption by the operating system's keychain (Electron safeStorage in the desktop app). */
export interface SecretCipher {
  /** Whether secrets may be kept; `reason` says why not in words for the user. */
  status(): { available: boolean; reason?: string }
  encrypt(plain: string): Buffer
  decrypt(cipher: Buffer): string
}

/**
 * Whether a keychain protects secrets. On Linux without a keyring (no gnome-keyring or KWallet)
 * Electron falls back to a hard-coded key ('basic_text'): that protects nothing, so it counts as none.
 */
export function keychainStatus(
  encryptionAvailable: boolean,
  backend: string | undefined,
  platform: string,
): { available: boolean; reason?: string } {
  if (!encryptionAvailable) return { available: false, reason: 'The system keychain is not available.' }
  if (platform === 'linux' && backend === 'basic_text') {
    return { available: false, reason: 'No system keyring (gnome-keyring or KWallet) is running, so passwords are not remembered.' }
  }
  return { available: true }
}

export const NO_KEYCHAIN = 'Passwords can be remembered only in the desktop app, where the system keychain protects them.'

/**
 * Remembered passwords and passphrases, encrypted by the OS keychain, in their own file (never in
 * the settings file, never in logs). Without a keychain it keeps nothing.
 */
export class SecretStore {
  private cache: Map<string, string> | undefined
  private readonly writes = new WriteQueue()

  constructor(
    private readonly filePath: string,
    private readonly cipher: SecretCipher | undefined,
  ) {}

  status(): { available: boolean; reason?: string } {
    return this.cipher ? this.cipher.status() : { available: false, reason: NO_KEYCHAIN }
  }

  async get(key: string): Promise<string[] | undefined> {
    if (!this.cipher || !this.status().available) return undefined
    const sealed = (await this.load()).get(key)
    if (!sealed) return undefined
    try {
      return JSON.parse(this.cipher.decrypt(Buffer.from(sealed, 'base64'))) as string[]
    } catch {
      // A secret sealed under another keychain (a copied profile, a reset keyring) is useless: ask again.
      return undefined
    }
  }

  async set(key: string, answers: readonly string[]): Promise<void> {
    const status = this.status()
    if (!this.cipher || !status.available) throw new Error(status.reason ?? NO_KEYCHAIN)
    const entries = await this.load()
    entries.set(key, this.cipher.encrypt(JSON.stringify(answers)).toString('base64'))
    await this.save(entries)
  }

  async forget(key?: string): Promise<void> {
    const entries = await this.load()
    if (key === undefined) entries.clear()
    else entries.delete(key)
    await this.save(entries)
  }

  private async load(): Promise<Map<string, string>> {
    if (this.cache) return this.cache
    try {
      const parsed = JSON.parse(await fs.readFile(this.filePath, 'utf8')) as unknown
      const entries = typeof parsed === 'object' && parsed !== null ? Object.entries(parsed) : []
      this.cache = new Map(entries.filter((e): e is [string, string] => typeof e[1] === 'string'))
    } catch {
      this.cache = new Map()
    }
    return this.cache
  }

  private save(entries: Map<string, string>): Promise<void> {
    const body = JSON.stringify(Object.fromEntries(entries), null, 2)
    return this.writes.run(() => writeFileAtomic(this.filePath, body, 0o600))
  }
}
