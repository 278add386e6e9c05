import { useEffect, useRef, useState, type RefObject } from 'react'
import { useLab, useLabContext } from '../../app/context'
import { consoleKeyAction, type ConsoleKeyAction } from './key-bindings'
import { needsPasteConfirmation } from './paste'
import { chooseRenderer } from './renderer-choice'
import { createTerminal, type ActiveRenderer, type TerminalHandle } from './terminal-setup'

export interface TerminalCallbacks {
  /** A console shortcut was pressed in the terminal; return false to let the key through. */
  onShortcut(action: ConsoleKeyAction): boolean
  /** A multi-line paste waits for the user's word. */
  onPasteToConfirm(text: string): void
  /** A slow console line is behind this session: every multi-line paste is asked about. */
  readonly slowLine: boolean
}

/** The line written between two sessions of one tab: "— reconnected 14:02:11 —", dimmed. */
export function reconnectSeparator(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
  return `\r\n\x1b[2m— reconnected ${time} —\x1b[0m\r\n`
}

export interface TerminalState {
  readonly handle: TerminalHandle | undefined
  readonly renderer: ActiveRenderer | undefined
  readonly rendererNote: string | undefined
}

const URL_RENDERER = new URLSearchParams(window.location.search).get('renderer')

/**
 * Mounts one xterm for a session: output through TerminalIo (never the store), input back to the
 * session, size kept in step with the pane, and the console's own keys and paste check in front.
 */
export function useTerminal(
  host: RefObject<HTMLDivElement | null>,
  sessionId: string | undefined,
  callbacks: TerminalCallbacks,
): TerminalState {
  const { terminalIo } = useLabContext()
  const settings = useLab((s) => s.settings)
  const rendererPref = chooseRenderer(
    useLab((s) => s.settings.console.renderer),
    URL_RENDERER,
  )
  const latest = useRef({ settings, callbacks, rendererPref, sessionId })
  const [handle, setHandle] = useState<TerminalHandle>()
  // Options are changed on the live terminal; the state above only tells React it exists.
  const live = useRef<TerminalHandle | undefined>(undefined)
  const [renderer, setRenderer] = useState<{ active: ActiveRenderer; note?: string | undefined }>()

  useEffect(() => {
    latest.current = { settings, callbacks, rendererPref, sessionId }
  })

  // One terminal for the tab's whole life: a reconnect keeps its scrollback.
  useEffect(() => {
    const element = host.current
    if (!element) return
    const initial = latest.current
    // The renderer is chosen once the terminal is in the page, by the effect below.
    const h = createTerminal(element, {
      fontSize: initial.settings.fontSize,
      scrollback: initial.settings.scrollback,
      onRendererChange: (active, note) => setRenderer({ active, note }),
    })
    const { term, fit } = h
    const toSession = (data: string): void => {
      const id = latest.current.sessionId
      if (id) terminalIo.send(id, data)
    }
    const disposables = [
      term.onData(toSession),
      term.onBinary(toSession),
      term.onResize(({ cols, rows }) => {
        const id = latest.current.sessionId
        if (id) terminalIo.resize(id, cols, rows)
      }),
      term.onSelectionChange(() => {
        if (!latest.current.settings.copyOnSelect || !term.hasSelection()) return
        navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined)
      }),
    ]
    term.attachCustomKeyEventHandler((event) => {
      const action = consoleKeyAction(event)
      if (!action) return true
      if (!latest.current.callbacks.onShortcut(action)) return true
      event.preventDefault()
      return false
    })
    // Capture phase: the question comes before xterm's own paste handler sends anything.
    const onPaste = (event: ClipboardEvent): void => {
      const text = event.clipboardData?.getData('text/plain') ?? ''
      const { settings: current, callbacks: cb } = latest.current
      if (!needsPasteConfirmation(text, current.confirmMultilinePaste || cb.slowLine)) return
      event.preventDefault()
      event.stopImmediatePropagation()
      cb.onPasteToConfirm(text)
    }
    element.addEventListener('paste', onPaste, true)
    const observer = new ResizeObserver(() => {
      if (element.offsetParent !== null) fit.fit()
    })
    void h.opened.then((open) => {
      if (!open) return
      observer.observe(element)
      if (element.offsetParent !== null) fit.fit()
      live.current = h
      setHandle(h)
    })
    return () => {
      live.current = undefined
      observer.disconnect()
      element.removeEventListener('paste', onPaste, true)
      for (const d of disposables) d.dispose()
      h.dispose()
      setHandle(undefined)
    }
  }, [host, terminalIo])

  // Output of the tab's current session; a new session after a reconnect is announced with a
  // separator line, above which the earlier scrollback stays.
  const previousSession = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (!handle || !sessionId) return
    const { term } = handle
    if (previousSession.current && previousSession.current !== sessionId) term.write(reconnectSeparator(new Date()))
    previousSession.current = sessionId
    const detach = terminalIo.attach(sessionId, term)
    terminalIo.resize(sessionId, term.cols, term.rows)
    return detach
  }, [handle, sessionId, terminalIo])

  useEffect(() => {
    const current = live.current
    if (!current || current !== handle) return
    current.term.options.fontSize = settings.fontSize
    current.term.options.scrollback = settings.scrollback
    if (host.current?.offsetParent) current.fit.fit()
  }, [handle, host, settings.fontSize, settings.scrollback])

  useEffect(() => {
    handle?.setRenderer(rendererPref)
  }, [handle, rendererPref])

  return { handle, renderer: renderer?.active, rendererNote: renderer?.note }
}
