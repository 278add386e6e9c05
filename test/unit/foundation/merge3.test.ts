import { describe, expect, it } from 'vitest'
import { merge3 } from '../../../shared/persist/merge3'

const p = (id: string, name = id) => ({ id, name })

describe('merging two windows’ changes to one slice', () => {
  it('keeps a profile added in each window', () => {
    expect(merge3([p('a')], [p('a'), p('b')], [p('a'), p('c')])).toEqual([p('a'), p('c'), p('b')])
  })

  it('a delete in one window and an untouched record in the other: the record goes', () => {
    expect(merge3([p('a'), p('b')], [p('a')], [p('a'), p('b')])).toEqual([p('a')])
  })

  it('a delete in one window and an edit in the other: the edit is kept', () => {
    expect(merge3([p('a'), p('b')], [p('a'), p('b', 'renamed')], [p('a')])).toEqual([p('a'), p('b', 'renamed')])
  })

  it('merges settings key by key; the later save wins where both changed a key', () => {
    const base = { fontSize: 14, theme: 'dark', console: { breakMs: 300, renderer: 'auto' } }
    const mine = { fontSize: 16, theme: 'dark', console: { breakMs: 300, renderer: 'dom' } }
    const theirs = { fontSize: 12, theme: 'light', console: { breakMs: 500, renderer: 'auto' } }
    expect(merge3(base, mine, theirs)).toEqual({ fontSize: 16, theme: 'light', console: { breakMs: 500, renderer: 'dom' } })
  })

  it('takes theirs when mine did not change, and mine when theirs did not', () => {
    expect(merge3(1, 1, 2)).toBe(2)
    expect(merge3(1, 3, 1)).toBe(3)
    expect(merge3(undefined, undefined, 'x')).toBe('x')
  })
})
