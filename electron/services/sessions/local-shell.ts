import os from 'node:os'
import fs from 'node:fs'
import * as pty from 'node-pty'
import type { z } from 'zod'
import type { ShellSpec } from '../../../shared/contract'
import { TransportBase, type TransportContext } from './transport'

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
    proc.onData((chunk: string | Buffer) => {
      this.emitData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)
    })
    proc.onExit(({ exitCode, signal }) => {
      this.stopDeathWatch()
      this.proc = undefined
      const reason = signal ? `Shell ended by signal ${signal}` : `Shell exited with code ${exitCode}`
      this.emitExit({ reason, exitCode, error: false })
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

  pause(): void {
    const proc = this.proc
    if (!proc) return
    proc.pause()
    // node-pty destroys the pty 200 ms after the child exits, discarding output nobody has read
    // yet. While paused, watch for the child's death and drain what it left: a dead process
    // cannot produce more than the kernel's pty buffer, so memory stays bounded.
    this.deathWatch ??= setInterval(() => {
      if (!isAlive(proc.pid)) {
        this.stopDeathWatch()
        proc.resume()
      }
    }, 50)
  }

  resume(): void {
    this.stopDeathWatch()
    this.proc?.resume()
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
