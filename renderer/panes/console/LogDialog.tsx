import { useState, type FormEvent } from 'react'
import { LogOptions } from '../../../shared/contract'
import { useLab } from '../../app/context'
import { CheckField, SelectField, TextField } from './fields'
import { issueText } from './profile-form'

const MODES = [
  { value: 'text', label: 'Text (escapes removed)' },
  { value: 'raw', label: 'Raw bytes' },
] as const

/**
 * Starts logging a running session. The file goes in the logs folder: a name typed here is
 * appended to if it exists; left empty, the name comes from the template.
 */
export function LogDialog({ tabId, onClose }: { tabId: string; onClose: () => void }) {
  const startLog = useLab((s) => s.startLog)
  const [fileName, setFileName] = useState('')
  const [mode, setMode] = useState<'text' | 'raw'>('text')
  const [timestamps, setTimestamps] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const name = fileName.trim()
    if (name) {
      const parsed = LogOptions.shape.appendTo.safeParse(name)
      if (!parsed.success) {
        setError(issueText(parsed.error.issues[0] ?? { code: 'custom', message: 'not a file name', path: [] }))
        return
      }
    }
    setBusy(true)
    startLog(tabId, { fileName: name, mode, timestamps })
      .then(onClose)
      .catch((err: Error) => {
        setError(err.message)
        setBusy(false)
      })
  }

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Start logging"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose()
        }}
        noValidate
      >
        <h3>Start logging</h3>
        <TextField
          label="Log file name"
          value={fileName}
          error={error}
          placeholder="empty: {profile}_{date}_{time}.log"
          hint="In the logs folder; an existing file is appended to"
          onChange={setFileName}
        />
        <div className="field-row">
          <SelectField label="Log mode" value={mode} options={MODES} onChange={setMode} />
          <CheckField label="Time stamp each line" checked={timestamps} onChange={setTimestamps} />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy} autoFocus>
            Start logging
          </button>
        </div>
      </form>
    </div>
  )
}
