import { afterAll, describe, expect, it } from 'vitest'
import { OutputBatcher } from '../../../electron/services/sessions/flow-control'
import { directClient, waitForState } from '../../support/clients'
import { testServices } from '../../support/services'

describe('OutputBatcher', () => {
  it('gathers output for a few milliseconds and sends it as one batch', async () => {
    const sent: string[] = []
    const batcher = new OutputBatcher({ send: (t) => sent.push(t), pause: () => undefined, resume: () => undefined }, { highWatermark: 1000, lowWatermark: 10, batchMs: 5, maxBatchChars: 100 })
    batcher.push('ab')
    batcher.push('cd')
    expect(sent).toEqual([])
    await new Promise((r) => setTimeout(r, 20))
    expect(sent).toEqual(['abcd'])
  })

  it('pauses above the high watermark and resumes below the low one', () => {
    const calls: string[] = []
    const batcher = new OutputBatcher({ send: () => calls.push('send'), pause: () => calls.push('pause'), resume: () => calls.push('resume') }, { highWatermark: 100, lowWatermark: 20, batchMs: 5, maxBatchChars: 60 })
    batcher.push('x'.repeat(60))
    batcher.push('x'.repeat(60))
    expect(calls).toEqual(['send', 'send', 'pause'])
    batcher.ack(60)
    expect(batcher.isPaused).toBe(true)
    batcher.ack(50)
    expect(calls.at(-1)).toBe('resume')
    expect(batcher.unacknowledged).toBe(10)
  })
})

describe('back-pressure with a real pty', () => {
  const services = testServices({ flow: { highWatermark: 20_000, lowWatermark: 2_000, batchMs: 5, maxBatchChars: 8_192 } })
  afterAll(() => services.cleanup())

  it('pauses the shell while the window is behind, then delivers every byte once acknowledged', async () => {
    const client = directClient(services)
    const lines = 20_000
    const { id } = await client.invoke('session.open', {
      spec: { kind: 'shell', shell: '/bin/sh', args: ['-c', `sleep 0.2; seq 1 ${lines}; echo DONE`] },
      cols: 80,
      rows: 24,
    })
    let received = ''
    let unacked = 0
    const stop = client.subscribe('session.data', ({ id: sid, data }) => {
      if (sid !== id) return
      received += data
      unacked += data.length
    })
    const paused = await waitForState(client, id, (s) => s.paused)
    expect(paused.paused).toBe(true)
    // While nothing is acknowledged the pty is not read, so output stops growing.
    const sizeAtPause = received.length
    await new Promise((r) => setTimeout(r, 300))
    expect(received.length).toBeLessThan(sizeAtPause + 70_000)
    expect(received).not.toContain('DONE')
    // Acknowledge as a window would; everything arrives, in order, nothing dropped.
    const acker = setInterval(() => {
      if (unacked > 0) {
        void client.invoke('session.ack', { id, chars: unacked })
        unacked = 0
      }
    }, 10)
    for (let i = 0; i < 400 && !received.includes('DONE'); i++) await new Promise((r) => setTimeout(r, 50))
    clearInterval(acker)
    stop()
    const numbers = received.split(/\r?\n/).filter((l) => /^\d+$/.test(l)).map(Number)
    expect(numbers.length).toBe(lines)
    expect(numbers.every((n, i) => n === i + 1)).toBe(true)
    await client.invoke('session.close', { id })
  })
})
