import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_FLOW } from '../../../electron/services/sessions/flow-control'

// The README quotes the flow-control defaults; the code is where they are set. This fails when
// one changes without the other (it once said 5 ms and 100 000 while the code used 8 ms and 1 000 000).
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
const paragraph = readme.slice(readme.indexOf('## How a byte travels'), readme.indexOf('## Files the app keeps'))

/** 1000000 → "1 000 000", as the README writes figures. */
function spaced(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}

describe('README figures', () => {
  it('"How a byte travels" quotes DEFAULT_FLOW', () => {
    const flat = paragraph.replace(/\s+/g, ' ')
    expect(flat).toContain(`(${DEFAULT_FLOW.batchMs} ms batches, at most ${spaced(DEFAULT_FLOW.maxBatchChars)} characters)`)
    expect(flat).toContain(`When more than ${spaced(DEFAULT_FLOW.highWatermark)} characters are unacknowledged`)
    expect(flat).toContain(`resumed below ${spaced(DEFAULT_FLOW.lowWatermark)}`)
  })
})
