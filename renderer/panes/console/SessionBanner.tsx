import { useState } from 'react'
import { useLab, useLabContext } from '../../app/context'
import { useShallow } from 'zustand/react/shallow'
import { tabStatus, type SessionTab } from '../../store/sessions-slice'

const STATE_LABEL = { opening: 'connecting', open: 'open', closed: 'closed', error: 'error' } as const

function LogLine({ logPath }: { logPath: string }) {
  const { transport } = useLabContext()
  const [folder, setFolder] = useState<string>()
  const [error, setError] = useState<string>()
  const openFolder = (): void => {
    transport
      .invoke('logs.openFolder', null)
      // Where the host cannot open a file manager (the browser host), the path is the answer.
      .then(({ path, opened }) => setFolder(opened ? undefined : path))
      .catch((err: Error) => setError(err.message))
  }
  return (
    <div className="banner-line banner-log">
      <span>
        Logging to <code>{logPath}</code>
      </span>
      <button type="button" onClick={openFolder}>
        Open log folder
      </button>
      {folder && (
        <span role="status">
          Log folder: <code>{folder}</code>
        </span>
      )}
      {error && <span role="alert">{error}</span>}
    </div>
  )
}

/**
 * The active tab's state in words: connecting, why it closed, a cable that went away, the log.
 * Reconnect sits in the terminal's toolbar, where Disconnect was.
 */
export function SessionBanner({ tab }: { tab: SessionTab }) {
  // Only what the banner shows: a flood flips `paused` many times a second, and that is not here.
  const status = useLab(
    useShallow((s) => {
      const { state, reason, detail, warning, logPath, logError } = tabStatus(s.sessionInfo, tab)
      return { state, reason, detail, warning, logPath, logError }
    }),
  )
  if (status.state === 'open' && !status.detail && !status.warning && !status.logPath && !status.logError) return null
  return (
    <div className={`session-banner state-${status.state}`}>
      {status.state !== 'open' && (
        <div className="banner-line" role="status">
          <span className="banner-reason">
            {STATE_LABEL[status.state]}
            {status.reason ? `: ${status.reason}` : ''}
          </span>
        </div>
      )}
      {status.detail && (
        <div className="banner-line banner-detail" role="status">
          {status.detail}
        </div>
      )}
      {status.warning && (
        <div className="banner-line banner-warning" role="alert">
          {status.warning}
        </div>
      )}
      {status.logPath && <LogLine logPath={status.logPath} />}
      {status.logError && (
        <div className="banner-line banner-warning banner-log-error" role="alert">
          {status.logError}
        </div>
      )}
    </div>
  )
}
