import { EchoWaiter, PromptWaiter, type LineWaiter } from './line-waiters'

/** Any session that takes text and shows output: serial, SSH, local shell, practice router. */
export interface PacedTarget {
  write(data: string): void
  /** Output as text; returns a disposer. */
  onOutput(listener: (text: string) => void): () => void
}

export type WaitFor = 'none' | 'echo' | 'prompt'

export interface PacedOptions {
  /** Pause between characters; 0 writes each line in one piece. */
  readonly charDelayMs: number
  /** Pause after each line (after its echo or prompt, when waiting for one). */
  readonly lineDelayMs: number
  readonly lineEnding: '\r' | '\n' | '\r\n'
  readonly waitFor: WaitFor
  /** For waitFor 'prompt'; an IOS/shell prompt after a line break when omitted. */
  readonly promptPattern?: RegExp
  /** How long one line may take to echo or to bring the prompt back. */
  readonly timeoutMs: number
  /** Line speed used for the theoretical time in the summary. */
  readonly baudRate?: number
  /**
   * The device's receive buffer in bytes. Waiting for echo, a longer line goes in pieces of at
   * most this size, each echoed before the next, so the buffer never overflows mid-line.
   */
  readonly bufferSize: number
}

export const DEFAULT_PACED_OPTIONS: PacedOptions = {
  charDelayMs: 0,
  lineDelayMs: 0,
  lineEnding: '\r',
  waitFor: 'echo',
  timeoutMs: 2000,
  baudRate: 9600,
  bufferSize: 64,
}

export interface PacedProgress {
  /** Lines completed so far (1-based count). */
  readonly line: number
  readonly lines: number
  /** Bytes written so far. */
  readonly bytes: number
}

export interface PacedSummary {
  readonly lines: number
  readonly linesSent: number
  readonly bytes: number
  readonly elapsedMs: number
  /** Time the bytes need on the wire at `baudRate`, 10 bits per character (8N1). */
  readonly theoreticalMs: number
}

export interface PacedRun {
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: PacedProgress) => void
}

export class PacedSendError extends Error {
  override readonly name = 'PacedSendError'
  constructor(
    message: string,
    readonly kind: 'timeout' | 'aborted',
    readonly summary: PacedSummary,
    /** 1-based number of the line that did not complete. */
    readonly line?: number,
  ) {
    super(message)
  }
}

const encoder = new TextEncoder()
const byteLength = (text: string): number => encoder.encode(text).length

/** Time `chars` characters take on a line at `baudRate`, with start and stop bits (10 bits each). */
export function lineTimeMs(chars: number, baudRate: number): number {
  return (chars * 10 * 1000) / baudRate
}

/** Cuts a line into pieces of at most `maxBytes` UTF-8 bytes, never inside a character. */
export function splitIntoPieces(line: string, maxBytes: number): string[] {
  const pieces: string[] = []
  let piece = ''
  let size = 0
  for (const ch of line) {
    const n = byteLength(ch)
    if (size + n > maxBytes && piece) {
      pieces.push(piece)
      piece = ''
      size = 0
    }
    piece += ch
    size += n
  }
  if (piece) pieces.push(piece)
  return pieces
}

/** Splits a paste into lines; a final line break does not make an extra empty line. */
export function splitPasteLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

function quote(line: string): string {
  const trimmed = line.trim()
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed
}

/**
 * Sends a paste the way a careful engineer types it: line by line, optionally character by
 * character, waiting for the device to echo each line (or give its prompt back) before the next,
 * so a console with a tiny input buffer never silently drops characters.
 */
export class PacedSender {
  private readonly options: PacedOptions

  constructor(
    private readonly target: PacedTarget,
    options: Partial<PacedOptions> = {},
  ) {
    this.options = { ...DEFAULT_PACED_OPTIONS, ...options }
  }

