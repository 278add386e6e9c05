import { useLab } from './context'
import { tabStatus } from '../store/sessions-slice'

export function StatusBar() {
  const connected = useLab((s) => s.connected)
  const refused = useLab((s) => s.hostRefused)
  const active = useLab((s) => s.tabs.find((t) => t.tabId === s.activeTabId))
  const sessionInfo = useLab((s) => s.sessionInfo)
  const status = active ? tabStatus(sessionInfo, active) : undefined
  return (
    <footer className="statusbar" role="contentinfo">
      <span className={connected ? 'ok' : 'bad'}>
        {connected
          ? 'Host connected'
          : refused
            ? 'Host refused this page — open the address the host printed'
            : 'Host connection lost — retrying…'}
      </span>
      {status && (
        <span>
          {status.title ?? 'Session'} · {status.state}
          {status.paused ? ' · output paused (window catching up)' : ''}
          {status.logPath ? ' · logging' : ''}
        </span>
      )}
      {status?.logError && (
        <span className="bad statusbar-log-error" role="alert">
          {status.logError}
        </span>
      )}
    </footer>
  )
}
