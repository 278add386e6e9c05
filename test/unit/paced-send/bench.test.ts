import { describe, expect, it } from 'vitest'
import { runPacedPasteBench } from '../../support/paced-bench'

describe('runPacedPasteBench (npm run bench)', () => {
  it('shows the plain paste losing bytes and the paced one keeping all of them', async () => {
    const result = await runPacedPasteBench()
    expect(result.totalBytes).toBeGreaterThan(1000)
    expect(result.plainKeptBytes).toBeLessThan(result.totalBytes / 2)
    expect(result.pacedKeptBytes).toBe(result.totalBytes)
    expect(result.theoreticalMs).toBe(Math.round((result.totalBytes * 10 * 1000) / 9600))
    expect(result.elapsedMs).toBeGreaterThan(0)
  })
})
