import fs from 'node:fs/promises'
import path from 'node:path'
import { PracticeCucm } from './practice-cucm'
import type { PracticeLabs } from '../practice-labs/practice-labs'
import type { CucmLink } from '../practice-router'
import type { PracticeCucmInfo } from '../../../shared/contract/cucm'

/** The practice CUCM of each lab, started on first use and kept until the app closes. */
export class PracticeCucms {
  private readonly running = new Map<string, Promise<PracticeCucm>>()
  /** Started instances, for the router's synchronous questions. */
  private readonly ready = new Map<string, PracticeCucm>()
  private readonly listeners = new Map<string, Set<() => void>>()

  constructor(
    private readonly dir: string,
    private readonly labs: PracticeLabs,
    private readonly restartDelayMs?: number,
  ) {}

  /** The lab's practice CUCM, started if needed. */
  get(lab: string): Promise<PracticeCucm> {
    let found = this.running.get(lab)
    if (!found) {
      const cucm = new PracticeCucm({
        dir: this.dir,
        lab,
        callManagerPem: () => this.labs.cucmCertificate(lab),
        ...(this.restartDelayMs === undefined ? {} : { restartDelayMs: this.restartDelayMs }),
      })
      found = cucm.start().then(() => {
        this.ready.set(lab, cucm)
        cucm.onChange(() => this.notify(lab))
        // Routers already running in this lab now answer to this CUCM.
        this.notify(lab)
        return cucm
      })
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

  private notify(lab: string): void {
    for (const listener of this.listeners.get(lab) ?? []) listener()
  }

  /**
   * What a practice router of the lab asks when it registers. While the lab's practice CUCM is not
   * running, the router side decides alone (as before there was a practice CUCM); once it runs,
   * it decides.
   */
  linkFor(lab: string): CucmLink {
    return {
      register: (attempt) => this.ready.get(lab)?.registerBridge(attempt) ?? { registered: true, node: 'router side only' },
      unregister: (name, address) => this.ready.get(lab)?.unregisterBridge(name, address),
      onChange: (listener) => {
        const set = this.listeners.get(lab) ?? new Set()
        set.add(listener)
        this.listeners.set(lab, set)
        return () => set.delete(listener)
      },
    }
  }

  /** Forget the lab's practice CUCM (stopped, its state file removed): it starts fresh next time, with the lab's new CallManager.pem. */
  async reset(lab: string): Promise<void> {
    const running = this.running.get(lab)
    this.running.delete(lab)
    this.ready.delete(lab)
    await (await running?.catch(() => undefined))?.stop()
    await fs.rm(path.join(this.dir, `${lab}.cucm.json`), { force: true })
    this.notify(lab)
  }

  async stopAll(): Promise<void> {
    const all = [...this.running.values()]
    this.running.clear()
    this.ready.clear()
    await Promise.all(all.map(async (p) => (await p.catch(() => undefined))?.stop()))
  }
}
