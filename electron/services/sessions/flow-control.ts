/**
 * Output batching with acknowledgement-based back-pressure, as VS Code's terminal does: text is
 * gathered for a few milliseconds and sent in one event; the window acknowledges what it has
 * drawn; when too much is unacknowledged the transport is paused until the window catches up.
 */
export interface FlowControlOptions {
  /** Unacknowledged characters above which the transport is paused. */
  readonly highWatermark: number
  /** Unacknowledged characters below which a paused transport resumes. */
  readonly lowWatermark: number
  /** How long output is gathered before it is sent. */
  readonly batchMs: number
  /** A batch this large is sent at once rather than waiting for the timer. */
  readonly maxBatchChars: number
}

/**
 * Tuned with `npm run bench` (20 MB flood, headless Chromium, 2 cores, bare CDP driver): 64 KiB /
 * 5 ms batches gave 0.29 of xterm's own speed and 256 KiB / 8 ms about 0.42. Since the window
 * coalesces writes to xterm during a flood (renderer/panes/console/terminal-io.ts) and the
 * prompt check reads only the end of each read (router-watch.ts), larger batches no longer
 * delay keystroke echo: each session has its own batcher, so an echo in a quiet session still
 * leaves after one timer tick. README "How a byte travels" quotes these numbers; a test checks it.
 */
export const DEFAULT_FLOW: FlowControlOptions = {
  highWatermark: 4_000_000,
  // Resuming while the window still has a megabyte to draw keeps xterm busy over the ack's round
  // trip; resuming near zero left it idle on every pause during a flood.
  lowWatermark: 1_000_000,
  batchMs: 12,
  maxBatchChars: 1024 * 1024,
}

export interface FlowSink {
  send(text: string): void
  pause(): void
  resume(): void
}

export class OutputBatcher {
  private pending: string[] = []
  private pendingChars = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private unacked = 0
  private paused = false
  /** When the last batch left; output after a quiet spell (an echo) need not wait for the timer. */
  private lastSentAt = 0

  constructor(
    private readonly sink: FlowSink,
    private readonly options: FlowControlOptions = DEFAULT_FLOW,
  ) {}

  get isPaused(): boolean {
    return this.paused
  }

  get unacknowledged(): number {
    return this.unacked
  }

  push(text: string): void {
    if (!text) return
    this.pending.push(text)
    this.pendingChars += text.length
    if (this.pendingChars >= this.options.maxBatchChars) this.flush()
    else if (this.timer === undefined) {
      // A keystroke's echo after a quiet spell leaves on the next turn of the event loop (with
      // whatever the same read brought); output that keeps coming is gathered for batchMs.
      const quiet = performance.now() - this.lastSentAt >= this.options.batchMs
      this.timer = setTimeout(() => this.flush(), quiet ? 0 : this.options.batchMs)
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.pendingChars === 0) return
    const text = this.pending.join('')
    this.pending = []
    this.pendingChars = 0
    this.unacked += text.length
    this.lastSentAt = performance.now()
    this.sink.send(text)
    if (!this.paused && this.unacked > this.options.highWatermark) {
      this.paused = true
      this.sink.pause()
    }
  }

  ack(chars: number): void {
    this.unacked = Math.max(0, this.unacked - chars)
    this.maybeResume()
  }

  /** Forget what is outstanding (a window went away and will never acknowledge it). */
  reset(): void {
    this.unacked = 0
    this.maybeResume()
  }

  dispose(): void {
    this.flush()
    if (this.timer) clearTimeout(this.timer)
  }

  private maybeResume(): void {
    if (this.paused && this.unacked < this.options.lowWatermark) {
      this.paused = false
      this.sink.resume()
    }
  }
}
