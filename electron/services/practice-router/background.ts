import type { Runtime, Timing } from './context'
import type { CucmLink, RegistrationAttempt } from './cucm-link'
import { ccmFor, readyProfiles } from './registration'
import type { RouterSnapshot } from './state'

/** How often a refused registration is tried again ("CCM Connect Interval: 10 sec" in show sccp ccm group). */
const DEFAULT_RETRY_MS = 10_000

function attemptFor(state: RouterSnapshot, id: number): RegistrationAttempt | undefined {
  const profile = state.dspfarmProfiles[String(id)]
  const association = ccmFor(state, id)
  if (!profile || !association) return undefined
  const tp = profile.trustpoint ? state.trustpoints[profile.trustpoint] : undefined
  const local = state.interfaces.find((i) => i.name === state.sccp.local)
  return {
    profile: id,
    registerName: association.register,
    ccmAddress: association.address,
    localAddress: local?.ipAddress ?? '',
    secure: profile.security,
    ...(tp?.certPem ? { certificatePem: tp.certPem } : {}),
    ...(tp?.caCertPem ? { caPem: tp.caCertPem } : {}),
  }
}

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
    private readonly cucm?: { readonly link: CucmLink; readonly log: (message: string) => void; readonly retryMs?: number },
  ) {}

  /** Why CUCM last refused each profile (cleared when it registers). */
  readonly refusals = new Map<number, string>()

  /** Registers `id` with CUCM if the link says so; otherwise says why once and tries again later. */
  private attempt(id: number): void {
    this.regTimers.delete(id)
    if (!readyProfiles(this.state, this.runtime).includes(id)) return
    const attempt = this.cucm ? attemptFor(this.state, id) : undefined
    if (!this.cucm || !attempt) {
      this.runtime.registered.add(id)
      return
    }
    const verdict = this.cucm.link.register(attempt)
    if (verdict.registered) {
      this.refusals.delete(id)
      this.runtime.registered.add(id)
      return
    }
    if (this.refusals.get(id) !== verdict.reason) this.cucm.log(verdict.reason)
    this.refusals.set(id, verdict.reason)
    this.regTimers.set(
      id,
      this.timer(this.cucm.retryMs ?? DEFAULT_RETRY_MS, () => this.attempt(id)),
    )
  }

  /** CUCM's side changed: a registered profile CUCM no longer has registers again (after a retry). */
  recheck(): void {
    if (this.disposed || !this.cucm) return
    for (const id of [...this.runtime.registered]) {
      const attempt = attemptFor(this.state, id)
      if (!attempt) continue
      const verdict = this.cucm.link.register(attempt)
      if (verdict.registered) continue
      this.runtime.registered.delete(id)
      if (this.refusals.get(id) !== verdict.reason) this.cucm.log(verdict.reason)
      this.refusals.set(id, verdict.reason)
      if (!this.regTimers.has(id))
        this.regTimers.set(
          id,
          this.timer(this.cucm.retryMs ?? DEFAULT_RETRY_MS, () => this.attempt(id)),
        )
    }
  }

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
    for (const id of [...this.runtime.registered]) {
      if (ready.has(id)) continue
      this.runtime.registered.delete(id)
      const association = ccmFor(this.state, id)
      if (this.cucm && association) this.cucm.link.unregister(association.register, association.address)
    }
    for (const [id, handle] of [...this.regTimers]) {
      if (ready.has(id)) continue
      this.cancel(handle)
      this.regTimers.delete(id)
    }
    for (const id of ready) {
      if (this.runtime.registered.has(id) || this.regTimers.has(id)) continue
      this.regTimers.set(
        id,
        this.timer(this.timing.registrationDelayMs, () => this.attempt(id)),
      )
    }
  }

  dispose(): void {
    if (this.cucm && !this.disposed) {
      // The router goes away: its TCP links to CUCM close and CUCM sees the bridge unregister.
      for (const id of this.runtime.registered) {
        const association = ccmFor(this.state, id)
        if (association) this.cucm.link.unregister(association.register, association.address)
      }
    }
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
