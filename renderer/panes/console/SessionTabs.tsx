import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { tabStatus, type SessionTab } from '../../store/sessions-slice'
import { useLab } from '../../app/context'
import { sharedLabOf } from '../../app/tab-names'

const KIND_NAMES = { practice: 'Practice router', shell: 'Local shell', ssh: 'SSH', serial: 'Serial', telnet: 'Telnet' } as const

/** Disconnect, Reconnect, logging and Close for one tab; the same keys work in the terminal. */
function TabMenu({ tab, label, at, onClose }: { tab: SessionTab; label: string; at: { left: number; top: number }; onClose: () => void }) {
  const disconnect = useLab((s) => s.disconnect)
  const reconnect = useLab((s) => s.reconnect)
  const stopLog = useLab((s) => s.stopLog)
  const closeTab = useLab((s) => s.closeTab)
  const status = useLab((s) => tabStatus(s.sessionInfo, tab).state)
  const logging = useLab((s) => tabStatus(s.sessionInfo, tab).logPath !== undefined)
  const menu = useRef<HTMLDivElement>(null)
  const close = useRef(onClose)
  const connected = status === 'open' || status === 'opening'

  useEffect(() => {
    close.current = onClose
  })
  // Once, when the menu opens: focus its first item, and close it on a click elsewhere.
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role=menuitem]:not([disabled])')?.focus()
    const away = (event: MouseEvent): void => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !menu.current?.parentElement?.contains(target)) close.current()
    }
    document.addEventListener('mousedown', away)
    return () => document.removeEventListener('mousedown', away)
  }, [])

  const run = (action: () => unknown): void => {
    onClose()
    void action()
  }
  const move = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') onClose()
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]:not([disabled])') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus()
  }

  return (
    // Fixed, at the button: the tab strip scrolls sideways and would clip a menu inside it.
    <div className="tab-menu" role="menu" aria-label={`${label} session`} ref={menu} onKeyDown={move} style={at}>
      <button type="button" role="menuitem" disabled={!connected} onClick={() => run(() => disconnect(tab.tabId))}>
        Disconnect <kbd>Ctrl+Shift+D</kbd>
      </button>
      <button type="button" role="menuitem" onClick={() => run(() => reconnect(tab.tabId))}>
        Reconnect <kbd>Ctrl+Shift+R</kbd>
      </button>
      {logging ? (
        <button type="button" role="menuitem" onClick={() => run(() => stopLog(tab.tabId))}>
          Stop log <kbd>Ctrl+Shift+L</kbd>
        </button>
      ) : null}
      <button type="button" role="menuitem" onClick={() => run(() => closeTab(tab.tabId))}>
        Close tab
      </button>
    </div>
  )
}

function TabButton({ tab, active }: { tab: SessionTab; active: boolean }) {
  const activateTab = useLab((s) => s.activateTab)
  const closeTab = useLab((s) => s.closeTab)
  const [menuAt, setMenuAt] = useState<{ left: number; top: number }>()
  // Primitives only: a flood toggles `paused` many times a second, and the tab shows none of it.
  const state = useLab((s) => tabStatus(s.sessionInfo, tab).state)
  const title = useLab((s) => tabStatus(s.sessionInfo, tab).title)
  const hint = useLab((s) => {
    const status = tabStatus(s.sessionInfo, tab)
    return status.logError ?? status.reason ?? status.detail ?? status.state
  })
  const hasDetail = useLab((s) => tabStatus(s.sessionInfo, tab).detail !== undefined)
  const shared = useLab((s) => sharedLabOf(s.tabs, tab)?.suffix)
  const sharedNote = useLab((s) => sharedLabOf(s.tabs, tab)?.note)
  const logError = useLab((s) => tabStatus(s.sessionInfo, tab).logError !== undefined)
  const label = `${tab.label ?? title ?? KIND_NAMES[tab.spec.kind]}${shared ?? ''}`
  return (
    <div className={`tab ${active ? 'active' : ''}`}>
      <button
        type="button"
        role="tab"
        aria-selected={active}
        onClick={() => activateTab(tab.tabId)}
        title={sharedNote ? `${hint} — ${sharedNote}` : hint}
      >
        <span className={`dot state-${state}${hasDetail ? ' has-detail' : ''}`} aria-hidden="true" />
        {label}
        {logError && (
          <span className="tab-log-error" role="img" aria-label="log stopped">
            ⚠
          </span>
        )}
      </button>
      <button
        type="button"
        className="tab-menu-button"
        aria-label={`Session menu of ${label}`}
        aria-haspopup="menu"
        aria-expanded={menuAt !== undefined}
        onClick={(e) => {
          const rect = e.currentTarget.getBoundingClientRect()
          setMenuAt((open) => (open ? undefined : { left: rect.left, top: rect.bottom }))
        }}
      >
        ⋯
      </button>
      {menuAt && <TabMenu tab={tab} label={label} at={menuAt} onClose={() => setMenuAt(undefined)} />}
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
