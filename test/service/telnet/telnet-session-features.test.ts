import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { directClient, waitForState } from '../../support/clients'
import { testServices } from '../../support/services'
import { IOS_RESPONDER_COMMAND, startTelnetd, type Telnetd } from '../../support/telnetd'

/**
 * A console-server port as the rest of the app sees it: the IOS-like responder the SSH tests use,
 * run by a real telnetd on its pty. The checklist's exec, prompt tracking, paced sending, BREAK
 * and the log work through the contract exactly as on serial and SSH sessions.
 */
describe('telnet sessions through the contract: exec, prompt, paced send, BREAK, log', () => {
  let telnetd: Telnetd
  const services = testServices()
  const client = directClient(services)
  let id = ''

  beforeAll(async () => {
    telnetd = await startTelnetd({ command: IOS_RESPONDER_COMMAND })
    const opened = await client.invoke('session.open', {
      spec: { kind: 'telnet', host: telnetd.host, port: telnetd.port },
      cols: 100,
      rows: 30,
      options: { profileName: 'cs1 line 2', log: { enabled: true, mode: 'text', timestamps: false, template: '{profile}.log' } },
    })
    id = opened.id
    await waitForState(client, id, (s) => s.state === 'open', 15_000)
  })
  afterAll(async () => {
    await client.close()
    services.cleanup()
    await telnetd?.stop()
  })

  it('runs checklist lines and stops at the router prompt', async () => {
    // Generous: the responder is a Node process started per connection by telnetd.
    await expect.poll(async () => (await client.invoke('session.tail', { id })).prompt?.text, { timeout: 15_000 }).toBe('Router>')
    const version = await client.invoke('session.exec', { id, lines: ['show version'], timeoutMs: 15_000, secret: false, paste: false })
    expect(version.output).toContain('Cisco IOS XE Software, Version 17.09.04a')
    expect(version.prompt).toMatchObject({ kind: 'user-exec', text: 'Router>' })
    const enable = await client.invoke('session.exec', { id, lines: ['enable'], timeoutMs: 15_000, secret: false, paste: false })
    expect(enable.prompt).toMatchObject({ kind: 'privileged', text: 'Router#' })
    const terminal = await client.invoke('session.exec', { id, lines: ['show terminal'], timeoutMs: 15_000, secret: false, paste: false })
    // TTYPE and NAWS reached the far end.
    expect(terminal.output).toContain('Type: "xterm-256color"')
    expect(terminal.output).toContain('Length: 30 lines, Width: 100 columns')
  })

  it('sends a paste paced on the echo, in 64-byte pieces for a long line', async () => {
    const long = `show ${'x'.repeat(150)}`
    const summary = await client.invoke('session.pacedSend', {
      id,
      text: `show version\n${long}\n`,
      options: { charDelayMs: 0, lineDelayMs: 0, waitFor: 'echo', timeoutMs: 10_000, bufferSize: 64 },
    })
    expect(summary).toMatchObject({ lines: 2, linesSent: 2 })
  })

  it('sends BREAK as the telnet BREAK command on a plain console-server port', async () => {
    await expect(client.invoke('session.break', { id, ms: 100 })).resolves.toBeNull()
  })

  it('logs what the console server sent', async () => {
    const info = (await client.invoke('session.list', null)).find((s) => s.id === id)
    expect(info?.logPath).toMatch(/cs1_line_2\.log$/)
    await expect.poll(() => fs.readFileSync(info?.logPath ?? '', 'utf8'), { timeout: 10_000 }).toContain('Router#')
  })
})
