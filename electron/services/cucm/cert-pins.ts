/**
 * The CUCM nodes' HTTPS (tomcat) certificates the user trusted, pinned by SHA-256 fingerprint: the
 * HTTPS counterpart of known_hosts (electron/services/known-hosts). A new node is trusted only
 * when the user accepts the fingerprint shown; a changed certificate blocks until the user
 * explicitly accepts the new one. One change at a time, written atomically.
 */
import fs from 'node:fs/promises'
import { writeFileAtomic } from '../state/atomic-write'

export interface CertPin {
  readonly sha256: string
  readonly subject: string
  readonly acceptedAt: string
}

export type PinStatus =
  { readonly status: 'known' } | { readonly status: 'new' } | { readonly status: 'changed'; readonly recorded: CertPin }

export function pinName(host: string, port: number): string {
  return `${host.toLowerCase()}:${port}`
}

export class CertPinStore {
  private cache: Map<string, CertPin> | undefined
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly filePath: string) {}

  async check(host: string, port: number, sha256: string): Promise<PinStatus> {
    const pin = (await this.load()).get(pinName(host, port))
    if (!pin) return { status: 'new' }
    return pin.sha256 === sha256 ? { status: 'known' } : { status: 'changed', recorded: pin }
  }

  async get(host: string, port: number): Promise<CertPin | undefined> {
    return (await this.load()).get(pinName(host, port))
  }

  /** Trust this certificate for the node, replacing whatever was pinned (the user accepted it). */
  pin(host: string, port: number, sha256: string, subject: string): Promise<void> {
    return this.change((pins) => pins.set(pinName(host, port), { sha256, subject, acceptedAt: new Date().toISOString() }))
  }

  forget(host: string, port: number): Promise<void> {
    return this.change((pins) => pins.delete(pinName(host, port)))
  }

  private async load(): Promise<Map<string, CertPin>> {
    if (this.cache) return this.cache
    const pins = new Map<string, CertPin>()
    try {
      const parsed = JSON.parse(await fs.readFile(this.filePath, 'utf8')) as unknown
      const entries = typeof parsed === 'object' && parsed !== null ? Object.entries(parsed) : []
      for (const [name, value] of entries) {
        if (typeof value !== 'object' || value === null) continue
        const { sha256, subject, acceptedAt } = value as Record<string, unknown>
        if (typeof sha256 === 'string' && /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/.test(sha256)) {
          pins.set(name, {
            sha256,
            subject: typeof subject === 'string' ? subject : '',
            acceptedAt: typeof acceptedAt === 'string' ? acceptedAt : '',
          })
        }
      }
    } catch {
      // No file yet, or a damaged one: nothing is trusted, so every node asks again.
    }
    this.cache = pins
    return pins
  }

  private change(edit: (pins: Map<string, CertPin>) => void): Promise<void> {
    const next = this.queue.then(async () => {
      const pins = await this.load()
      edit(pins)
      await writeFileAtomic(this.filePath, JSON.stringify(Object.fromEntries(pins), null, 2), 0o600)
    })
    this.queue = next.catch(() => undefined)
    return next
  }
}
