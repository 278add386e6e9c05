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
export function useTerminal(host: RefObject<HTMLDivElement | null>, sessionId: string, callbacks: TerminalCallbacks): TerminalState {
  const { terminalIo } = useLabContext()
  const settings = useLab((s) => s.settings)
  const rendererPref = chooseRenderer(
    useLab((s) => s.settings.console.renderer),
    URL_RENDERER,
  )
  const latest = useRef({ settings, callbacks, rendererPref })
  const [handle, setHandle] = useState<TerminalHandle>()
  // Options are changed on the live terminal; the state above only tells React it exists.
  const live = useRef<TerminalHandle | undefined>(undefined)
  const [renderer, setRenderer] = useState<{ active: ActiveRenderer; note?: string | undefined }>()

  useEffect(() => {
    latest.current = { settings, callbacks, rendererPref }
  })

  useEffect(() => {
    const element = host.current
    if (!element) return
    const initial = latest.current
    const h = createTerminal(element, {
      fontSize: initial.settings.fontSize,
      scrollback: initial.settings.scrollback,
      renderer: initial.rendererPref,
      onRendererChange: (active, note) => setRenderer({ active, note }),
    })
    const { term, fit } = h
    const detach = terminalIo.attach(sessionId, term)
    const disposables = [
      term.onData((data) => terminalIo.send(sessionId, data)),
      term.onBinary((data) => terminalIo.send(sessionId, data)),
      term.onResize(({ cols, rows }) => terminalIo.resize(sessionId, cols, rows)),
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
      if (!needsPasteConfirmation(text, latest.current.settings.confirmMultilinePaste)) return
      event.preventDefault()
      event.stopImmediatePropagation()
      latest.current.callbacks.onPasteToConfirm(text)
    }
    element.addEventListener('paste', onPaste, true)
    const observer = new ResizeObserver(() => {
      if (element.offsetParent !== null) fit.fit()
    })
    observer.observe(element)
    if (element.offsetParent !== null) fit.fit()
    terminalIo.resize(sessionId, term.cols, term.rows)
    live.current = h
    setHandle(h)
    return () => {
      live.current = undefined
      observer.disconnect()
      element.removeEventListener('paste', onPaste, true)
      for (const d of disposables) d.dispose()
      detach()
      h.dispose()
      setHandle(undefined)
    }
  }, [host, sessionId, terminalIo])

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
