import os from 'node:os'
import fs from 'node:fs'
import * as pty from 'node-pty'
import type { z } from 'zod'
import type { ShellSpec } from '../../../shared/contract'
import { TransportBase, type TransportContext } from './transport'

/** Output held by a paused transport before the pty itself is paused (see pause()). */
export const HOLD_LIMIT = 256 * 1024

export type ShellSpecParsed = z.output<typeof ShellSpec>

/** The user's own shell: $SHELL on Unix, PowerShell/cmd on Windows, bash as the last resort. */
export function defaultShell(): string {
  if (process.platform === 'win32') return process.env.COMSPEC ?? 'powershell.exe'
  const fromEnv = process.env.SHELL
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv
  return fs.existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh'
}

/**
 * A local shell in a real pseudo-terminal (node-pty, N-API: no Electron rebuild needed).
 *
 * A shell that exits right after printing must not lose its last output. On Linux the kernel keeps
 * that output for the pty's reader after the shell is gone, until the reader gets EIO
 * (scripts/pty-exit-tail.mjs shows it); two things in between close the pty before EIO:
 * - libuv (Node 20, libuv 1.46) takes POLLHUP after a short read for the end of the stream, while
 *   the kernel still holds up to a few KB for the master (libuv/libuv#4992, fixed in libuv by #4997
 *   and #5165): Node then ends and destroys the read stream;
 * - node-pty destroys the read stream 200 ms after the child is reaped unless EIO came first
 *   (lib/unixTerminal.js, DESTROY_SOCKET_TIMEOUT_MS; microsoft/node-pty#72, #85, #726), which is
 *   what happens whenever reading is paused because the window is behind.
 * Both go through the stream's destroy(), so the transport reads what is left just before it
 * (readTailBeforeClose) and hands it on like any other output.
 */
export class LocalShellTransport extends TransportBase {
  readonly title: string
  private proc: pty.IPty | undefined
  private readonly shell: string
  private paused = false
  /** The pty's read handle is stopped (the hold is full): the kernel holds the rest. */
  private readingStopped = false
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
    readTailBeforeClose(proc, (chunk) => this.receive(chunk))
    // node-pty reports the exit once its read stream has closed, so the tail was read before this.
    proc.onExit(({ exitCode, signal }) => {
      setImmediate(() => {
        this.proc = undefined
        this.paused = false
        // Held output goes first: the session logs every byte even while the window is behind.
        for (const chunk of this.held.splice(0)) this.emitData(chunk)
        this.heldBytes = 0
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
   * pty keeps being read; only beyond that is the pty's read handle stopped, so the kernel blocks
   * the writer. If the shell exits meanwhile, what the kernel still holds is read into the hold
   * before the pty closes (readTailBeforeClose), and the hold is delivered before exit is reported.
   */
  pause(): void {
    this.paused = true
  }

  resume(): void {
    this.paused = false
    const held = this.held
    this.held = []
    this.heldBytes = 0
    for (const chunk of held) this.emitData(chunk)
    if (!this.paused && this.readingStopped && this.proc) {
      this.readingStopped = false
      resumeReading(this.proc)
    }
  }

  private receive(chunk: Buffer): void {
    if (!this.paused) {
      this.emitData(chunk)
      return
    }
    this.held.push(chunk)
    this.heldBytes += chunk.length
    if (this.proc && this.heldBytes > HOLD_LIMIT && !this.readingStopped) {
      this.readingStopped = true
      pauseReading(this.proc)
    }
  }

  close(): void {
    if (!this.proc) return
    this.proc.kill()
  }
}

/** At most this much is read at the pty's end: far more than a kernel pty buffer (about 12 KB on Linux). */
const TAIL_LIMIT = 1024 * 1024

interface PtyStream {
  destroy(error?: Error): unknown
}

/**
 * Reads what the kernel still holds for the pty (until EIO, when the terminal's last user has
 * gone) right before node-pty or Node closes the master, and delivers it. node-pty exposes no
 * hook for this: its read stream (_socket) and master fd (_fd) are private, so without them
 * (Windows, another node-pty) this does nothing and node-pty behaves as it always did.
 * A process still holding the terminal (a background job) answers EAGAIN instead of EIO: what
 * it wrote so far is kept, later output goes with the pty, as before.
 */
function readTailBeforeClose(proc: pty.IPty, deliver: (chunk: Buffer) => void): void {
  if (process.platform === 'win32') return
  const internals = proc as unknown as { _socket?: Partial<PtyStream>; _fd?: unknown }
  const stream = internals._socket
  const fd = internals._fd
  if (!stream || typeof stream.destroy !== 'function' || typeof fd !== 'number') return
  const destroy = stream.destroy.bind(stream)
  let read = false
  stream.destroy = (error?: Error) => {
    const tail = read ? [] : readRest(fd)
    read = true
    const result = destroy(error)
    for (const chunk of tail) deliver(chunk)
    return result
  }
}

function readRest(fd: number): Buffer[] {
  const chunks: Buffer[] = []
  let total = 0
  const buffer = Buffer.allocUnsafe(64 * 1024)
  while (total < TAIL_LIMIT) {
    let n: number
    try {
      n = fs.readSync(fd, buffer, 0, buffer.length, null)
    } catch {
      break // EIO: everything was read; EAGAIN: nothing more for now; EBADF: already closed.
    }
    if (n <= 0) break
    chunks.push(Buffer.from(buffer.subarray(0, n)))
    total += n
  }
  return chunks
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
  const socket = (proc as unknown as { _socket?: { _handle?: Partial<ReadHandle> | null } })._socket
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
