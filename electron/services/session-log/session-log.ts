import fs from 'node:fs'
import path from 'node:path'
import type { LogOptions } from '../../../shared/contract'
import { logFileName } from './log-file-name'
import { LogTextFormatter } from './log-text'

/** Longest time received bytes wait in memory before they reach the disk. */
export const LOG_FLUSH_MS = 1000

export interface SessionLogStart {
  /** Append to this file in `dir` instead of naming one from the template (a reconnect, a chosen name). */
  readonly appendTo?: string | undefined
  /** Told once when the log stops on its own (disk full, write error); nothing is written after. */
  readonly onError?: (message: string) => void
  readonly now?: () => Date
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an I/O error',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'the log folder is gone',
  EFBIG: 'the file is too large',
}

function describeWriteError(err: unknown, filePath: string): string {
  const code = (err as NodeJS.ErrnoException).code
  const why = (code && REASONS[code]) ?? (err as Error).message
  return `Log stopped: ${why}${code ? ` (${code})` : ''} writing ${filePath}. The session goes on without a log.`
}

/** Names taken by logs of this process that have not written their first byte yet. */
const reserved = new Set<string>()

/**
 * One session's log. Bytes are taken as they arrive from the device (before any display
 * batching) and written at least every second, so a crash or a dropped link loses at most a
 * second and never what was already written. Only what the device sent is logged: passwords
 * typed by the user never reach it. The file is created with the first byte, so a connection
 * that fails before the device says anything leaves no empty file behind. A write that fails
 * (disk full, disk gone) stops the log and says so once through onError; the session goes on.
 */
export class SessionLog {
  private pending: Buffer[] = []
  private readonly timer: ReturnType<typeof setInterval>
  private fd: number | undefined
  private stopped = false
  private readonly formatter: LogTextFormatter | undefined

  private constructor(
    readonly filePath: string,
    options: Pick<LogOptions, 'mode' | 'timestamps'>,
    private readonly start: SessionLogStart,
  ) {
    this.formatter = options.mode === 'text' ? new LogTextFormatter(options.timestamps, start.now) : undefined
    this.timer = setInterval(() => this.flush(), LOG_FLUSH_MS)
    this.timer.unref()
  }

  static start(
    dir: string,
    options: Pick<LogOptions, 'mode' | 'timestamps' | 'template'> & Partial<LogOptions>,
    profile: string,
    start: SessionLogStart = {},
  ): SessionLog {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    if (start.appendTo !== undefined) {
      const name = path.basename(start.appendTo)
      if (name !== start.appendTo || name === '.' || name === '..') throw new Error(`"${start.appendTo}" is not a file name`)
      return new SessionLog(path.join(dir, name), options, start)
    }
    const base = logFileName(options.template, profile, (start.now ?? (() => new Date()))())
    let candidate = path.join(dir, base)
    for (let n = 1; fs.existsSync(candidate) || reserved.has(candidate); n++) {
      const ext = path.extname(base)
      candidate = path.join(dir, `${base.slice(0, base.length - ext.length)}-${n}${ext}`)
    }
    reserved.add(candidate)
    return new SessionLog(candidate, options, start)
  }

  /** False once the log stopped on an error or was closed. */
  get writing(): boolean {
    return !this.stopped
  }

  write(chunk: Uint8Array): void {
    if (this.stopped) return
    if (this.formatter) {
      const text = this.formatter.format(chunk)
      if (text) this.pending.push(Buffer.from(text, 'utf8'))
    } else {
      this.pending.push(Buffer.from(chunk))
    }
  }

  flush(): void {
    if (this.stopped || this.pending.length === 0) return
    const data = Buffer.concat(this.pending)
    this.pending = []
    try {
      this.fd ??= fs.openSync(this.filePath, 'a', 0o600)
      reserved.delete(this.filePath)
      let written = 0
      while (written < data.length) written += fs.writeSync(this.fd, data, written, data.length - written)
    } catch (err) {
      this.fail(err)
    }
  }

  close(): void {
    if (this.stopped) return
    this.flush()
    this.finish()
  }

  private fail(err: unknown): void {
    this.finish()
    this.start.onError?.(describeWriteError(err, this.filePath))
  }

  private finish(): void {
    this.stopped = true
    this.pending = []
    clearInterval(this.timer)
    reserved.delete(this.filePath)
    if (this.fd !== undefined) {
      try {
        fs.closeSync(this.fd)
      } catch {
        // Closing a file on a vanished disk can fail too; there is nothing left to save.
      }
    }
    this.fd = undefined
  }
}
