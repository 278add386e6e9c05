import { tabStatus, type SessionTab } from '../../store/sessions-slice'
import { useLab } from '../../app/context'
import { sharedLabOf } from '../../app/tab-names'

const KIND_NAMES = { practice: 'Practice router', shell: 'Local shell', ssh: 'SSH', serial: 'Serial' } as const

function TabButton({ tab, active }: { tab: SessionTab; active: boolean }) {
  const activateTab = useLab((s) => s.activateTab)
  const closeTab = useLab((s) => s.closeTab)
  // Primitives only: a flood toggles `paused` many times a second, and the tab shows none of it.
  const state = useLab((s) => tabStatus(s.sessionInfo, tab).state)
  const title = useLab((s) => tabStatus(s.sessionInfo, tab).title)
  const hint = useLab((s) => {
    const status = tabStatus(s.sessionInfo, tab)
    return status.reason ?? status.detail ?? status.state
  })
  const hasDetail = useLab((s) => tabStatus(s.sessionInfo, tab).detail !== undefined)
  const shared = useLab((s) => sharedLabOf(s.tabs, tab)?.suffix)
  const sharedNote = useLab((s) => sharedLabOf(s.tabs, tab)?.note)
  const label = `${tab.label ?? title ?? KIND_NAMES[tab.spec.kind]}${shared ?? ''}`
  return (
    <div className={`tab ${active ? 'active' : ''}`}>
      <button type="button" role="tab" aria-selected={active} onClick={() => activateTab(tab.tabId)} title={sharedNote ? `${hint} — ${sharedNote}` : hint}>
        <span className={`dot state-${state}${hasDetail ? ' has-detail' : ''}`} aria-hidden="true" />
        {label}
      </button>
      <button type="button" className="tab-close" aria-label={`Close ${label}`} onClick={() => void closeTab(tab.tabId)}>
        ×
      </button>
    </div>
  )
}

export function SessionTabs() {
  const tabs = useLab((s) => s.tabs)
  const activeTabId = useLab((s) => s.activeTabId)
  return (
    <div role="tablist" aria-label="Sessions" className="tabs">
      {tabs.map((tab) => (
        <TabButton key={tab.tabId} tab={tab} active={tab.tabId === activeTabId} />
      ))}
    </div>
  )
}
