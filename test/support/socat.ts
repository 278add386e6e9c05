import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stopChild } from './stop-child'

/**
 * A pair of connected pseudo-terminals made by socat: what one end writes, the other reads.
 * Stands in for "USB console adapter ↔ router console port". stop() then restart() keeps the
 * same link paths, which is how the tests unplug and replug the cable.
 */
export interface SocatPair {
  /** Symlink to the first pty (the "laptop" end). */
  readonly a: string
  /** Symlink to the second pty (the "router" end). */
  readonly b: string
  readonly dir: string
  /** PID of the socat process now running, undefined while stopped. */
  readonly pid: number | undefined
  /** Kills socat (by its PID) and waits for it to exit; the links disappear. */
  stop(): Promise<void>
  /** Starts socat again on the same link paths. */
  restart(): Promise<void>
  /** stop() and remove the temporary directory. */
  dispose(): Promise<void>
}

const STARTUP_TIMEOUT_MS = 5000

function waitForLinks(child: ChildProcess, paths: readonly string[], log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const onExit = (code: number | null): void => {
      clearInterval(timer)
      reject(new Error(`socat exited (code ${code}) before its ptys were ready:\n${log()}`))
    }
    const timer = setInterval(() => {
      if (paths.every((p) => existsSync(p))) {
        clearInterval(timer)
        child.off('exit', onExit)
        resolve()
      } else if (Date.now() - started > STARTUP_TIMEOUT_MS) {
        clearInterval(timer)
        child.off('exit', onExit)
        reject(new Error(`socat did not create ${paths.join(' and ')} within ${STARTUP_TIMEOUT_MS} ms:\n${log()}`))
      }
    }, 20)
    child.once('exit', onExit)
  })
}

export async function startSocatPair(dir: string = mkdtempSync(join(tmpdir(), 'lab-socat-'))): Promise<SocatPair> {
  const a = join(dir, 'a')
  const b = join(dir, 'b')
  let child: ChildProcess | undefined
  let stderr = ''

  const start = async (): Promise<void> => {
    stderr = ''
    // A socat killed hard leaves its links behind; socat will not replace them.
    rmSync(a, { force: true })
    rmSync(b, { force: true })
    const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    proc.stderr?.setEncoding('utf8')
    proc.stderr?.on('data', (text: string) => {
      // Only the startup lines matter for diagnostics; keep the buffer small.
      if (stderr.length < 8192) stderr += text
    })
    child = proc
    await waitForLinks(proc, [a, b], () => stderr)
  }

  const stop = async (): Promise<void> => {
    const current = child
    child = undefined
    if (current) await stopChild(current)
  }

  await start()
  return {
    a,
    b,
    dir,
    get pid() {
      return child?.pid
    },
    stop,
    async restart() {
      await stop()
      await start()
    },
    async dispose() {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
