import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { OutputBatcher } from '../../../electron/services/sessions/flow-control'
import { directClient, waitForState } from '../../support/clients'
import { testServices } from '../../support/services'

describe('OutputBatcher', () => {
  it('gathers output for a few milliseconds and sends it as one batch', async () => {
    const sent: string[] = []
    const batcher = new OutputBatcher(
      { send: (t) => sent.push(t), pause: () => undefined, resume: () => undefined },
      { highWatermark: 1000, lowWatermark: 10, batchMs: 5, maxBatchChars: 100 },
    )
    batcher.push('ab')
    batcher.push('cd')
    expect(sent).toEqual([])
    // Wait for the batch timer itself, not a fixed 20 ms: a loaded machine may run it late. The
    // bound only stops a real hang (the suite runs beside other jobs on two cores).
    await vi.waitFor(() => expect(sent.length).toBeGreaterThan(0), { timeout: 15_000, interval: 2 })
    expect(sent).toEqual(['abcd'])
  })

  it('sends output after a quiet spell at once, and gathers output that keeps coming', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    try {
      const sent: string[] = []
      const batcher = new OutputBatcher(
        { send: (t) => sent.push(t), pause: () => undefined, resume: () => undefined },
        { highWatermark: 1000, lowWatermark: 10, batchMs: 12, maxBatchChars: 100 },
      )
      vi.advanceTimersByTime(100)
      batcher.push('e') // a keystroke's echo: nothing was sent for a while
      vi.advanceTimersByTime(1)
      expect(sent).toEqual(['e'])
      batcher.push('flood 1') // right behind it: gathered for the batch time
      vi.advanceTimersByTime(5)
      batcher.push('flood 2')
      expect(sent).toEqual(['e'])
      vi.advanceTimersByTime(7)
      expect(sent).toEqual(['e', 'flood 1flood 2'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('pauses above the high watermark and resumes below the low one', () => {
    const calls: string[] = []
    const batcher = new OutputBatcher(
      { send: () => calls.push('send'), pause: () => calls.push('pause'), resume: () => calls.push('resume') },
      { highWatermark: 100, lowWatermark: 20, batchMs: 5, maxBatchChars: 60 },
    )
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
  const flow = { highWatermark: 20_000, lowWatermark: 2_000, batchMs: 5, maxBatchChars: 8_192 }
  const services = testServices({ flow })
  const client = directClient(services)
  afterAll(() => services.cleanup())

  /** Follows a session's output; acknowledges only when told to, as a slow window would. */
  function slowWindow(id: string) {
    let received = ''
    let unacked = 0
    const stop = client.subscribe('session.data', ({ id: sid, data }) => {
      if (sid !== id) return
      received += data
      unacked += data.length
    })
    let acker: ReturnType<typeof setInterval> | undefined
    return {
      text: () => received,
      startAcking() {
        acker = setInterval(() => {
          // Take the count first: in-process, the ack can deliver more output before it returns.
          const chars = unacked
          unacked = 0
          if (chars > 0) void client.invoke('session.ack', { id, chars }).catch(() => undefined)
        }, 10)
      },
      async until(marker: string, timeoutMs = 30_000) {
        for (let waited = 0; waited < timeoutMs && !received.includes(marker); waited += 25) await new Promise((r) => setTimeout(r, 25))
      },
      stop() {
        if (acker) clearInterval(acker)
        stop()
      },
    }
  }

  function numberedLines(text: string): { count: number; gaps: string[] } {
    const numbers = text
      .split(/\r?\n/)
      .filter((l) => /^\d+$/.test(l))
      .map(Number)
    const gaps = numbers.flatMap((n, i) => (n !== (numbers[i - 1] ?? 0) + 1 ? [`${numbers[i - 1] ?? 0}->${n}`] : []))
    return { count: numbers.length, gaps }
  }

  it('stops reading a flooding shell while the window is behind, then delivers every byte in order', async () => {
    const marker = path.join(services.userDataDir, 'writer-finished')
    const lines = 400_000
    const { id } = await client.invoke('session.open', {
      spec: { kind: 'shell', shell: '/bin/sh', args: ['-c', `sleep 0.2; seq 1 ${lines}; touch ${marker}; echo DONE; sleep 30`] },
      cols: 80,
      rows: 24,
    })
    const window = slowWindow(id)
    expect((await waitForState(client, id, (s) => s.paused)).paused).toBe(true)
    await new Promise((r) => setTimeout(r, 300))
    const atPause = window.text().length
    await new Promise((r) => setTimeout(r, 300))
    // Nothing more reaches the window (at most the watermark plus the batch and pty read in flight),
    // and the writer is blocked by the kernel because the pty is no longer read.
    expect(window.text().length).toBe(atPause)
    expect(atPause).toBeLessThanOrEqual(flow.highWatermark + flow.maxBatchChars + 64 * 1024)
    expect(fs.existsSync(marker)).toBe(false)
    window.startAcking()
    await window.until('DONE')
    window.stop()
    expect(fs.existsSync(marker)).toBe(true)
    expect(numberedLines(window.text())).toEqual({ count: lines, gaps: [] })
    await client.invoke('session.close', { id })
  })

  // The command exits the instant it has written: its last lines wait in the kernel's pty buffer
  // and in the transport's hold (test/service/shell/local-shell-exit.test.ts has the byte counts).
  it('keeps the last lines of a command that finishes while the window is behind', async () => {
    const lines = 20_000
    const { id } = await client.invoke('session.open', {
      spec: { kind: 'shell', shell: '/bin/sh', args: ['-c', `sleep 0.2; seq 1 ${lines}; echo DONE`] },
      cols: 80,
      rows: 24,
    })
    const window = slowWindow(id)
    await waitForState(client, id, (s) => s.state === 'closed', 15_000)
    window.startAcking()
    await window.until('DONE', 10_000)
    window.stop()
    expect(numberedLines(window.text())).toEqual({ count: lines, gaps: [] })
    expect(window.text()).toContain('DONE')
  })
})
