import { afterAll, describe, expect, it } from 'vitest'
import { TransportBase } from '../../../electron/services/sessions/transport'
import { directClient, waitForState } from '../../support/clients'
import { testServices } from '../../support/services'

/**
 * A device whose output arrives late: the prompt of an earlier Enter shows up just after the
 * next command is typed, before that command's echo — what a slow console or a cold-starting
 * router does. exec must not take that stale prompt as the answer to the new command.
 */
class LaggingRouter extends TransportBase {
  readonly title = 'lagging router'
  private readonly enc = new TextEncoder()
  async open(): Promise<void> {
    setTimeout(() => this.say('\r\nR1>'), 5)
  }
  write(data: string | Uint8Array): void {
    const line = String(data).replace(/\r$/, '')
    if (line === 'show version') {
      this.say('\r\nR1>')
      setTimeout(() => this.say('show version\r\nCisco IOS Software, lagging edition\r\nR1>'), 40)
    }
  }
  private say(text: string): void {
    this.emitData(this.enc.encode(text))
  }
  resize(): void {}
  pause(): void {}
  resume(): void {}
  close(): void {
    this.emitExit({ reason: 'closed' })
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
})
