import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stopChild } from './stop-child'

/** pyserial's example server as Debian ships it (apt-get install python3-serial). */
export const RFC2217_EXAMPLE = '/usr/share/doc/python3-serial/examples/rfc2217_server.py'
/** Debian's Python, which has python3-serial; a pyenv python3 on PATH would not. */
const PYTHON = '/usr/bin/python3'
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rfc2217-server.py')

export interface Rfc2217Server {
  readonly host: string
  readonly port: number
  readonly pid: number
  /** What the server logged: "set baud rate: 19200", "changed BREAK to active". */
  readonly log: () => string
  stop(): Promise<void>
}

/** Serves `serialPath` (one end of a socat pty pair) over RFC 2217 on 127.0.0.1. */
export async function startRfc2217Server(serialPath: string): Promise<Rfc2217Server> {
  if (!fs.existsSync(RFC2217_EXAMPLE)) throw new Error(`${RFC2217_EXAMPLE} not found: apt-get install python3-serial`)
  const child = spawn(PYTHON, [SCRIPT, serialPath], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (text: string) => {
    // Modem-state notices repeat; a bounded log keeps what the tests look for.
    if (log.length < 256 * 1024) log += text
  })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`RFC 2217 server did not start:\n${out}\n${log}`)), 15_000)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (text: string) => {
      out += text
      const match = /listening on (\d+)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`RFC 2217 server exited with ${code}:\n${out}\n${log}`))
    })
  })
  return { host: '127.0.0.1', port, pid: child.pid ?? 0, log: () => log, stop: () => stopChild(child) }
}
