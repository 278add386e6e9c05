import { describe, expect, it } from 'vitest'
import { Session } from '../../../electron/services/sessions/session'
import { TransportBase, type TransportContext } from '../../../electron/services/sessions/transport'

/** A device that takes its time to open (a login, a host-key question) and records resizes. */
class SlowOpening extends TransportBase {
  readonly title = 'slow'
  readonly sizes: Array<[number, number]> = []
  release: () => void = () => undefined
  open(_ctx: TransportContext): Promise<void> {
    return new Promise((resolve) => (this.release = resolve))
  }
  write(): void {}
  resize(cols: number, rows: number): void {
    this.sizes.push([cols, rows])
  }
  pause(): void {}
  resume(): void {}
  close(): void {}
}

describe('a session resized while it opens', () => {
  it('takes the last size once open (was: dropped, the device kept the size asked at open)', async () => {
    const transport = new SlowOpening()
    const session = new Session('s1', 'ssh', transport, { data: () => undefined, state: () => undefined, prompt: () => undefined })
    const opened = session.open(80, 24)
    session.resize(100, 30)
    session.resize(132, 43)
    transport.release()
    await opened
    expect(session.state.state).toBe('open')
    expect(transport.sizes).toEqual([[132, 43]])
  })
})
