import { describe, expect, it } from 'vitest'
import { stripAnsi, stripEscapeSequences } from '../../../shared/ios/text'

// One ANSI stripper serves router output (controls dropped) and typed input (controls kept).
describe('terminal escape stripping', () => {
  it('drops CSI, OSC, SS3, two-byte and 8-bit CSI sequences and text-less controls', () => {
    expect(stripAnsi('a\x1b[1;31mb\x1b[0m\x1b]0;title\x07c\x1bOAd\x1b(Be\x9b2Kf\x00\x7fg')).toBe('abcdefg')
  })

  it('keeps BS, TAB, CR and LF for the parsers', () => {
    expect(stripAnsi('a\bb\tc\r\n')).toBe('a\bb\tc\r\n')
  })

  it('stripEscapeSequences keeps every control, DEL included', () => {
    expect(stripEscapeSequences('ab\x7f\x1b[Ac\x1bOP\x03')).toBe('ab\x7fc\x03')
  })

  it('drops a sequence cut off at the end', () => {
    expect(stripAnsi('ok\x1b[12')).toBe('ok')
    expect(stripAnsi('ok\x1bO')).toBe('ok')
  })
})
