import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_FLOW } from '../../../electron/services/sessions/flow-control'
import { ACK_CHARS, ACK_MS, COALESCE_CHARS, COALESCE_MS, XTERM_WRITE_CHARS } from '../../../renderer/panes/console/terminal-io'
import { PROMPT_WINDOW_CHARS } from '../../../electron/services/router-watch/router-watch'

/** 1048576 → "1 048 576", as the README writes numbers. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')

describe('README "How a byte travels" quotes the code', () => {
  const readme = fs.readFileSync('README.md', 'utf8')
  const section = readme.slice(readme.indexOf('## How a byte travels'), readme.indexOf('## Benchmark'))
  // Line breaks in the paragraph are spaces to the reader.
  const text = section.replace(/\s+/g, ' ')

  it.each([
    ['host batch time', `gathered for ${DEFAULT_FLOW.batchMs} ms`],
    ['host batch size', `at ${grouped(DEFAULT_FLOW.maxBatchChars)} characters`],
    ['pause above', `more than ${grouped(DEFAULT_FLOW.highWatermark)} characters are unacknowledged`],
    ['resume below', `resumed below ${grouped(DEFAULT_FLOW.lowWatermark)}`],
    ['window pieces', `pieces of ${grouped(COALESCE_CHARS)} characters or ${COALESCE_MS} ms`],
    ['xterm writes', `writes of ${grouped(XTERM_WRITE_CHARS)} characters`],
    ['acknowledgements', `acknowledged in one message at ${grouped(ACK_CHARS)} characters or after ${ACK_MS} ms`],
    ['prompt window', `last ${grouped(PROMPT_WINDOW_CHARS)} characters`],
  ])('%s', (_name, phrase) => {
    expect(text).toContain(phrase)
  })
})
