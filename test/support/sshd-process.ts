/** Small process helpers for the sshd test support: run a tool, find a port, walk /proc. */
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { createServer } from 'node:net'

export function run(file: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stderr}`))
      else resolve(stdout)
    })
    if (input !== undefined) child.stdin?.end(input)
  })
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** "SHA256:…" exactly as `ssh-keygen -lf` prints it, the independent reference for fingerprints. */
export async function keyFingerprint(publicKeyPath: string): Promise<string> {
  const line = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyPath])
  const match = /\b(SHA256:[A-Za-z0-9+/]+)/.exec(line)
  if (!match?.[1]) throw new Error(`unexpected ssh-keygen output: ${line}`)
  return match[1]
}

/** Every process below `root`, deepest first, read from /proc. */
export async function descendantsOf(root: number): Promise<number[]> {
  const parents = new Map<number, number>()
  for (const entry of await readdir('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8')
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parents.set(Number(entry), Number(after[1]))
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = []
  const walk = (pid: number): void => {
    for (const [child, parent] of parents) {
      if (parent === pid) {
        walk(child)
        found.push(child)
      }
    }
  }
  walk(root)
  return found
}
