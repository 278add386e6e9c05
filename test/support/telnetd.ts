import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stopChild } from './stop-child'

/** Debian's inetutils-telnetd (apt-get install inetutils-telnetd). */
export const TELNETD = '/usr/sbin/telnetd'

export interface Telnetd {
  readonly host: string
  readonly port: number
  readonly pid: number
  stop(): Promise<void>
}

/** The IOS-like responder the SSH tests use, as what telnetd runs on its pty (a console server line). */
export const IOS_RESPONDER_COMMAND = `exec ${process.execPath} ${fileURLToPath(new URL('./ios-responder.mjs', import.meta.url))}`

/**
 * A real telnet server on 127.0.0.1: socat accepts each connection and execs inetutils-telnetd
 * on the socket (`nofork`), as inetd would. telnetd negotiates the options itself and, instead
 * of /bin/login, runs a plain shell on its pty, so the window size (NAWS) and TERM (TTYPE) it
 * applied can be read back with `stty size` and `echo $TERM`.
 */
export async function startTelnetd(options: { readonly command?: string } = {}): Promise<Telnetd> {
  if (!fs.existsSync(TELNETD)) throw new Error(`${TELNETD} not found: apt-get install inetutils-telnetd`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-telnetd-'))
  fs.chmodSync(dir, 0o755)
  const login = path.join(dir, 'login.sh')
  // A known prompt, and no rc files: what the tests wait for must not depend on the machine.
  const command = options.command ?? 'export PS1="telnet-lab$ "\nexec /bin/sh -i'
  fs.writeFileSync(login, `#!/bin/sh\n${command}\n`, { mode: 0o755 })
  const child = spawn('socat', ['-d', '-d', 'TCP-LISTEN:0,bind=127.0.0.1,reuseaddr,fork', `SYSTEM:${TELNETD} -h -E ${login},nofork`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socat did not start listening:\n${stderr}`)), 10_000)
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (text: string) => {
      if (stderr.length < 16_384) stderr += text
      const match = /listening on AF=2 127\.0\.0\.1:(\d+)/.exec(stderr)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`socat exited with ${code}:\n${stderr}`))
    })
  })
  return {
    host: '127.0.0.1',
    port,
    pid: child.pid ?? 0,
    async stop() {
      await stopChild(child)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
