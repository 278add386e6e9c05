import fs from 'node:fs'
import path from 'node:path'
import type { LogOptions } from '../../../shared/contract'
import { logFileName } from './log-file-name'
import { LogTextFormatter } from './log-text'

/** Longest time received bytes wait in memory before they reach the disk. */
export const LOG_FLUSH_MS = 1000

/**
 * One session's log. Bytes are taken as they arrive from the device (before any display
 * batching) and written at least every second, so a crash or a dropped link loses at most a
 * second and never what was already written. Only what the device sent is logged: passwords
 * typed by the user never reach it.
 */
export class SessionLog {
  private pending: Buffer[] = []
  private readonly timer: ReturnType<typeof setInterval>
  private fd: number | undefined
  private readonly formatter: LogTextFormatter | undefined

  private constructor(
    readonly filePath: string,
    options: LogOptions,
    now: () => Date,
  ) {
    this.fd = fs.openSync(filePath, 'a', 0o600)
    this.formatter = options.mode === 'text' ? new LogTextFormatter(options.timestamps, now) : undefined
    this.timer = setInterval(() => this.flush(), LOG_FLUSH_MS)
    this.timer.unref()
  }

  static start(dir: string, options: LogOptions, profile: string, now: () => Date = () => new Date()): SessionLog {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    const base = logFileName(options.template, profile, now())
    let candidate = path.join(dir, base)
    for (let n = 1; fs.existsSync(candidate); n++) {
      const ext = path.extname(base)
      candidate = path.join(dir, `${base.slice(0, base.length - ext.length)}-${n}${ext}`)
    }
    return new SessionLog(candidate, options, now)
  }

  write(chunk: Uint8Array): void {
    if (this.fd === undefined) return
    if (this.formatter) {
      const text = this.formatter.format(chunk)
      if (text) this.pending.push(Buffer.from(text, 'utf8'))
    } else {
      this.pending.push(Buffer.from(chunk))
    }
  }

  flush(): void {
    if (this.fd === undefined || this.pending.length === 0) return
    const data = Buffer.concat(this.pending)
    this.pending = []
    try {
      fs.writeSync(this.fd, data)
    } catch {
      // A full or vanished disk must not take the session down; the log just stops growing.
    }
  }

  close(): void {
    clearInterval(this.timer)
    this.flush()
    if (this.fd !== undefined) fs.closeSync(this.fd)
    this.fd = undefined
  }
}
