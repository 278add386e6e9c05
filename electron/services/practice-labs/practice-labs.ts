import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { PracticeRouter, RouterSnapshotSchema, practiceCucmCertificateAsync, type RouterSnapshot } from '../practice-router'
import { writeFileAtomic } from '../state/atomic-write'
import { KeyedWriteQueue } from '../state/write-queue'

export interface PracticeLabsOptions {
  /** Makes the lab's CallManager.pem from its seed; async so the key search leaves the event loop free. */
  readonly makeCucmCertificate?: (seed: string) => Promise<{ pem: string }>
}

/** The lab's CallManager.pem, kept beside its snapshot; the seed says which lab generation made it. */
const StoredCucmCertificate = z.object({ seed: z.string(), pem: z.string().max(64 * 1024) })

/**
 * Practice labs on disk: one router snapshot per lab (running config, keys, certificates, seed),
 * so a rehearsal survives a restart. A damaged snapshot is moved aside and the lab starts fresh.
 */
export class PracticeLabs {
  /** The last write per lab: a session reopened right after closing must read what was saved. */
  private readonly writes = new KeyedWriteQueue()
  /** One certificate being made per lab: concurrent requests share it. */
  private readonly making = new Map<string, Promise<string>>()

  constructor(
    private readonly dir: string,
    private readonly options: PracticeLabsOptions = {},
  ) {}

  private file(lab: string): string {
    return path.join(this.dir, `${lab}.json`)
  }

  private cucmFile(lab: string): string {
    return path.join(this.dir, `${lab}.cucm.json`)
  }

  async load(lab: string): Promise<{ snapshot?: RouterSnapshot; warning?: string }> {
    await this.writes.idle(lab)
    let text: string
    try {
      text = await fs.readFile(this.file(lab), 'utf8')
    } catch {
      return {}
    }
    try {
      return { snapshot: RouterSnapshotSchema.parse(JSON.parse(text)) }
    } catch (err) {
      const aside = `${this.file(lab)}.corrupt-${Date.now()}`
      await fs.rename(this.file(lab), aside).catch(() => undefined)
      return {
        warning: `The practice lab "${lab}" could not be restored (${(err as Error).message.slice(0, 200)}); it starts fresh. The old file is ${aside}.`,
      }
    }
  }

  save(lab: string, snapshot: RouterSnapshot): Promise<void> {
    // The snapshot holds the lab's (practice) private keys: readable by the user only.
    return this.queue(lab, () => writeFileAtomic(this.file(lab), JSON.stringify(snapshot), 0o600))
  }

  reset(lab: string): Promise<void> {
    return this.queue(lab, async () => {
      await fs.rm(this.file(lab), { force: true })
      await fs.rm(this.cucmFile(lab), { force: true })
    })
  }

  private queue(lab: string, write: () => Promise<void>): Promise<void> {
    return this.writes.run(lab, write)
  }

  /**
   * The lab's CallManager.pem: stable for the lab, from the lab's seed. Made once per lab (a
   * 2048-bit key) and stored with it, so later requests and restarts only read a file.
   */
  cucmCertificate(lab: string): Promise<string> {
    const inFlight = this.making.get(lab)
    if (inFlight) return inFlight
    const made = this.loadOrMakeCucmCertificate(lab).finally(() => this.making.delete(lab))
    this.making.set(lab, made)
    return made
  }

  private async loadOrMakeCucmCertificate(lab: string): Promise<string> {
    let { snapshot } = await this.load(lab)
    if (!snapshot) {
      const router = new PracticeRouter()
      snapshot = router.snapshot()
      router.dispose()
      await this.save(lab, snapshot)
    }
    const seed = snapshot.seed
    const stored = await fs
      .readFile(this.cucmFile(lab), 'utf8')
      .then((text) => StoredCucmCertificate.parse(JSON.parse(text)))
      .catch(() => undefined)
    if (stored?.seed === seed) return stored.pem
    const make = this.options.makeCucmCertificate ?? practiceCucmCertificateAsync
    const { pem } = await make(seed)
    await this.queue(lab, () => writeFileAtomic(this.cucmFile(lab), JSON.stringify({ seed, pem }), 0o600))
    return pem
  }
}
