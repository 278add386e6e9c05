import type { SessionTab } from '../store/sessions-slice'

/**
 * What a session tab adds to its name when it shares a practice lab with another open tab: both
 * drive the same simulated router (one configuration, one set of keys and certificates), so two
 * tabs both called "Practice router" hide that typing in one changes the other.
 */
export interface SharedLab {
  /** ` · lab default 1/2` */
  readonly suffix: string
  /** For the tooltip. */
  readonly note: string
}

export function sharedLabOf(tabs: readonly SessionTab[], tab: SessionTab): SharedLab | undefined {
  if (tab.spec.kind !== 'practice') return undefined
  const lab = tab.spec.lab
  const same = tabs.filter((t) => t.spec.kind === 'practice' && t.spec.lab === lab)
  if (same.length < 2) return undefined
  const position = same.findIndex((t) => t.tabId === tab.tabId) + 1
  return {
    suffix: ` · lab ${lab} ${position}/${same.length}`,
    note: `${same.length} tabs drive the same practice router (lab ${lab}): they share its configuration, keys and certificates.`,
  }
}
