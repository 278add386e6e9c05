import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestClient } from '../../support/clients'
import { directClient, waitForState } from '../../support/clients'
import { testServices } from '../../support/services'
import { startSshd, type Sshd } from '../../support/sshd'
import { startSocatPair, type SocatPair } from '../../support/socat'
import { bundleForOtherUsers, type PortableProgram } from '../../support/portable-bundle'

const CLI = path.resolve('electron/services/practice-router/cli.ts')

/** Answers the SSH questions as a user would: trust the new host key, type the password. */
function answerSshPrompts(client: TestClient, password: string): () => void {
  return client.subscribe('session.prompt', (prompt) => {
    const answer = prompt.kind === 'host-key-new' ? { accept: true } : { answers: prompt.fields.map(() => password) }
    void client.invoke('session.respond', { id: prompt.id, promptId: prompt.promptId, ...answer })
  })
}

/**
 * The practice router is a target for the real transports, not only the in-process session:
 * behind OpenSSH (ForceCommand, --vty) and on the far end of a serial pty pair.
 */
describe('the practice router behind real transports', () => {
  const services = testServices()
  const client = directClient(services)
  let sshd: Sshd
  let pair: SocatPair
  let routerOnLine: ChildProcess
  let router: PortableProgram

  beforeAll(async () => {
    // sshd runs the router as the test account, which cannot read a checkout in a private folder.
    router = await bundleForOtherUsers(CLI)
    sshd = await startSshd({ forceCommand: `${router.command} --vty --seed over-ssh` })
    pair = await startSocatPair()
    routerOnLine = spawn('socat', [`FILE:${pair.b},raw,echo=0`, `EXEC:${router.command} --seed over-serial`], { stdio: 'ignore' })
  }, 120_000)
  afterAll(async () => {
    if (routerOnLine.pid) process.kill(routerOnLine.pid, 'SIGTERM')
    await sshd?.stop()
    await pair?.dispose()
    await router?.dispose()
    services.cleanup()
  })

  it('answers over SSH with password login and a trusted host key', async () => {
    const stop = answerSshPrompts(client, sshd.password)
    const { id } = await client.invoke('session.open', {
      spec: { kind: 'ssh', host: sshd.host, port: sshd.port, username: sshd.user, auth: 'password' },
      cols: 80,
      rows: 24,
    })
    await waitForState(client, id, (s) => s.state === 'open', 20_000)
    // `show version` is longer than IOS's default 24-line screen: paging off first, as the app's
    // router console does (renderer/panes/checklist/router-console.ts).
    const run = await client.invoke('session.exec', { id, lines: ['', 'terminal length 0', 'show version'], timeoutMs: 20_000 })
    expect(run.output).toContain('Cisco IOS Software, C2900 Software')
    expect(run.prompt?.text).toBe('VG-CME-1>')
    const ended = waitForState(client, id, (s) => s.state !== 'open', 10_000)
    await client.invoke('session.write', { id, data: 'exit\r' })
    expect((await ended).reason).toMatch(/Session ended|closed/i)
    stop()
  }, 40_000)

  it('answers over a serial line at 9600 8N1', async () => {
    const { id } = await client.invoke('session.open', { spec: { kind: 'serial', path: pair.a, baudRate: 9600 }, cols: 80, rows: 24 })
    await waitForState(client, id, (s) => s.state === 'open', 20_000)
    const run = await client.invoke('session.exec', { id, lines: ['', 'enable', 'show clock'], timeoutMs: 20_000 })
    expect(run.prompt?.text).toBe('VG-CME-1#')
    expect(run.output).toMatch(/\d\d:\d\d:\d\d\.\d{3} UTC/)
    await client.invoke('session.close', { id })
  }, 40_000)
})
