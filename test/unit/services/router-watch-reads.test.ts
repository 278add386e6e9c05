import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { RouterWatch } from '../../../electron/services/router-watch/router-watch'

const fixture = (name: string): string => fs.readFileSync(path.resolve('test/fixtures/ios', name), 'utf8').replace(/\r?\n/g, '\r\n')
const colour = (s: string): string => `\x1b[1;36m${s}\x1b[0m`

/** Everything the watch reports for `text` read in pieces of `size` (0: all at once). */
function reportsOf(text: string, size: number): string {
  const seen: unknown[] = []
  const watch = new RouterWatch({
    fingerprints: (p) => seen.push(['fingerprints', p]),
    certificates: (p) => seen.push(['certificates', p]),
    clock: ({ observedAt: _observedAt, ...p }) => seen.push(['clock', p]),
  })
  if (size === 0) watch.feed(text)
  else for (let i = 0; i < text.length; i += size) watch.feed(text.slice(i, i + size))
  const { prompt } = watch.state()
  watch.dispose()
  return JSON.stringify({ seen, prompt })
}

// The watch reads only the lines that can matter, found in each read as a whole rather than line
// by line, and keeps the output since the prompt as text: how the output is cut into reads must
// not change what it reports.
describe('RouterWatch, however the output is cut into reads', () => {
  const session = [
    `VG-CME-1#show running-config\r\n`,
    Array.from(
      { length: 400 },
      (_, i) => `${colour('interface')} Gi0/0/${i % 48}\r\n ${colour('enrollment url')} http://10.1.1.1:80\r\n`,
    ).join(''),
    'VG-CME-1#show clock\r\n*10:21:36.643 UTC Mon Feb 22 2026\r\n',
    `VG-CME-1#show crypto pki certificates verbose\r\n${fixture('show-crypto-pki-certificates-verbose.txt')}\r\n`,
    `${colour('VG-CME-1')}#${fixture('export-securecfb-3des.crlf.txt').replace(/VG-CME-1#\s*$/, '')}\r\nVG-CME-1(config)#`,
  ].join('')

  it.each([1, 7, 64, 4096, 65_536])('reports the same in reads of %i characters as in one read', (size) => {
    const whole = reportsOf(session, 0)
    expect(whole).toContain('"fingerprints"')
    expect(whole).toContain('"certificates"')
    expect(whole).toContain('"clock"')
    expect(reportsOf(session, size)).toBe(whole)
  })

  it('finds the enrollment paste question when a line holding only a colour reset follows it', () => {
    const watch = new RouterWatch({ fingerprints: () => undefined, certificates: () => undefined })
    watch.feed('Enter the base 64 encoded certificate.\r\nEnd with a blank line or the word "quit" on a line by itself\r\n\x1b[0m\r\n')
    expect(watch.state().prompt?.kind).toBe('enrollment-paste')
  })
})
