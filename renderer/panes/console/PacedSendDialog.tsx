import { useEffect, useRef, useState, type FormEvent } from 'react'
import { PacedSendOptions } from '../../../shared/contract'
import { useLab } from '../../app/context'
import type { PacedSendState } from '../../store/sessions-slice'
import { SelectField, TextField } from './fields'
import { issueText } from './profile-form'
import { pasteLineCount } from './paste'
import { describeLineTime, pasteBytes, type SlowLine } from './line-rate'

const WAIT_OPTIONS = [
  { value: 'echo', label: 'Echo of each line' },
  { value: 'prompt', label: 'Prompt after each line' },
  { value: 'none', label: 'Nothing (delays only)' },
] as const

function Outcome({ state }: { state: PacedSendState }) {
  if (state.status === 'running' || state.status === 'cancelling') {
    return (
      <div className="paced-progress">
        <progress aria-label="Sending" max={Math.max(state.lines, 1)} value={state.line} />
        <span>
          Line {state.line} of {state.lines} · {state.bytes} bytes{state.status === 'cancelling' ? ' · cancelling…' : ''}
        </span>
      </div>
    )
  }
  if (state.status === 'done' && state.summary) {
    const s = state.summary
    return (
      <p role="status">
        Sent {s.linesSent} of {s.lines} lines ({s.bytes} bytes) in {(s.elapsedMs / 1000).toFixed(1)} s; the bytes alone need{' '}
        {(s.theoreticalMs / 1000).toFixed(1)} s on the line.
      </p>
    )
  }
  return (
    <p role="alert" className="field-error">
      {state.status === 'cancelled' ? 'Cancelled' : 'Failed'} after {state.line} of {state.lines} lines: {state.error}
    </p>
  )
}

/**
 * Sends text line by line, waiting for each line's echo (or the prompt) so a router console
 * with a tiny input buffer drops nothing. Not modal: the terminal stays readable meanwhile.
 */
export function PacedSendDialog({
  sessionId,
  initialText,
  slowLine,
  autoStart = false,
  onClose,
}: {
  sessionId: string
  initialText: string
  slowLine?: SlowLine | undefined
  /** Start at once with the saved settings (a paste confirmed as paced). */
  autoStart?: boolean
  onClose: () => void
}) {
  const defaults = useLab((s) => s.settings.console.paced)
  const state = useLab((s) => s.pacedSends[sessionId])
  const startPacedSend = useLab((s) => s.startPacedSend)
  const cancelPacedSend = useLab((s) => s.cancelPacedSend)
  const dismiss = useLab((s) => s.dismissPacedSend)
  const updatePrefs = useLab((s) => s.updateConsolePrefs)
  const [text, setText] = useState(initialText)
  const [fields, setFields] = useState({
    charDelayMs: String(defaults.charDelayMs),
    lineDelayMs: String(defaults.lineDelayMs),
    waitFor: defaults.waitFor,
    timeoutMs: String(defaults.timeoutMs),
    bufferSize: String(defaults.bufferSize),
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const busy = state?.status === 'running' || state?.status === 'cancelling'

  const start = (): void => {
    const numbers = {
      charDelayMs: fields.charDelayMs,
      lineDelayMs: fields.lineDelayMs,
      timeoutMs: fields.timeoutMs,
      bufferSize: fields.bufferSize,
    }
    const found: Record<string, string> = {}
    for (const [key, value] of Object.entries(numbers)) if (!/^\d+$/.test(value.trim())) found[key] = 'a whole number of milliseconds'
    const parsed = PacedSendOptions.safeParse({
      charDelayMs: Number(fields.charDelayMs),
      lineDelayMs: Number(fields.lineDelayMs),
      waitFor: fields.waitFor,
      timeoutMs: Number(fields.timeoutMs),
      bufferSize: Number(fields.bufferSize),
    })
    if (!parsed.success) for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issueText(issue)
    if (text.trim() === '') found.text = 'nothing to send'
    setErrors(found)
    if (Object.keys(found).length > 0 || !parsed.success) return
    updatePrefs({ paced: parsed.data })
    void startPacedSend(sessionId, text, parsed.data)
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    start()
  }
  const started = useRef(false)
  useEffect(() => {
    if (!autoStart || started.current) return
    started.current = true
    start()
  })
  const lines = text.split(/\r\n|\r|\n/).slice(0, pasteLineCount(text))

  const loadFile = (file: File | undefined): void => {
    if (file) void file.text().then(setText)
  }
  const close = (): void => {
    dismiss(sessionId)
    onClose()
  }

  return (
    <form className="dialog paced-dialog" role="dialog" aria-label="Paste paced" onSubmit={submit} noValidate>
      <h3>Paste paced</h3>
      <div className="field">
        <label htmlFor={`paced-text-${sessionId}`}>Text to send ({pasteLineCount(text)} lines)</label>
        <textarea
          id={`paced-text-${sessionId}`}
          rows={6}
          value={text}
          spellCheck={false}
          readOnly={busy}
          onChange={(e) => setText(e.target.value)}
        />
        {errors.text && <small className="field-error">{errors.text}</small>}
      </div>
      <div className="field">
        <label htmlFor={`paced-file-${sessionId}`}>Load from file</label>
        <input
          id={`paced-file-${sessionId}`}
          type="file"
          accept=".txt,.cfg,.conf,text/plain"
          onChange={(e) => loadFile(e.target.files?.[0])}
        />
      </div>
      <div className="field-row">
        <TextField
          label="Per-character delay (ms)"
          value={fields.charDelayMs}
          error={errors.charDelayMs}
          inputMode="numeric"
          onChange={(charDelayMs) => setFields((f) => ({ ...f, charDelayMs }))}
        />
        <TextField
          label="Per-line delay (ms)"
          value={fields.lineDelayMs}
          error={errors.lineDelayMs}
          inputMode="numeric"
          onChange={(lineDelayMs) => setFields((f) => ({ ...f, lineDelayMs }))}
        />
      </div>
      <div className="field-row">
        <SelectField
          label="Wait for"
          value={fields.waitFor}
          options={WAIT_OPTIONS}
          onChange={(waitFor) => setFields((f) => ({ ...f, waitFor }))}
        />
        <TextField
          label="Timeout per line (ms)"
          value={fields.timeoutMs}
          error={errors.timeoutMs}
          inputMode="numeric"
          onChange={(timeoutMs) => setFields((f) => ({ ...f, timeoutMs }))}
        />
      </div>
      <div className="field-row">
        <TextField
          label="Receive buffer (bytes)"
          value={fields.bufferSize}
          error={errors.bufferSize}
          inputMode="numeric"
          hint="Waiting for echo, longer lines go in pieces of this size"
          onChange={(bufferSize) => setFields((f) => ({ ...f, bufferSize }))}
        />
      </div>
      {slowLine && text.trim() !== '' && <p className="paste-time">{describeLineTime(pasteBytes(lines), slowLine)}.</p>}
      {state && <Outcome state={state} />}
      <div className="dialog-actions">
        {busy ? (
          <button type="button" onClick={() => void cancelPacedSend(sessionId)} disabled={state.status === 'cancelling'}>
            Cancel sending
          </button>
        ) : (
          <button type="button" onClick={close}>
            Close
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Send
        </button>
      </div>
    </form>
  )
}
