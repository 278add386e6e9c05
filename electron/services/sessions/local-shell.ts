import os from 'node:os'
import fs from 'node:fs'
import * as pty from 'node-pty'
import type { z } from 'zod'
import type { ShellSpec } from '../../../shared/contract'
import { TransportBase, type TransportContext } from './transport'

/** Output held by a paused transport before the pty itself is paused (see pause()). */
const HOLD_LIMIT = 256 * 1024

export type ShellSpecParsed = z.output<typeof ShellSpec>

/** The user's own shell: $SHELL on Unix, PowerShell/cmd on Windows, bash as the last resort. */
export function defaultShell(): string {
  if (process.platform === 'win32') return process.env.COMSPEC ?? 'powershell.exe'
  const fromEnv = process.env.SHELL
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv
  return fs.existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh'
}

/** A local shell in a real pseudo-terminal (node-pty, N-API: no Electron rebuild needed). */
export class LocalShellTransport extends TransportBase {
  readonly title: string
  private proc: pty.IPty | undefined
  private readonly shell: string
  private deathWatch: ReturnType<typeof setInterval> | undefined
  private paused = false
  private held: Buffer[] = []
  private heldBytes = 0

  constructor(private readonly spec: ShellSpecParsed) {
    super()
    this.shell = spec.shell ?? defaultShell()
    this.title = `Local shell (${this.shell.split(/[\\/]/).pop() ?? this.shell})`
  }

  async open(ctx: TransportContext): Promise<void> {
    const cwd = this.spec.cwd ?? os.homedir()
    if (!fs.existsSync(this.shell)) throw new Error(`Shell ${this.shell} does not exist`)
    // encoding: null hands us raw bytes, so the session log keeps exactly what the shell sent.
    const proc = pty.spawn(this.shell, this.spec.args ?? [], {
      name: 'xterm-256color',
      cols: ctx.cols,
      rows: ctx.rows,
      cwd: fs.existsSync(cwd) ? cwd : os.homedir(),
      env: { ...process.env, TERM: 'xterm-256color' } as Record<string, string>,
      encoding: null,
    })
    this.proc = proc
    proc.onData((chunk: string | Buffer) => this.receive(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk))
    proc.onExit(({ exitCode, signal }) => {
      this.stopDeathWatch()
      resumeReading(proc)
      // Data events still queued in the stream run before this; then held output goes first.
      setImmediate(() => {
        this.proc = undefined
        this.paused = false
        for (const chunk of this.held.splice(0)) this.emitData(chunk)
        const reason = signal ? `Shell ended by signal ${signal}` : `Shell exited with code ${exitCode}`
        this.emitExit({ reason, exitCode, error: false })
      })
    })
  }

  write(data: string | Uint8Array): void {
    if (!this.proc) return
    this.proc.write(typeof data === 'string' ? data : Buffer.from(data))
  }

  resize(cols: number, rows: number): void {
    try {
      this.proc?.resize(cols, rows)
    } catch {
      // The pty can close between the resize request and now; nothing to resize then.
    }
  }

  /**
   * Pausing is two-stage. First the transport holds output itself (up to HOLD_LIMIT) while the
   * pty keeps being read; only beyond that is the pty stream paused, so the kernel blocks the
   * writer. The reason: node-pty's stream, once paused, loses what it buffered when the child
   * exits (the read error destroys the stream) — so a short command that finishes while the
   * window is behind would lose its last lines. Held output is flushed before exit is reported.
   */
  pause(): void {
    this.paused = true
  }

  resume(): void {
    this.paused = false
    this.stopDeathWatch()
    const held = this.held
    this.held = []
    this.heldBytes = 0
    for (const chunk of held) this.emitData(chunk)
    if (!this.paused && this.proc) resumeReading(this.proc)
  }

  private receive(chunk: Buffer): void {
    if (!this.paused) {
      this.emitData(chunk)
      return
    }
    this.held.push(chunk)
    this.heldBytes += chunk.length
    const proc = this.proc
    if (proc && this.heldBytes > HOLD_LIMIT && !this.deathWatch) {
      pauseReading(proc)
      // node-pty also destroys the pty 200 ms after the child exits, discarding what nobody has
      // read. While truly paused, watch for the child's death and drain what it left: a dead
      // process cannot produce more than the kernel's pty buffer, so memory stays bounded.
      this.deathWatch = setInterval(() => {
        if (!isAlive(proc.pid)) {
          this.stopDeathWatch()
          resumeReading(proc)
        }
      }, 50)
    }
  }

  private stopDeathWatch(): void {
    if (this.deathWatch) clearInterval(this.deathWatch)
    this.deathWatch = undefined
  }

  close(): void {
    if (!this.proc) return
    this.proc.kill()
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

interface ReadHandle {
  readStop(): number
  readStart(): number
}

/**
 * The pty's read handle, when node-pty exposes it. Pausing node-pty's stream the ordinary way
 * keeps reading into the stream's buffer until it is full, and when the child then exits the
 * read error destroys the stream with that buffer in it: the last kilobytes of output are lost.
 * Stopping the read handle itself leaves unread output in the kernel, where it waits.
 */
function readHandleOf(proc: pty.IPty): ReadHandle | undefined {
  const socket = (proc as unknown as { _socket?: { _handle?: Partial<ReadHandle> } })._socket
  const handle = socket?._handle
  return handle && typeof handle.readStop === 'function' && typeof handle.readStart === 'function' ? (handle as ReadHandle) : undefined
}

function pauseReading(proc: pty.IPty): void {
  const handle = readHandleOf(proc)
  if (handle) handle.readStop()
  else proc.pause()
}

function resumeReading(proc: pty.IPty): void {
  const handle = readHandleOf(proc)
  if (handle) handle.readStart()
  else proc.resume()
}
