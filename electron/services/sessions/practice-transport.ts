import type { z } from 'zod'
import type { PracticeSpec } from '../../../shared/contract'
import { PracticeRouter, type CucmLink } from '../practice-router'
import type { PracticeLabs } from '../practice-labs/practice-labs'
import { TransportBase, type TransportContext } from './transport'

export type PracticeSpecParsed = z.output<typeof PracticeSpec>

/** How long router state may go unsaved after a change. */
const SAVE_DELAY_MS = 500

/**
 * The built-in practice router as a session: the simulator runs in this process, its state is
 * saved per lab after every change. Output is held while paused (the router only talks when
 * spoken to, so what it holds is bounded by what the user typed).
 */
export class PracticeTransport extends TransportBase {
  readonly title: string
  private router: PracticeRouter | undefined
  private paused = false
  private held: string[] = []
  private saveTimer: ReturnType<typeof setTimeout> | undefined
  private readonly encoder = new TextEncoder()

  constructor(
    private readonly spec: PracticeSpecParsed,
    private readonly labs: PracticeLabs,
    private readonly warn: (message: string) => void = () => undefined,
    /** The lab's practice CUCM, which decides whether the bridge registers. */
    private readonly cucmLink?: (lab: string) => CucmLink,
  ) {
    super()
    this.title = spec.lab === 'default' ? 'Practice router' : `Practice router (${spec.lab})`
  }

  async open(_ctx: TransportContext): Promise<void> {
    const { snapshot, warning } = await this.labs.load(this.spec.lab)
    if (warning) this.warn(warning)
    const router = new PracticeRouter({
      ...(snapshot ? { state: snapshot } : {}),
      ...(this.spec.seed ? { seed: this.spec.seed } : {}),
      ...(this.cucmLink ? { cucm: this.cucmLink(this.spec.lab) } : {}),
    })
    this.router = router
    router.onOutput((text) => {
      if (this.paused) this.held.push(text)
      else this.emitData(this.encoder.encode(text))
    })
    router.onChange(() => this.scheduleSave())
    router.onExit(() => this.close())
    router.start()
    if (!snapshot) this.scheduleSave()
  }

  write(data: string | Uint8Array): void {
    this.router?.input(typeof data === 'string' ? data : new TextDecoder().decode(data))
  }

  resize(): void {
    // A console line has no window size.
  }

  pause(): void {
    this.paused = true
  }

  resume(): void {
    this.paused = false
    for (const text of this.held.splice(0)) this.emitData(this.encoder.encode(text))
  }

  close(): void {
    const router = this.router
    if (!router) return
    this.router = undefined
    this.flushSave(router)
    router.dispose()
    this.emitExit({ reason: 'Practice router session closed' })
  }

  private scheduleSave(): void {
    if (this.saveTimer) return
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined
      if (this.router) this.flushSave(this.router)
    }, SAVE_DELAY_MS)
  }

  private flushSave(router: PracticeRouter): void {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = undefined
    this.labs.save(this.spec.lab, router.snapshot()).catch((err: Error) => this.warn(`Could not save the practice lab: ${err.message}`))
  }
}