  async send(text: string, run: PacedRun = {}): Promise<PacedSummary> {
    const o = this.options
    const lines = splitPasteLines(text)
    const started = performance.now()
    let bytes = 0
    let linesSent = 0
    let waiter: LineWaiter | undefined
    let wake: (() => void) | undefined
    const summary = (): PacedSummary => ({
      lines: lines.length,
      linesSent,
      bytes,
      elapsedMs: Math.round(performance.now() - started),
      theoreticalMs: Math.round(lineTimeMs(bytes, o.baudRate ?? 9600)),
    })
    const aborted = (): PacedSendError =>
      new PacedSendError(`Paced sending cancelled after ${linesSent} of ${lines.length} lines`, 'aborted', summary(), linesSent + 1)

    /** Waits until `current` has its answer; a timeout names the line and what did not come back. */
    const answered = async (current: LineWaiter, index: number, line: string, failure: string): Promise<void> => {
      const outcome = await waitUntil(
        () => current.done,
        o.timeoutMs,
        run.signal,
        (w) => (wake = w),
      )
      if (outcome === 'aborted') throw aborted()
      if (outcome === 'timeout')
        throw new PacedSendError(`Line ${index + 1} ("${quote(line)}") ${failure}`, 'timeout', summary(), index + 1)
    }

    const unsubscribe = this.target.onOutput((chunk) => {
      if (!waiter) return
      waiter.feed(chunk)
      if (waiter.done) wake?.()
    })
    try {
      for (const [index, line] of lines.entries()) {
        if (run.signal?.aborted) throw aborted()
        // Listening starts before the write: a fast device echoes while we are still writing.
        waiter = this.waiterFor(line)
        if (o.charDelayMs > 0) {
          for (const ch of line) {
            this.target.write(ch)
            bytes += byteLength(ch)
            await sleep(o.charDelayMs, run.signal).catch(() => {
              throw aborted()
            })
          }
          this.target.write(o.lineEnding)
        } else if (o.waitFor === 'echo' && byteLength(line) > o.bufferSize) {
          for (const piece of splitIntoPieces(line, o.bufferSize)) {
            const pieceWaiter = new EchoWaiter(piece, false)
            waiter = pieceWaiter
            this.target.write(piece)
            bytes += byteLength(piece)
            await answered(pieceWaiter, index, line, `was not echoed within ${o.timeoutMs} ms (sent in pieces of ${o.bufferSize} bytes)`)
          }
          // The characters are all back: only the echo of Enter is left to wait for.
          waiter = new EchoWaiter('')
          this.target.write(o.lineEnding)
        } else {
          this.target.write(line + o.lineEnding)
          bytes += byteLength(line)
        }
        bytes += byteLength(o.lineEnding)
        if (waiter) {
          await answered(waiter, index, line, `${o.waitFor === 'echo' ? 'was not echoed' : 'got no prompt back'} within ${o.timeoutMs} ms`)
        }
        linesSent += 1
        waiter = undefined
        run.onProgress?.({ line: linesSent, lines: lines.length, bytes })
        if (o.lineDelayMs > 0 && index < lines.length - 1) {
          await sleep(o.lineDelayMs, run.signal).catch(() => {
            throw aborted()
          })
        }
      }
      return summary()
    } finally {
      unsubscribe()
    }
  }

  private waiterFor(line: string): LineWaiter | undefined {
    switch (this.options.waitFor) {
      case 'echo':
        return new EchoWaiter(line)
      case 'prompt':
        return new PromptWaiter(this.options.promptPattern)
      default:
        return undefined
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'))
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(new Error('aborted'))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Resolves when `isDone` holds (checked now and on each `wake`), on timeout, or on abort. */
function waitUntil(
  isDone: () => boolean,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  setWake: (wake: (() => void) | undefined) => void,
): Promise<'done' | 'timeout' | 'aborted'> {
  return new Promise((resolve) => {
    const finish = (outcome: 'done' | 'timeout' | 'aborted'): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      setWake(undefined)
      resolve(outcome)
    }
    const onAbort = (): void => finish('aborted')
    const timer = setTimeout(() => finish(isDone() ? 'done' : 'timeout'), timeoutMs)
    if (signal?.aborted) return finish('aborted')
    if (isDone()) return finish('done')
    signal?.addEventListener('abort', onAbort, { once: true })
    setWake(() => {
      if (isDone()) finish('done')
    })
  })
}
