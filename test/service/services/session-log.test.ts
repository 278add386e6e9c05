import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import net from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { logFileName } from '../../../electron/services/session-log/log-file-name'
import { LogTextFormatter } from '../../../electron/services/session-log/log-text'
import { LOG_FLUSH_MS, SessionLog } from '../../../electron/services/session-log/session-log'
import { directClient, waitForState } from '../../support/clients'
import { testServices } from '../../support/services'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('log file names', () => {
  it('fills the template with the profile, local date and time', () => {
    const now = new Date(2026, 10, 27, 9, 5, 7)
    expect(logFileName('{profile}_{date}_{time}.log', 'Branch 12 / core', now)).toBe('Branch_12_core_2026-11-27_09-05-07.log')
    expect(logFileName('{profile}.log', '../../etc', now)).toBe('etc.log')
  })
})

describe('text logs', () => {
  it('strips ANSI escapes even when one is cut between two reads, and turns CR LF into LF', () => {
    const f = new LogTextFormatter(false)
    const out = f.format(enc('\x1b[1mVG-CME-1#\x1b[')) + f.format(enc('0m show run\r\nok\r\n'))
    expect(out).toBe('VG-CME-1# show run\nok\n')
  })

  it('stamps each line once, across reads', () => {
    const f = new LogTextFormatter(true, () => new Date('2026-11-27T09:00:00.000Z'))
    expect(f.format(enc('a\r\nb')) + f.format(enc('c\r\n'))).toBe('[2026-11-27T09:00:00.000Z] a\n[2026-11-27T09:00:00.000Z] bc\n')
  })
})

describe('SessionLog', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-logs-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('writes raw bytes exactly and reaches the disk within a second without closing', async () => {
    const log = SessionLog.start(dir, { enabled: true, mode: 'raw', timestamps: false, template: 'raw_{date}.log' }, 'r')
    const bytes = new Uint8Array([0, 1, 2, 0xff, 0x1b, 0x5b, 0x41, 0x0d, 0x0a])
    log.write(bytes)
    await new Promise((r) => setTimeout(r, LOG_FLUSH_MS + 300))
    expect(new Uint8Array(fs.readFileSync(log.filePath))).toEqual(bytes)
    log.close()
  })

  it('creates no file until the device has said something', () => {
    const log = SessionLog.start(dir, { mode: 'text', timestamps: false, template: 'quiet.log' }, 'q')
    log.close()
    expect(fs.existsSync(log.filePath)).toBe(false)
  })

  it('appends to a named file instead of starting a new one', () => {
    const options = { mode: 'raw' as const, timestamps: false, template: 'unused.log' }
    for (const part of ['first\n', 'second\n']) {
      const log = SessionLog.start(dir, options, 'a', { appendTo: 'kept.log' })
      log.write(enc(part))
      log.close()
    }
    expect(fs.readFileSync(path.join(dir, 'kept.log'), 'utf8')).toBe('first\nsecond\n')
    expect(() => SessionLog.start(dir, options, 'a', { appendTo: '../escape.log' })).toThrow(/not a file name/)
  })

  it('stops once with a reason when the disk is full (/dev/full)', () => {
    fs.symlinkSync('/dev/full', path.join(dir, 'full.log'))
    const errors: string[] = []
    const log = SessionLog.start(dir, { mode: 'raw', timestamps: false, template: 'x' }, 'f', {
      appendTo: 'full.log',
      onError: (m) => errors.push(m),
    })
    log.write(enc('a'))
    log.flush()
    log.write(enc('b'))
    log.flush()
    log.close()
    expect(errors).toEqual([
      `Log stopped: the disk is full (ENOSPC) writing ${path.join(dir, 'full.log')}. The session goes on without a log.`,
    ])
    expect(log.writing).toBe(false)
  })

  it('never overwrites an earlier log of the same name', () => {
    const options = { enabled: true, mode: 'text' as const, timestamps: false, template: 'same.log' }
    const a = SessionLog.start(dir, options, 'x')
    // a has not written yet: its name is still taken.
    const b = SessionLog.start(dir, options, 'x')
    expect(path.basename(a.filePath)).toBe('same.log')
    expect(path.basename(b.filePath)).toBe('same-1.log')
    a.close()
    b.close()
  })
})

