import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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

  it('never overwrites an earlier log of the same name', () => {
    const options = { enabled: true, mode: 'text' as const, timestamps: false, template: 'same.log' }
    const a = SessionLog.start(dir, options, 'x')
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

  // The shell lingers 0.3 s before its kill: node-pty on Linux can lose a child's last output when
  // the child dies in the same instant it writes, before any reader (ours included) sees it.
  it('keeps everything the shell printed when it dies abruptly, and reports the log path', async () => {
    const client = directClient(services)
    const { id } = await client.invoke('session.open', {
      spec: { kind: 'shell', shell: '/bin/sh', args: ['-c', 'seq 1 3000; echo LAST-LINE; sleep 0.3; kill -9 $$'] },
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
})
