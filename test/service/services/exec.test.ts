import { afterAll, describe, expect, it } from 'vitest'
import { directClient, waitForState } from '../../support/clients'
import { testServices } from '../../support/services'
import { FakeDevice } from '../../support/fake-device'

/**
 * A device whose output arrives late: the prompt of an earlier Enter shows up just after the
 * next command is typed, before that command's echo — what a slow console or a cold-starting
 * router does. exec must not take that stale prompt as the answer to the new command.
 */
class LaggingRouter extends FakeDevice {
  readonly title = 'lagging router'
  private readonly enc = new TextEncoder()
  async open(): Promise<void> {
    setTimeout(() => this.say('\r\nR1>'), 5)
  }
  override write(data: string | Uint8Array): void {
    const line = String(data).replace(/\r$/, '')
    if (line === 'show version') {
      this.say('\r\nR1>')
      setTimeout(() => this.say('show version\r\nCisco IOS Software, lagging edition\r\nR1>'), 40)
    }
  }
  private say(text: string): void {
    this.emitData(this.enc.encode(text))
  }
}

describe('session.exec', () => {
  const services = testServices({ transports: { shell: () => new LaggingRouter() } })
  afterAll(() => services.cleanup())

  it('waits for the prompt after its own echo, not a stale one already on the way', async () => {
    const client = directClient(services)
    const { id } = await client.invoke('session.open', { spec: { kind: 'shell' }, cols: 80, rows: 24 })
    await waitForState(client, id, (s) => s.state === 'open')
    const run = await client.invoke('session.exec', { id, lines: ['show version'], timeoutMs: 2000 })
    expect(run.output).toContain('Cisco IOS Software, lagging edition')
    expect(run).toMatchObject({ timedOut: false, prompt: { text: 'R1>' } })
  })

  it('pages through --More-- and still finds the prompt after its own echo (was: timed out after the first page)', async () => {
    const practice = testServices()
    try {
      const client = directClient(practice)
      const { id } = await client.invoke('session.open', { spec: { kind: 'practice', lab: 'paging' }, cols: 80, rows: 24 })
      await waitForState(client, id, (s) => s.state === 'open')
      // The practice router pages at 24 lines, as IOS does by default; show version is longer.
      const t0 = Date.now()
      const run = await client.invoke('session.exec', { id, lines: ['', 'show version'], timeoutMs: 20_000 })
      // Without waiting out the timeout for a page that came while the space was being typed.
      expect(Date.now() - t0).toBeLessThan(15_000)
      expect(run.timedOut).toBe(false)
      expect(run.output).toContain('Configuration register is')
      expect(run.prompt?.kind).toBe('user-exec')
    } finally {
      practice.cleanup()
    }
  })
})
