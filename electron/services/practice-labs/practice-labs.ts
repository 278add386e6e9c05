import fs from 'node:fs/promises'
import path from 'node:path'
import { PracticeRouter, RouterSnapshotSchema, practiceCucmCertificate, type RouterSnapshot } from '../practice-router'
import { writeFileAtomic } from '../state/atomic-write'

/**
 * Practice labs on disk: one router snapshot per lab (running config, keys, certificates, seed),
 * so a rehearsal survives a restart. A damaged snapshot is moved aside and the lab starts fresh.
 */
export class PracticeLabs {
  /** The last write per lab: a session reopened right after closing must read what was saved. */
  private readonly writes = new Map<string, Promise<void>>()

  constructor(private readonly dir: string) {}

  private file(lab: string): string {
    return path.join(this.dir, `${lab}.json`)
  }

  async load(lab: string): Promise<{ snapshot?: RouterSnapshot; warning?: string }> {
    await this.writes.get(lab)
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
      return { warning: `The practice lab "${lab}" could not be restored (${(err as Error).message.slice(0, 200)}); it starts fresh. The old file is ${aside}.` }
    }
  }

  save(lab: string, snapshot: RouterSnapshot): Promise<void> {
    // The snapshot holds the lab's (practice) private keys: readable by the user only.
    return this.queue(lab, () => writeFileAtomic(this.file(lab), JSON.stringify(snapshot), 0o600))
  }

  reset(lab: string): Promise<void> {
    return this.queue(lab, () => fs.rm(this.file(lab), { force: true }))
  }

  private queue(lab: string, write: () => Promise<void>): Promise<void> {
    const next = (this.writes.get(lab) ?? Promise.resolve()).then(write)
    this.writes.set(lab, next.catch(() => undefined))
    return next
  }

  /** The lab's CallManager.pem: stable for the lab, from the lab's seed (made on first use). */
  async cucmCertificate(lab: string): Promise<string> {
    let { snapshot } = await this.load(lab)
    if (!snapshot) {
      const router = new PracticeRouter()
      snapshot = router.snapshot()
      router.dispose()
      await this.save(lab, snapshot)
    }
    return practiceCucmCertificate(snapshot.seed).pem
  }
}
