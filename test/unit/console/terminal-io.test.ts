import { describe, expect, it } from 'vitest'
import type { LabTransport } from '../../../shared/contract'
import { TerminalIo, XTERM_WRITE_CHARS, type TerminalSink } from '../../../renderer/panes/console/terminal-io'

/** The contract seen from the window: session.data pushed in, acks recorded. */
function transport() {
  let deliver: ((payload: { id: string; data: string }) => void) | undefined
  const acked: number[] = []
  const t: LabTransport = {
    invoke: ((method: string, input: { chars?: number }) => {
      if (method === 'session.ack' && input.chars) acked.push(input.chars)
      return Promise.resolve(null)
    }) as LabTransport['invoke'],
    subscribe: ((event: string, listener: (payload: { id: string; data: string }) => void) => {
      if (event === 'session.data') deliver = listener
      return () => undefined
    }) as LabTransport['subscribe'],
  }
  return { t, acked, push: (data: string) => deliver?.({ id: 's1', data }) }
}

/** Parses like xterm: each write's callback runs later, in order. */
function xtermLike() {
  const writes: string[] = []
  const sink: TerminalSink = {
    write(data, callback) {
      writes.push(data)
      setTimeout(() => callback?.(), 1)
    },
  }
  return { sink, writes }
}

describe('TerminalIo', () => {
  it('acknowledges a small output too, soon after it is parsed', async () => {
    const { t, acked, push } = transport()
    const io = new TerminalIo(t)
    io.attach('s1', xtermLike().sink)
    push('echo')
    await expect.poll(() => acked, { timeout: 10_000 }).toEqual([4])
    io.dispose()
  })

  it('writes output to an idle terminal at once (a keystroke echo waits for nothing)', () => {
    const { t, push } = transport()
    const io = new TerminalIo(t)
    const { sink, writes } = xtermLike()
    io.attach('s1', sink)
    push('a')
    expect(writes).toEqual(['a'])
    io.dispose()
  })

  it('during a flood, gathers output into larger pieces, hands them over in bounded writes, in order, and acknowledges every character', async () => {
    const { t, acked, push } = transport()
    const io = new TerminalIo(t)
    const { sink, writes } = xtermLike()
    io.attach('s1', sink)
    const batches = Array.from({ length: 40 }, (_, i) => `${String(i).padStart(4, '0')}${'x'.repeat(100_000)}\u{1F512}`)
    for (const batch of batches) push(batch)
    const total = batches.join('').length
    // Waiting on the outcome, not a clock: every character acknowledged.
    await expect.poll(() => acked.reduce((a, b) => a + b, 0), { timeout: 20_000 }).toBe(total)
    expect(writes.join('')).toBe(batches.join(''))
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThanOrEqual(XTERM_WRITE_CHARS)
    // Gathered: fewer hand-overs than host batches arrived (the first went alone, at once).
    expect(writes[0]).toBe(batches[0]?.slice(0, XTERM_WRITE_CHARS))
    // Acknowledged in gathered messages, not one per parsed write.
    expect(acked.length).toBeLessThan(writes.length / 2)
    io.dispose()
  })
})
