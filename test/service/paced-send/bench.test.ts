import { describe, expect, it } from 'vitest'
import { runPacedPasteBench } from '../../support/paced-bench'

describe('runPacedPasteBench (npm run bench): Task 1 pasted into a modelled 9600-baud console', () => {
  it('loses bytes in the full ring when pasted at once, none when paced, and accounts for every byte', async () => {
    const result = await runPacedPasteBench()
    expect(result.totalBytes).toBeGreaterThan(1000)
    // Every byte either reached the router or was dropped by its ring: the wire loses nothing.
    expect(result.plain.keptBytes + result.plain.lostBytes).toBe(result.totalBytes)
    // Crypto lines stall the router for far longer than the 64-byte ring takes to fill.
    expect(result.plain.lostBytes).toBeGreaterThan(0)
    expect(result.paced.lostBytes).toBe(0)
    expect(result.paced.keptBytes).toBe(result.totalBytes)
    expect(result.lineTimeMs).toBe(Math.round((result.totalBytes * 10 * 1000) / 9600))
    expect(result.idealMs).toBe(result.lineTimeMs + result.stallMs)
  }, 120_000)
})
