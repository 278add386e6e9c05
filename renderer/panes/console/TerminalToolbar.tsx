import type { ZoomAction } from './zoom'
import { BAUD_PRESETS } from './serial-options'
import type { ActiveRenderer } from './terminal-setup'

export interface ToolbarActions {
  search(): void
  clear(): void
  zoom(action: ZoomAction): void
  pastePaced(): void
  sendBreak(): void
  disconnect(): void
  reconnect(): void
  startLog(): void
  stopLog(): void
  setSpeed(baudRate: number): void
}

/** The terminal's own actions; each also has a key binding (shown in the button's title). */
export function TerminalToolbar({
  canBreak,
  speed,
  connected,
  logging,
  fontSize,
  renderer,
  rendererNote,
  searchOpen,
  actions,
}: {
  /** Serial lines and telnet (console server) sessions can send BREAK. */
  canBreak: boolean
  /** The line speed, where it can be changed from here (serial cable, RFC 2217 port). */
  speed: number | undefined
  /** The session is open or opening (Disconnect), rather than ended (Reconnect). */
  connected: boolean
  logging: boolean
  fontSize: number
  renderer: ActiveRenderer | undefined
  rendererNote: string | undefined
  searchOpen: boolean
  actions: ToolbarActions
}) {
  return (
    <div className="terminal-toolbar" role="toolbar" aria-label="Terminal">
      {connected ? (
        <button type="button" title="Ctrl+Shift+D — the tab and its scrollback stay" onClick={actions.disconnect}>
          Disconnect
        </button>
      ) : (
        <button type="button" title="Ctrl+Shift+R — in this terminal, below a separator" onClick={actions.reconnect}>
          Reconnect
        </button>
      )}
      <button type="button" aria-pressed={searchOpen} title="Search (Ctrl+Shift+F)" onClick={actions.search}>
        Search
      </button>
      <button type="button" title="Clear the screen and scrollback" onClick={actions.clear}>
        Clear
      </button>
      <span className="zoom" role="group" aria-label="Font size">
        <button type="button" aria-label="Smaller font" title="Ctrl+-" onClick={() => actions.zoom('out')}>
          A−
        </button>
        <button type="button" aria-label="Reset font size" title="Ctrl+0" onClick={() => actions.zoom('reset')}>
          {fontSize}px
        </button>
        <button type="button" aria-label="Larger font" title="Ctrl+=" onClick={() => actions.zoom('in')}>
          A+
        </button>
      </span>
      <button type="button" title="Send text line by line, waiting for each echo" onClick={actions.pastePaced}>
        Paste paced…
      </button>
      {logging ? (
        <button type="button" title="Ctrl+Shift+L" onClick={actions.stopLog}>
          Stop log
        </button>
      ) : (
        <button type="button" title="Ctrl+Shift+L — choose the file" onClick={actions.startLog} disabled={!connected}>
          Start log…
        </button>
      )}
      {speed !== undefined && (
        <select
          aria-label="Line speed"
          title="Change the line speed (after 'speed' on the router's line or confreg in ROMMON)"
          value={String(speed)}
          disabled={!connected}
          onChange={(e) => actions.setSpeed(Number(e.target.value))}
        >
          {[...new Set([...BAUD_PRESETS, speed])]
            .sort((a, b) => a - b)
            .map((baud) => (
              <option key={baud} value={String(baud)}>
                {baud} baud
              </option>
            ))}
        </select>
      )}
      {canBreak && (
        <button type="button" title="Ctrl+Break or Alt+B (ROMMON)" onClick={actions.sendBreak}>
          Send BREAK
        </button>
      )}
      {renderer && (
        <span className="renderer-label" title={rendererNote}>
          {renderer === 'webgl' ? 'WebGL' : 'DOM'} renderer
        </span>
      )}
    </div>
  )
}
