/**
 * A slow console line in front of the router: bytes cross the line at most at `lineRate` bits/s
 * (10 bits per character, 8N1), wait in an input buffer of `bufferSize` bytes while the router is
 * not reading, and anything that does not fit is silently dropped, as a real console does when text
 * is pasted faster than the router takes it.
 */
export interface LinePacerOptions {
  readonly lineRate: number
  readonly bufferSize: number
  readonly deliver: (ch: string) => void
  /** False while the router is busy and not reading its line. */
  readonly canDeliver: () => boolean
}

const TICK_MS = 5

export class LinePacer {
  private buffer = ''
  private allowance = 0
  private last = 0
  private timer: NodeJS.Timeout | undefined
  private droppedCount = 0
  private drainWaiters: (() => void)[] = []

  constructor(private readonly opts: LinePacerOptions) {}

  get dropped(): number {
    return this.droppedCount
  }

  push(data: string): void {
    const room = Math.max(0, this.opts.bufferSize - this.buffer.length)
    this.buffer += data.slice(0, room)
    this.droppedCount += Math.max(0, data.length - room)
    if (!this.timer && this.buffer.length > 0) {
      this.last = Date.now()
      this.allowance = 0
      this.timer = setInterval(() => this.tick(), TICK_MS)
    }
  }

  /** Resolves when every kept byte has been handed to the router. */
  drained(): Promise<void> {
    if (this.buffer.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.drainWaiters.push(resolve))
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  private tick(): void {
    const now = Date.now()
    const charsPerMs = this.opts.lineRate / 10 / 1000
    // Credit follows wall time so a late timer does not slow the line down; it never exceeds what the buffer can hold.
    this.allowance = Math.min(this.allowance + (now - this.last) * charsPerMs, this.opts.bufferSize)
    this.last = now
    while (this.allowance >= 1 && this.buffer.length > 0 && this.opts.canDeliver()) {
      const ch = this.buffer[0] ?? ''
      this.buffer = this.buffer.slice(1)
      this.allowance -= 1
      this.opts.deliver(ch)
    }
    if (this.buffer.length === 0) {
      this.stop()
      const waiters = this.drainWaiters
      this.drainWaiters = []
      for (const resolve of waiters) resolve()
    }
  }
}
