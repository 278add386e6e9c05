import type { ChildProcess } from 'node:child_process'

/** Ends a child we started, by its PID, and waits for it (SIGKILL if SIGTERM is not enough). */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve()
  const pid = child.pid
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }, 3000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    process.kill(pid, 'SIGTERM')
  })
}
