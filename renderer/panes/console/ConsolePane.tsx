import type { SessionSpec } from '../../../shared/contract'
import { tabStatus, type SessionTab, type TabStatus } from '../../store/sessions-slice'
import { useLab } from '../../app/context'
import { TerminalView } from './TerminalView'
import { PromptDialog } from './PromptDialog'

const STATE_LABEL = { opening: 'connecting', open: 'open', closed: 'closed', error: 'error' } as const

function tabLabel(tab: SessionTab, status: TabStatus): string {
  if (status.title) return status.title
  return tab.spec.kind === 'practice' ? 'Practice router' : tab.spec.kind === 'shell' ? 'Local shell' : tab.spec.kind
}

export function ConsolePane() {
  const tabs = useLab((s) => s.tabs)
  const activeTabId = useLab((s) => s.activeTabId)
  const prompts = useLab((s) => s.prompts)
  const sessionInfo = useLab((s) => s.sessionInfo)
  const openSession = useLab((s) => s.openSession)
  const activateTab = useLab((s) => s.activateTab)
  const closeTab = useLab((s) => s.closeTab)
  const reconnect = useLab((s) => s.reconnect)
  const active = tabs.find((t) => t.tabId === activeTabId)
  const activeStatus = active ? tabStatus(sessionInfo, active) : undefined
  const open = (spec: SessionSpec): void => void openSession(spec)

  return (
    <div className="console">
      <div className="console-toolbar">
        <div role="tablist" aria-label="Sessions" className="tabs">
          {tabs.map((tab) => {
            const status = tabStatus(sessionInfo, tab)
            const label = tabLabel(tab, status)
            return (
              <div key={tab.tabId} className={`tab ${tab.tabId === activeTabId ? 'active' : ''}`}>
                <button
                  type="button"
                  role="tab"
                  aria-selected={tab.tabId === activeTabId}
                  onClick={() => activateTab(tab.tabId)}
                  title={status.reason ?? status.state}
                >
                  <span className={`dot state-${status.state}`} aria-hidden="true" />
                  {label}
                </button>
                <button type="button" className="tab-close" aria-label={`Close ${label}`} onClick={() => void closeTab(tab.tabId)}>
                  ×
                </button>
              </div>
            )
          })}
        </div>
        <div className="console-actions">
          <button type="button" onClick={() => open({ kind: 'practice', lab: 'default' })}>
            + Practice router
          </button>
          <button type="button" onClick={() => open({ kind: 'shell' })}>
            + Local shell
          </button>
        </div>
      </div>
      {active && activeStatus && activeStatus.state !== 'open' && (
        <div className={`session-banner state-${activeStatus.state}`} role="status">
          <span>
            {STATE_LABEL[activeStatus.state]}
            {activeStatus.reason ? `: ${activeStatus.reason}` : ''}
          </span>
          {(activeStatus.state === 'closed' || activeStatus.state === 'error') && (
            <button type="button" onClick={() => void reconnect(active.tabId)}>
              Reconnect
            </button>
          )}
        </div>
      )}
      <div className="terminals">
        {tabs.map((tab) =>
          tab.sessionId ? <TerminalView key={tab.sessionId} sessionId={tab.sessionId} visible={tab.tabId === activeTabId} /> : null,
        )}
        {tabs.length === 0 && <p className="placeholder">No session. Open the practice router or a local shell.</p>}
      </div>
      {prompts[0] && <PromptDialog key={prompts[0].promptId} prompt={prompts[0]} />}
    </div>
  )
}
