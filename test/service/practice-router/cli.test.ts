import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as pty from 'node-pty'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { waitForOutput } from '../../support/wait-for-output'

/** The practice router as a command: over a pipe, with a saved lab, behind a slow console line, on a pty. */

const ROOT = join(import.meta.dirname, '../../..')
const CLI = 'electron/services/practice-router/cli.ts'
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

class CliRun {
  readonly child: ChildProcessWithoutNullStreams
  output = ''
  readonly exited: Promise<number | null>

  constructor(args: string[]) {
    this.child = spawn('npx', ['tsx', CLI, ...args], { cwd: ROOT, stdio: 'pipe' })
    this.child.stdout.setEncoding('latin1')
    this.child.stdout.on('data', (chunk: string) => {
      this.output += chunk
    })
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)))
  }

  write(text: string): void {
    this.child.stdin.write(text)
  }

  waitFor(pattern: string | RegExp, from = 0, timeoutMs = 15_000): Promise<void> {
    return waitForOutput(() => this.output, pattern, { from, timeoutMs })
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.pid) process.kill(this.child.pid, 'SIGTERM')
  }
}

describe('practice router CLI', () => {
  const runs: CliRun[] = []
  const start = (args: string[]): CliRun => {
    const run = new CliRun(args)
    runs.push(run)
    return run
  }
  const dir = mkdtempSync(join(tmpdir(), 'practice-router-cli-'))
  afterEach(() => {
    for (const run of runs.splice(0)) run.kill()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('runs over a pipe, treating newline as Enter, and exits at end of input', async () => {
    const run = start(['--seed', 'cli', '--ntp-delay', '100'])
    await run.waitFor('VG-CME-1>')
    expect(run.output).toContain('simulated')
    run.write('enable\nconf t\nntp server 10.10.10.5\nend\nshow ntp status\n')
    await run.waitFor('VG-CME-1#show ntp status\r\nClock is unsynchronized')
    await sleep(200)
    const from = run.output.length
    run.write('show ntp status\n')
    await run.waitFor('Clock is synchronized, stratum 3, reference is 10.10.10.5', from)
    run.child.stdin.end()
    expect(await run.exited).toBe(0)
  })

  it('pauses long output at --More-- by default, and not with --terminal-length 0', async () => {
    const paged = start(['--seed', 'cli-paging'])
    await paged.waitFor('VG-CME-1>')
    paged.write('show version\n')
    await paged.waitFor(' --More-- ')
    paged.write(' ')
    await paged.waitFor('Configuration register is 0x2102\r\n')
    const whole = start(['--seed', 'cli-paging', '--terminal-length', '0'])
    await whole.waitFor('VG-CME-1>')
    whole.write('show version\n')
    await whole.waitFor(/Configuration register is 0x2102\r\n\r\nVG-CME-1>$/)
    expect(whole.output).not.toContain('--More--')
  })

  it('ends the session on exit with --vty, as an SSH line does', async () => {
    const run = start(['--seed', 'cli-vty', '--vty'])
    await run.waitFor('VG-CME-1>')
    run.write('enable\nexit\n')
    expect(await run.exited).toBe(0)
    expect(run.output).toContain('VG-CME-1#exit\r\n')
    expect(run.output).not.toContain('Press RETURN')
  })

  it('saves the lab to --state and loads it on the next start', async () => {
    const labDir = mkdtempSync(join(dir, 'lab-'))
    const file = join(labDir, 'lab.json')
    const first = start(['--seed', 'cli-state', '--state', file])
    await first.waitFor('VG-CME-1>')
    first.write('enable\nconfigure terminal\nhostname LAB9\nend\n')
    await first.waitFor('LAB9#')
    first.child.stdin.end()
    expect(await first.exited).toBe(0)
    expect(existsSync(file)).toBe(true)
    expect((JSON.parse(readFileSync(file, 'utf8')) as { hostname: string }).hostname).toBe('LAB9')
    // Saved through the app's writeFileAtomic: user-only (the lab holds practice private keys),
    // and no temp file left beside it.
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readdirSync(labDir)).toEqual(['lab.json'])
    const second = start(['--state', file])
    await second.waitFor('LAB9>')
    second.write('enable\nshow running-config\n')
    await second.waitFor('hostname LAB9')
    second.child.stdin.end()
    expect(await second.exited).toBe(0)
  })

  it('drops what overflows a slow console line, and loses nothing when the sender is paced', async () => {
    const run = start(['--seed', 'cli-line', '--line-rate', '9600', '--input-buffer', '64'])
    await run.waitFor('VG-CME-1>')
    const text = '0123456789'.repeat(15)
    const burstFrom = run.output.length
    run.write(text)
    const kept = text.slice(0, 64)
    await run.waitFor(kept, burstFrom, 5000)
    await sleep(150)
    expect(run.output.slice(burstFrom)).toBe(kept)
    // Erase the line (Ctrl-U), then send the same text 10 characters at a time, slower than 960 chars/s.
    run.write('\x15')
    await sleep(150)
    const pacedFrom = run.output.length
    for (let i = 0; i < text.length; i += 10) {
      run.write(text.slice(i, i + 10))
      await sleep(25)
    }
    await run.waitFor(text, pacedFrom, 3000)
    run.child.stdin.end()
    expect(await run.exited).toBe(0)
  })

  it('runs on a terminal in raw mode: one echo per key, Ctrl-] quits', async () => {
    const term = pty.spawn('npx', ['tsx', CLI, '--seed', 'cli-pty'], { cwd: ROOT, cols: 100, rows: 30, env: process.env })
    let output = ''
    term.onData((data) => {
      output += data
    })
    const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)))
    try {
      const deadline = Date.now() + 15_000
      while (!output.includes('VG-CME-1>') && Date.now() < deadline) await sleep(10)
      term.write('enable\r')
      while (!output.includes('VG-CME-1#') && Date.now() < deadline) await sleep(10)
      expect(output).toContain('VG-CME-1>enable\r\nVG-CME-1#')
      expect(output).not.toContain('enableenable')
      term.write('\x1d')
      expect(await exited).toBe(0)
    } finally {
      if (term.pid) {
        try {
          process.kill(term.pid, 'SIGTERM')
        } catch {
          // already gone
        }
      }
    }
  })
})
