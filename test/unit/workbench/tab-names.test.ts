import { describe, expect, it } from 'vitest'
import { sharedLabOf } from '../../../renderer/app/tab-names'
import type { SessionTab } from '../../../renderer/store/sessions-slice'

const practice = (tabId: string, lab: string): SessionTab => ({ tabId, spec: { kind: 'practice', lab } as SessionTab['spec'] })

describe('tabs on the same practice lab', () => {
  it('say so when two share a lab, and say nothing for one', () => {
    const tabs = [practice('a', 'default'), practice('b', 'default'), practice('c', 'other')]
    expect(sharedLabOf(tabs, tabs[0] as SessionTab)?.suffix).toBe(' · lab default 1/2')
    expect(sharedLabOf(tabs, tabs[1] as SessionTab)?.suffix).toBe(' · lab default 2/2')
    expect(sharedLabOf(tabs, tabs[1] as SessionTab)?.note).toMatch(/2 tabs drive the same practice router \(lab default\)/)
    expect(sharedLabOf(tabs, tabs[2] as SessionTab)).toBeUndefined()
  })
})
