import { PracticeCucm } from './practice-cucm'
import type { PracticeLabs } from '../practice-labs/practice-labs'
import type { PracticeCucmInfo } from '../../../shared/contract/cucm'

/** The practice CUCM of each lab, started on first use and kept until the app closes. */
export class PracticeCucms {
  private readonly running = new Map<string, Promise<PracticeCucm>>()

  constructor(
    private readonly dir: string,
    private readonly labs: PracticeLabs,
    private readonly restartDelayMs?: number,
  ) {}

  /** The lab's practice CUCM, started if needed. */
  get(lab: string): Promise<PracticeCucm> {
    let found = this.running.get(lab)
    if (!found) {
      const cucm = new PracticeCucm({ dir: this.dir, lab, callManagerPem: () => this.labs.cucmCertificate(lab), ...(this.restartDelayMs === undefined ? {} : { restartDelayMs: this.restartDelayMs }) })
      found = cucm.start().then(() => cucm)
      this.running.set(lab, found)
      found.catch(() => this.running.delete(lab))
    }
    return found
  }

  /** Whether the lab's practice CUCM runs (without starting it). */
  peek(lab: string): Promise<PracticeCucm> | undefined {
    return this.running.get(lab)
  }

  async start(lab: string): Promise<PracticeCucmInfo> {
    return (await this.get(lab)).info()
  }

  async stopAll(): Promise<void> {
    const all = [...this.running.values()]
    this.running.clear()
    await Promise.all(all.map(async (p) => (await p.catch(() => undefined))?.stop()))
  }
}
