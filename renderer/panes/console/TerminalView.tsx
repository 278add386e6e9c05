import { useEffect, useRef, useState } from 'react'
import '@xterm/xterm/css/xterm.css'
import { useLab } from '../../app/context'
import { tabStatus, type SessionTab } from '../../store/sessions-slice'
import type { ConsoleKeyAction } from './key-bindings'
import { zoomFont, type ZoomAction } from './zoom'
import { useTerminal } from './use-terminal'
import { TerminalToolbar } from './TerminalToolbar'
import { SearchBar } from './SearchBar'
import { PasteConfirmDialog } from './PasteConfirmDialog'
import { PacedSendDialog } from './PacedSendDialog'
import { LogDialog } from './LogDialog'
import { slowLineOf } from './line-rate'

/**
 * One tab's terminal with its toolbar, search bar and dialogs. It lives as long as the tab:
 * a reconnect attaches the new session to the same terminal, so the scrollback stays.
 */
export function TerminalView({ tab, visible }: { tab: SessionTab; visible: boolean }) {
  const host = useRef<HTMLDivElement>(null)
  const sessionId = tab.sessionId
  const kind = tab.spec.kind
  const slowLine = slowLineOf(tab.spec)
  const fontSize = useLab((s) => s.settings.fontSize)
  const breakMs = useLab((s) => s.settings.console.breakMs)
  const updateSettings = useLab((s) => s.updateSettings)
  const sendBreak = useLab((s) => s.sendBreak)
  const disconnectTab = useLab((s) => s.disconnect)
  const reconnectTab = useLab((s) => s.reconnect)
  const stopLog = useLab((s) => s.stopLog)
  const setBaudRate = useLab((s) => s.setBaudRate)
  const state = useLab((s) => tabStatus(s.sessionInfo, tab).state)
  const logging = useLab((s) => tabStatus(s.sessionInfo, tab).logPath !== undefined)
  const [searchOpen, setSearchOpen] = useState(false)
  const [pasteText, setPasteText] = useState<string>()
  const [paced, setPaced] = useState<{ text: string; n: number; autoStart: boolean }>()
  const [logDialog, setLogDialog] = useState(false)
  const connected = state === 'open' || state === 'opening'
  const canBreak = kind === 'serial' || kind === 'telnet'
  const speed = tab.spec.kind === 'serial' ? tab.spec.baudRate : tab.spec.kind === 'telnet' ? tab.spec.comPort?.baudRate : undefined

  const zoom = (action: ZoomAction): void => updateSettings({ fontSize: zoomFont(fontSize, action) })
  const breakNow = (): void => {
    if (sessionId) void sendBreak(sessionId, breakMs)
  }
  const disconnect = (): void => void disconnectTab(tab.tabId)
  const reconnect = (): void => void reconnectTab(tab.tabId)
  const toggleLog = (): void => {
    if (logging) void stopLog(tab.tabId)
    else if (state === 'open') setLogDialog(true)
  }
  const onShortcut = (action: ConsoleKeyAction): boolean => {
    switch (action) {
      case 'search':
        setSearchOpen((open) => !open)
        return true
      case 'break':
        // Alt+B is "word back" in shells: only a line that has BREAK takes it.
        if (!canBreak) return false
        breakNow()
        return true
      case 'disconnect':
        if (connected) disconnect()
        return true
      case 'reconnect':
        reconnect()
        return true
      case 'log':
        toggleLog()
        return true
      default:
        zoom(action === 'zoom-in' ? 'in' : action === 'zoom-out' ? 'out' : 'reset')
        return true
    }
  }
  const { handle, renderer, rendererNote } = useTerminal(host, sessionId, {
    onShortcut,
    onPasteToConfirm: setPasteText,
    slowLine: slowLine !== undefined,
  })

  useEffect(() => {
    // xterm's own element is also class "terminal": hidden with the tab, `.terminal:not([hidden])`
    // finds the visible session's terminal alone.
    handle?.term.element?.toggleAttribute('hidden', !visible)
    if (!visible || !handle) return
    if (host.current?.offsetParent) handle.fit.fit()
    if (!mayTakeFocus(document.activeElement)) return
    handle.term.focus()
  }, [visible, handle])

  const closeSearch = (): void => {
    setSearchOpen(false)
    handle?.term.focus()
  }

  return (
    <div className="terminal-panel" hidden={!visible} data-tab={tab.tabId}>
      <TerminalToolbar
        canBreak={canBreak}
        speed={speed}
        connected={connected}
        logging={logging}
        fontSize={fontSize}
        renderer={renderer}
        rendererNote={rendererNote}
        searchOpen={searchOpen}
        actions={{
          search: () => (searchOpen ? closeSearch() : setSearchOpen(true)),
          clear: () => handle?.term.clear(),
          zoom,
          pastePaced: () => setPaced((p) => p ?? { text: '', n: 0, autoStart: false }),
          sendBreak: breakNow,
          disconnect,
          reconnect,
          startLog: () => setLogDialog(true),
          stopLog: () => void stopLog(tab.tabId),
          setSpeed: (baudRate) => void setBaudRate(tab.tabId, baudRate),
        }}
      />
      {searchOpen && handle && <SearchBar search={handle.search} onClose={closeSearch} />}
      <div className="terminal" ref={host} hidden={!visible} data-session={sessionId ?? ''} />
      {paced && sessionId && (
        <PacedSendDialog
          key={paced.n}
          sessionId={sessionId}
          initialText={paced.text}
          slowLine={slowLine}
          autoStart={paced.autoStart}
          onClose={() => setPaced(undefined)}
        />
      )}
      {logDialog && (
        <LogDialog
          tabId={tab.tabId}
          onClose={() => {
            setLogDialog(false)
            handle?.term.focus()
          }}
        />
      )}
      {pasteText !== undefined && (
        <PasteConfirmDialog
          text={pasteText}
          slowLine={slowLine}
          onCancel={() => {
            setPasteText(undefined)
            handle?.term.focus()
          }}
          onPaste={() => {
            // term.paste honours bracketed-paste mode when the remote has turned it on.
            handle?.term.paste(pasteText)
            setPasteText(undefined)
            handle?.term.focus()
          }}
          onPaced={() => {
            // A new key starts the dialog over with this text, sending at once with the saved settings.
            setPaced((p) => ({ text: pasteText, n: (p?.n ?? 0) + 1, autoStart: true }))
            setPasteText(undefined)
          }}
        />
      )}
    </div>
  )
}

/**
 * Whether a terminal that has just become ready (or visible) may take the keyboard. It is ready a
 * task after its tab appears, and meanwhile the user may have gone elsewhere: text pasted into the
 * workbench then went to the device instead, and a changed-host-key question lost its Enter to
 * the terminal. It takes the focus from nothing, or from the console pane itself (its tabs, the
 * button that opened it), never from another pane or an open question.
 */
function mayTakeFocus(active: Element | null): boolean {
  if (!active || active === document.body) return true
  if (active.closest('[role="dialog"], [role="alertdialog"]')) return false
  return active.closest('.pane-console') !== null
}
