import { describe, expect, it } from 'vitest'
import { KeyedWriteQueue, WriteQueue } from '../../../electron/services/state/write-queue'

/** A promise the test settles by hand, so order is decided by the test and not by timers. */
function gate(): { promise: Promise<void>; open: () => void; fail: (e: Error) => void } {
  let open = (): void => undefined
  let fail = (_e: Error): void => undefined
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve
    fail = reject
  })
  return { promise, open, fail }
}

describe('WriteQueue', () => {
  it('runs writes one after another, in order, and a failure does not block the next', async () => {
    const queue = new WriteQueue()
    const log: string[] = []
    const first = gate()
    const a = queue.run(async () => {
      log.push('a start')
      await first.promise
      log.push('a end')
    })
    const b = queue.run(async () => {
      log.push('b')
      throw new Error('disk full')
    })
    const c = queue.run(async () => {
      log.push('c')
      return 3
    })
    await Promise.resolve()
    expect(log).toEqual(['a start'])
    first.open()
    await a
    await expect(b).rejects.toThrow('disk full')
    expect(await c).toBe(3)
    expect(log).toEqual(['a start', 'a end', 'b', 'c'])
  })

  it('idle waits for everything queued so far', async () => {
    const queue = new WriteQueue()
    const g = gate()
    let done = false
    void queue.run(async () => {
      await g.promise
      done = true
    })
    const idle = queue.idle().then(() => done)
    g.open()
    expect(await idle).toBe(true)
  })
})

describe('KeyedWriteQueue', () => {
  it('orders writes per key and lets other keys through', async () => {
    const queue = new KeyedWriteQueue()
    const log: string[] = []
    const slow = gate()
    const a1 = queue.run('a', async () => {
      await slow.promise
      log.push('a1')
    })
    const a2 = queue.run('a', async () => void log.push('a2'))
    await queue.run('b', async () => void log.push('b1'))
    expect(log).toEqual(['b1'])
    slow.open()
    await Promise.all([a1, a2, queue.idle('a')])
    expect(log).toEqual(['b1', 'a1', 'a2'])
  })
})
