import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface HostProcess {
  /** The printed URL: http://127.0.0.1:PORT/#token=… */
  readonly url: string
  /** The app's URL with a query (e.g. "?renderer=dom"), the token still in the fragment. */
  urlWith(query: string): string
  readonly port: number
  readonly token: string
  readonly userDataDir: string
  readonly output: () => string
  stop(): Promise<void>
}

/** Starts the built browser host exactly as `npm run serve` does, and reads its one-line banner. */
export async function startHostProcess(options: { userDataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<HostProcess> {
  const entry = path.resolve('out/main/serve.js')
  if (!fs.existsSync(entry)) throw new Error('out/main/serve.js is missing: run npm run build before the browser tests')
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lab-host-'))
  const child: ChildProcess = spawn(process.execPath, [entry, '--port', '0', '--user-data', userDataDir], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not print its URL:\n${output}`)), 15_000)
    const check = (): void => {
      const match = output.match(/^Lab Console at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)))
  })
  const parsed = new URL(url)
  return {
    url,
    urlWith: (query) => `${parsed.origin}/${query}${parsed.hash}`,
    port: Number(parsed.port),
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    userDataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        if (child.pid) process.kill(child.pid, 'SIGTERM')
      }),
  }
}
