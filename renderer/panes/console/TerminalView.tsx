import { useEffect, useRef } from 'react'
import { Terminal } from '@xterm/xterm'
import { FitAddon } from '@xterm/addon-fit'
import '@xterm/xterm/css/xterm.css'
import { useLab, useLabContext } from '../../app/context'

/** One xterm per session. Output arrives through TerminalIo, never through the store. */
export function TerminalView({ sessionId, visible }: { sessionId: string; visible: boolean }) {
  const host = useRef<HTMLDivElement>(null)
  const fitRef = useRef<FitAddon | null>(null)
  const { terminalIo } = useLabContext()
  const fontSize = useLab((s) => s.settings.fontSize)
  const scrollback = useLab((s) => s.settings.scrollback)
  const termRef = useRef<Terminal | null>(null)

  useEffect(() => {
    const element = host.current
    if (!element) return
    const term = new Terminal({
      fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
      cursorBlink: true,
      convertEol: false,
      allowProposedApi: false,
    })
    const fit = new FitAddon()
    term.loadAddon(fit)
    term.open(element)
    termRef.current = term
    fitRef.current = fit
    const detach = terminalIo.attach(sessionId, term)
    const input = term.onData((data) => terminalIo.send(sessionId, data))
    const binary = term.onBinary((data) => terminalIo.send(sessionId, data))
    const resized = term.onResize(({ cols, rows }) => terminalIo.resize(sessionId, cols, rows))
    const observer = new ResizeObserver(() => {
      if (element.offsetParent !== null) fit.fit()
    })
    observer.observe(element)
    fit.fit()
    terminalIo.resize(sessionId, term.cols, term.rows)
    return () => {
      observer.disconnect()
      input.dispose()
      binary.dispose()
      resized.dispose()
      detach()
      term.dispose()
      termRef.current = null
      fitRef.current = null
    }
  }, [sessionId, terminalIo])

  useEffect(() => {
    const term = termRef.current
    if (!term) return
    term.options.fontSize = fontSize
    term.options.scrollback = scrollback
    fitRef.current?.fit()
  }, [fontSize, scrollback])

  useEffect(() => {
    if (!visible) return
    fitRef.current?.fit()
    termRef.current?.focus()
  }, [visible])

  return <div className="terminal" ref={host} hidden={!visible} data-session={sessionId} />
}
