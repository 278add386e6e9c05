import { describe, expect, it } from 'vitest'
import {
  HexViewMiddleware,
  LfToCrlfMiddleware,
  LocalEchoMiddleware,
  SendLineEndingMiddleware,
  buildLineHandling,
  formatHexLine,
} from '../../../electron/services/sessions/serial/line-handling'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const text = (data: Uint8Array): string => new TextDecoder().decode(data)

describe('send line ending', () => {
  it('sends CR for Enter by default and rewrites every break of a paste', () => {
    const chain = buildLineHandling()
    expect(chain.fromTerminal('show ver\r').toDevice).toBe('show ver\r')
    expect(chain.fromTerminal('a\nb\r\nc\r').toDevice).toBe('a\rb\rc\r')
  })

  it('sends LF or CRLF when asked, counting a CRLF split across writes once', () => {
    const lf = new SendLineEndingMiddleware('lf')
    expect(lf.fromTerminal('x\r')).toBe('x\n')
    expect(lf.fromTerminal('\ny')).toBe('y')
    const crlf = new SendLineEndingMiddleware('crlf')
    expect(crlf.fromTerminal('a\rb\nc\r\n')).toBe('a\r\nb\r\nc\r\n')
  })
})

describe('receive LF → CRLF', () => {
  it('adds CR before a lone LF only, across chunk boundaries', () => {
    const m = new LfToCrlfMiddleware()
    expect(text(m.fromDevice(bytes('one\ntwo\r\n')))).toBe('one\r\ntwo\r\n')
    expect(text(m.fromDevice(bytes('three\r')))).toBe('three\r')
    expect(text(m.fromDevice(bytes('\nfour\n')))).toBe('\nfour\r\n')
  })

  it('returns the same chunk when there is nothing to change', () => {
    const m = new LfToCrlfMiddleware()
    const chunk = bytes('Router#')
    expect(m.fromDevice(chunk)).toBe(chunk)
  })
})

describe('local echo', () => {
  it('echoes printable keys, Enter as CRLF, backspace as erase, and skips arrow keys', () => {
    const m = new LocalEchoMiddleware()
    let shown = ''
    const out = m.fromTerminal('ab\x7fc\x1b[A\r', (t) => (shown += t))
    expect(out).toBe('ab\x7fc\x1b[A\r')
    expect(shown).toBe('ab\b \bc\r\n')
  })

  it('skips application-mode arrows and F1 (SS3: ESC O x) and keeps DEL as an erase', () => {
    const m = new LocalEchoMiddleware()
    let shown = ''
    m.fromTerminal('x\x1bOAy\x1bOP\x7f', (t) => (shown += t))
    expect(shown).toBe('xy\b \b')
  })

  it('runs before the line-ending rewrite in a chain', () => {
    const chain = buildLineHandling({ localEcho: true, sendLineEnding: 'crlf' })
    expect(chain.fromTerminal('end\r')).toEqual({ toDevice: 'end\r\n', toTerminal: 'end\r\n' })
  })
})

describe('hex view', () => {
  it('formats a line like a hex dump', () => {
    expect(formatHexLine(bytes('Hello'))).toBe('0000  48 65 6c 6c 6f  |Hello|')
    expect(formatHexLine(Uint8Array.from([0x00, 0x41, 0xff]), 0x20)).toBe('0020  00 41 ff  |.A.|')
  })

  it('pads short lines to the width so columns line up', () => {
    const line = formatHexLine(bytes('AB'), 16, 16)
    expect(line).toBe(`0010  41 42${' '.repeat(16 * 3 - 1 - 5)}  |AB|`)
    expect(line.indexOf('|')).toBe(formatHexLine(bytes('0123456789abcdef'), 0).indexOf('|'))
  })

  it('dumps each chunk with offsets that continue, ahead of any LF conversion', () => {
    const chain = buildLineHandling({ hexView: true, receiveLfToCrlf: true })
    const first = text(chain.fromDevice(bytes('0123456789abcdefXY')))
    expect(first.split('\r\n')).toEqual([
      '0000  30 31 32 33 34 35 36 37 38 39 61 62 63 64 65 66  |0123456789abcdef|',
      `0010  58 59${' '.repeat(42)}  |XY|`,
      '',
    ])
    expect(text(chain.fromDevice(bytes('\n'))).startsWith('0012  0a ')).toBe(true)
    expect(new HexViewMiddleware().fromDevice(new Uint8Array(0)).length).toBe(0)
  })
})