describe('session logs through the contract', () => {
  const services = testServices()
  afterAll(() => services.cleanup())

  // The shell is killed the instant it has written: the kernel still holds its last output for
  // the pty's reader, and the transport reads it before the pty closes (local-shell.ts).
  it('keeps everything the shell printed when it dies abruptly, and reports the log path', async () => {
    const client = directClient(services)
    const { id } = await client.invoke('session.open', {
      spec: { kind: 'shell', shell: '/bin/sh', args: ['-c', 'seq 1 3000; echo LAST-LINE; kill -9 $$'] },
      cols: 80,
      rows: 24,
      options: { profileName: 'edge router', log: { enabled: true, mode: 'text', timestamps: false, template: '{profile}.log' } },
    })
    const info = await waitForState(client, id, (s) => s.state === 'closed' || s.state === 'error')
    expect(info.logPath).toBe(path.join(services.userDataDir, 'logs', 'edge_router.log'))
    const text = fs.readFileSync(info.logPath ?? '', 'utf8')
    expect(text.split('\n').filter((l) => /^\d+$/.test(l))).toHaveLength(3000)
    expect(text).toContain('LAST-LINE\n')
    expect(text).not.toContain('\r')
  })

  const TICKER = { kind: 'shell' as const, shell: '/bin/sh', args: ['-c', 'n=0; while :; do n=$((n+1)); echo tick-$n; sleep 0.05; done'] }

  it('starts and stops a log on a running session, and appends when started again on the same file', async () => {
    const client = directClient(services)
    const { id } = await client.invoke('session.open', { spec: TICKER, cols: 80, rows: 24 })
    await waitForState(client, id, (s) => s.state === 'open')
    const { path: logPath } = await client.invoke('session.logStart', { id, fileName: 'chosen.log', mode: 'text', timestamps: false })
    expect(logPath).toBe(path.join(services.userDataDir, 'logs', 'chosen.log'))
    const infoOf = async () => (await client.invoke('session.list', null)).find((s) => s.id === id)
    expect((await infoOf())?.logPath).toBe(logPath)
    // Flushed every second: wait until ticks are on disk.
    await expect.poll(() => (fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8') : ''), { timeout: 10_000 }).toMatch(/tick-\d+\n/)
    await client.invoke('session.logStop', { id })
    expect((await infoOf())?.logPath).toBeUndefined()
    const stopped = fs.readFileSync(logPath, 'utf8')
    await new Promise((r) => setTimeout(r, LOG_FLUSH_MS + 300))
    expect(fs.readFileSync(logPath, 'utf8')).toBe(stopped)

    await client.invoke('session.logStart', { id, fileName: 'chosen.log', mode: 'text', timestamps: false })
    await expect.poll(() => fs.readFileSync(logPath, 'utf8').length, { timeout: 10_000 }).toBeGreaterThan(stopped.length)
    expect(fs.readFileSync(logPath, 'utf8').startsWith(stopped)).toBe(true)
    await client.invoke('session.close', { id })
  })

  it('leaves no log file behind when the connection fails', async () => {
    const client = directClient(services)
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as net.AddressInfo).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const before = fs.existsSync(path.join(services.userDataDir, 'logs')) ? fs.readdirSync(path.join(services.userDataDir, 'logs')) : []
    const { id } = await client.invoke('session.open', {
      spec: { kind: 'telnet', host: '127.0.0.1', port },
      cols: 80,
      rows: 24,
      options: { profileName: 'refused', log: { enabled: true, mode: 'text', timestamps: false, template: '{profile}.log' } },
    })
    const info = await waitForState(client, id, (s) => s.state === 'error')
    expect(info.reason).toMatch(/refused the connection/)
    expect(fs.readdirSync(path.join(services.userDataDir, 'logs'))).toEqual(before)
  })

  it('stops the log with a notice and says so in the session state when the disk is full (/dev/full)', async () => {
    const client = directClient(services)
    const notices: string[] = []
    const stop = client.subscribe('app.notice', ({ message }) => notices.push(message))
    fs.mkdirSync(path.join(services.userDataDir, 'logs'), { recursive: true })
    fs.symlinkSync('/dev/full', path.join(services.userDataDir, 'logs', 'on-full-disk.log'))
    const { id } = await client.invoke('session.open', { spec: TICKER, cols: 80, rows: 24 })
    await waitForState(client, id, (s) => s.state === 'open')
    await client.invoke('session.logStart', { id, fileName: 'on-full-disk.log', mode: 'raw', timestamps: false })
    const info = await waitForState(client, id, (s) => s.logError !== undefined, 10_000)
    expect(info.logError).toMatch(/^Log stopped: the disk is full \(ENOSPC\)/)
    expect(info.logPath).toBeUndefined()
    expect(info.state).toBe('open')
    expect(notices.some((n) => n.includes('Log stopped: the disk is full'))).toBe(true)
    stop()
    await client.invoke('session.close', { id })
  })

  // A real small disk: a 64 KiB tmpfs mounted for this test. Mounting needs root (CI runs as
  // root); where it is refused (an unprivileged run, a container without CAP_SYS_ADMIN) the
  // /dev/full test above still covers the behaviour.
  const canMount = ((): boolean => {
    if (process.getuid?.() !== 0) return false
    const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-mount-probe-'))
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' })
      execFileSync('umount', [probe], { stdio: 'ignore' })
      return true
    } catch {
      return false
    } finally {
      fs.rmSync(probe, { recursive: true, force: true })
    }
  })()
  it.skipIf(!canMount)('stops the log when a real tmpfs fills up, keeping what was written', async () => {
    const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-tinydisk-'))
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', mountPoint])
    const small = testServices()
    try {
      fs.rmSync(path.join(small.userDataDir, 'logs'), { recursive: true, force: true })
      fs.symlinkSync(mountPoint, path.join(small.userDataDir, 'logs'))
      const client = directClient(small)
      const flood = { kind: 'shell' as const, shell: '/bin/sh', args: ['-c', 'while :; do seq 1 2000; sleep 0.05; done'] }
      const { id } = await client.invoke('session.open', { spec: flood, cols: 80, rows: 24 })
      await waitForState(client, id, (s) => s.state === 'open')
      await client.invoke('session.logStart', { id, fileName: 'tiny.log', mode: 'raw', timestamps: false })
      // The flood outruns 64 KiB within a few flushes; generous for a loaded machine.
      const info = await waitForState(client, id, (s) => s.logError !== undefined, 30_000)
      expect(info.logError).toMatch(/disk is full \(ENOSPC\)/)
      expect(fs.statSync(path.join(mountPoint, 'tiny.log')).size).toBeGreaterThan(0)
      await client.invoke('session.close', { id })
    } finally {
      small.cleanup()
      execFileSync('umount', [mountPoint])
      fs.rmSync(mountPoint, { recursive: true, force: true })
    }
  })
})
