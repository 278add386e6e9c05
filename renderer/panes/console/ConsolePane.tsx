import { useEffect, useState } from 'react'
import type { Profile } from '../../../shared/contract'
import { useLab } from '../../app/context'
import { TerminalView } from './TerminalView'
import { PromptDialog } from './PromptDialog'
import { SessionTabs } from './SessionTabs'
import { SessionBanner } from './SessionBanner'
import { PracticeBanner } from './PracticeBanner'
import { ConnectionsPanel } from './ConnectionsPanel'
import { ProfileEditor } from './ProfileEditor'
import { ConsoleSettings } from './ConsoleSettings'
import { consoleKeyAction } from './key-bindings'

type Editing = { profile: Profile | undefined } | undefined

export function ConsolePane() {
  const tabs = useLab((s) => s.tabs)
  const activeTabId = useLab((s) => s.activeTabId)
  const prompts = useLab((s) => s.prompts)
  const openSession = useLab((s) => s.openSession)
  // Closed by default: a sidebar would cost the terminal the columns IOS output needs (80+).
  const [showConnections, setShowConnections] = useState(false)
  const [editing, setEditing] = useState<Editing>()
  const [settingsOpen, setSettingsOpen] = useState(false)
  const active = tabs.find((t) => t.tabId === activeTabId)
  const disconnect = useLab((s) => s.disconnect)
  const reconnect = useLab((s) => s.reconnect)

  // Disconnect and Reconnect work wherever the focus is (a button, the banner); in the terminal
  // its own key handler takes them first. Taken here, Ctrl+Shift+R never reloads the page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!activeTabId || (event.target instanceof Element && event.target.closest('.xterm'))) return
      const action = consoleKeyAction(event)
      if (action !== 'disconnect' && action !== 'reconnect') return
      event.preventDefault()
      void (action === 'disconnect' ? disconnect(activeTabId) : reconnect(activeTabId))
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [activeTabId, disconnect, reconnect])

  return (
    <div className="console">
      <div className="console-toolbar">
        <button
          type="button"
          aria-expanded={showConnections}
          aria-controls="console-connections"
          onClick={() => setShowConnections((v) => !v)}
        >
          Connections
        </button>
        <SessionTabs />
        <div className="console-actions">
          <button type="button" onClick={() => void openSession({ kind: 'practice', lab: 'default' })}>
            + Practice router
          </button>
          <button type="button" onClick={() => void openSession({ kind: 'shell' })}>
            + Local shell
          </button>
          <button type="button" onClick={() => setSettingsOpen(true)}>
            Console settings
          </button>
        </div>
      </div>
      <div className="console-body">
        {showConnections && (
          <div id="console-connections" className="connections-wrap">
            <ConnectionsPanel onEdit={(profile) => setEditing({ profile })} onOpened={() => setShowConnections(false)} />
          </div>
        )}
        <div className="console-main">
          {active && <PracticeBanner tab={active} />}
          {active && <SessionBanner tab={active} />}
          <div className="terminals">
            {tabs.map((tab) => (
              <TerminalView key={tab.tabId} tab={tab} visible={tab.tabId === activeTabId} />
            ))}
            {tabs.length === 0 && <p className="placeholder">No session. Open a profile, quick-connect, or start the practice router.</p>}
          </div>
        </div>
      </div>
      {editing && <ProfileEditor key={editing.profile?.id ?? 'new'} profile={editing.profile} onClose={() => setEditing(undefined)} />}
      {settingsOpen && <ConsoleSettings onClose={() => setSettingsOpen(false)} />}
      {prompts[0] && <PromptDialog key={prompts[0].promptId} prompt={prompts[0]} />}
    </div>
  )
}
