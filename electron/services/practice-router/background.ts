import type { Runtime, Timing } from './context'
import { readyProfiles } from './registration'
import type { RouterSnapshot } from './state'

/**
 * What happens by itself after a while: NTP synchronizes some time after `ntp server`, a complete
 * DSP farm configuration registers with CUCM after a short delay, and scheduled events (a
 * certificate arriving) fire. Timers never keep the process alive and all stop on dispose.
 */
export class Background {
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly regTimers = new Map<number, NodeJS.Timeout>()
  private ntpTimer: NodeJS.Timeout | undefined
  private disposed = false

  constructor(
    private readonly state: RouterSnapshot,
    private readonly runtime: Runtime,
    private readonly timing: Timing,
    private readonly clock: () => Date,
  ) {}

  /** Runs fn after ms unless disposed first. */
  later(ms: number, fn: () => void): void {
    this.timer(ms, fn)
  }

  /** Brings NTP sync and SCCP registration in line with the configuration. */
  reconcile(): void {
    if (this.disposed) return
    if (this.state.ntpServers.length === 0) {
      this.cancel(this.ntpTimer)
      this.ntpTimer = undefined
      this.runtime.ntpSynced = false
    } else if (!this.runtime.ntpSynced && !this.ntpTimer) {
      this.ntpTimer = this.timer(this.timing.ntpSyncDelayMs, () => {
        this.ntpTimer = undefined
        this.runtime.ntpSynced = true
        this.runtime.ntpSyncedAt = this.clock()
        this.reconcile()
      })
    }
    const ready = new Set(readyProfiles(this.state, this.runtime))
    for (const id of [...this.runtime.registered]) if (!ready.has(id)) this.runtime.registered.delete(id)
    for (const [id, handle] of [...this.regTimers]) {
      if (ready.has(id)) continue
      this.cancel(handle)
      this.regTimers.delete(id)
    }
    for (const id of ready) {
      if (this.runtime.registered.has(id) || this.regTimers.has(id)) continue
      this.regTimers.set(id, this.timer(this.timing.registrationDelayMs, () => {
        this.regTimers.delete(id)
        if (readyProfiles(this.state, this.runtime).includes(id)) this.runtime.registered.add(id)
      }))
    }
  }

  dispose(): void {
    this.disposed = true
    for (const handle of this.timers) clearTimeout(handle)
    this.timers.clear()
    this.regTimers.clear()
    this.ntpTimer = undefined
  }

  private timer(ms: number, fn: () => void): NodeJS.Timeout {
    const handle = setTimeout(() => {
      this.timers.delete(handle)
      if (!this.disposed) fn()
    }, ms)
    handle.unref()
    this.timers.add(handle)
    return handle
  }

  private cancel(handle: NodeJS.Timeout | undefined): void {
    if (!handle) return
    clearTimeout(handle)
    this.timers.delete(handle)
  }
}
