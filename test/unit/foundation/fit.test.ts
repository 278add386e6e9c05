import { describe, expect, it } from 'vitest'
import { chunk, fitMiddle, fitText } from '../../../shared/contract/fit'

describe('making device text fit the contract', () => {
  it('leaves short text alone and marks a cut with an ellipsis', () => {
    expect(fitText('abc', 3)).toBe('abc')
    expect(fitText('abcdef', 4)).toBe('abc…')
    expect(fitText('abcdef', 4)).toHaveLength(4)
  })

  it('never splits a surrogate pair', () => {
    const text = `ab${'😀'.repeat(10)}`
    for (let max = 1; max < text.length; max++) {
      const out = fitText(text, max)
      expect(out.length).toBeLessThanOrEqual(max)
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
      const mid = fitMiddle(text, max)
      expect(mid.length).toBeLessThanOrEqual(max)
      expect(mid).not.toMatch(/(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    }
  })

  it('keeps both ends of a long reason', () => {
    const out = fitMiddle(`start ${'x'.repeat(5000)} end`, 100)
    expect(out).toHaveLength(100)
    expect(out.startsWith('start')).toBe(true)
    expect(out.endsWith('end')).toBe(true)
    expect(out).toContain('…')
  })

  it('splits a list into groups that fit one event', () => {
    expect(chunk([1, 2, 3, 4, 5, 6, 7, 8, 9], 8)).toEqual([[1, 2, 3, 4, 5, 6, 7, 8], [9]])
    expect(chunk([], 8)).toEqual([])
  })
})
