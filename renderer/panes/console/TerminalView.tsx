import { useEffect, useRef, useState } from 'react'
import '@xterm/xterm/css/xterm.css'
import type { SessionKind } from '../../../shared/contract'
import { useLab } from '../../app/context'
import type { ConsoleKeyAction } from './key-bindings'
import { zoomFont, type ZoomAction } from './zoom'
import { useTerminal } from './use-terminal'
import { TerminalToolbar } from './TerminalToolbar'
import { SearchBar } from './SearchBar'
import { PasteConfirmDialog } from './PasteConfirmDialog'
import { PacedSendDialog } from './PacedSendDialog'

/** One session's terminal with its toolbar, search bar and paste dialogs. */
export function TerminalView({ sessionId, kind, visible }: { sessionId: string; kind: SessionKind; visible: boolean }) {
  const host = useRef<HTMLDivElement>(null)
  const fontSize = useLab((s) => s.settings.fontSize)
  const breakMs = useLab((s) => s.settings.console.breakMs)
  const updateSettings = useLab((s) => s.updateSettings)
  const sendBreak = useLab((s) => s.sendBreak)
  const [searchOpen, setSearchOpen] = useState(false)
  const [pasteText, setPasteText] = useState<string>()
  const [paced, setPaced] = useState<{ text: string; n: number }>()

  const zoom = (action: ZoomAction): void => updateSettings({ fontSize: zoomFont(fontSize, action) })
  const breakNow = (): void => void sendBreak(sessionId, breakMs)
  const onShortcut = (action: ConsoleKeyAction): boolean => {
    if (action === 'search') setSearchOpen((open) => !open)
    else if (action === 'break') {
      // Alt+B is "word back" in shells: only a serial line takes it as BREAK.
      if (kind !== 'serial') return false
      breakNow()
    } else zoom(action === 'zoom-in' ? 'in' : action === 'zoom-out' ? 'out' : 'reset')
    return true
  }
  const { handle, renderer, rendererNote } = useTerminal(host, sessionId, { onShortcut, onPasteToConfirm: setPasteText })

  useEffect(() => {
    // xterm's own element is also class "terminal": hidden with the tab, `.terminal:not([hidden])`
    // finds the visible session's terminal alone.
    handle?.term.element?.toggleAttribute('hidden', !visible)
    if (!visible || !handle) return
    if (host.current?.offsetParent) handle.fit.fit()
    handle.term.focus()
  }, [visible, handle])

  const closeSearch = (): void => {
    setSearchOpen(false)
    handle?.term.focus()
  }

  return (
    <div className="terminal-panel" hidden={!visible}>
      <TerminalToolbar
        kind={kind}
        fontSize={fontSize}
        renderer={renderer}
        rendererNote={rendererNote}
        searchOpen={searchOpen}
        actions={{
          search: () => (searchOpen ? closeSearch() : setSearchOpen(true)),
          clear: () => handle?.term.clear(),
          zoom,
          pastePaced: () => setPaced((p) => p ?? { text: '', n: 0 }),
          sendBreak: breakNow,
        }}
      />
      {searchOpen && handle && <SearchBar search={handle.search} onClose={closeSearch} />}
      <div className="terminal" ref={host} hidden={!visible} data-session={sessionId} />
      {paced && <PacedSendDialog key={paced.n} sessionId={sessionId} initialText={paced.text} onClose={() => setPaced(undefined)} />}
      {pasteText !== undefined && (
        <PasteConfirmDialog
          text={pasteText}
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
            // A new key starts the dialog over with this text.
            setPaced((p) => ({ text: pasteText, n: (p?.n ?? 0) + 1 }))
            setPasteText(undefined)
          }}
        />
      )}
    </div>
  )
}
