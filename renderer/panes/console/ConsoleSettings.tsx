import { useState, type FormEvent } from 'react'
import { Settings } from '../../../shared/contract'
import { useLab } from '../../app/context'
import { CheckField, SelectField, TextField } from './fields'
import { issueText } from './profile-form'
import type { RendererPreference } from './renderer-choice'

const RENDERERS: ReadonlyArray<{ value: RendererPreference; label: string }> = [
  { value: 'auto', label: 'Automatic (WebGL when available)' },
  { value: 'webgl', label: 'WebGL' },
  { value: 'dom', label: 'DOM (slower, always works)' },
]

export const BREAK_MIN_MS = 10
export const BREAK_MAX_MS = 5000

/** Terminal preferences that apply to every session. */
export function ConsoleSettings({ onClose }: { onClose: () => void }) {
  const settings = useLab((s) => s.settings)
  const prefs = useLab((s) => s.settings.console)
  const updateSettings = useLab((s) => s.updateSettings)
  const updatePrefs = useLab((s) => s.updateConsolePrefs)
  const [scrollback, setScrollback] = useState(String(settings.scrollback))
  const [copyOnSelect, setCopyOnSelect] = useState(settings.copyOnSelect)
  const [confirmPaste, setConfirmPaste] = useState(settings.confirmMultilinePaste)
  const [renderer, setRenderer] = useState(prefs.renderer)
  const [breakMs, setBreakMs] = useState(String(prefs.breakMs))
  const [errors, setErrors] = useState<Record<string, string>>({})

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const found: Record<string, string> = {}
    const parsed = Settings.safeParse({ ...settings, scrollback: Number(scrollback), copyOnSelect, confirmMultilinePaste: confirmPaste })
    if (!/^\d+$/.test(scrollback.trim())) found.scrollback = 'a whole number of lines'
    else if (!parsed.success) found.scrollback = issueText(parsed.error.issues[0] ?? { code: 'custom', message: 'invalid', path: [] })
    const ms = Number(breakMs)
    if (!/^\d+$/.test(breakMs.trim()) || ms < BREAK_MIN_MS || ms > BREAK_MAX_MS) found.breakMs = `${BREAK_MIN_MS}–${BREAK_MAX_MS} ms`
    setErrors(found)
    if (Object.keys(found).length > 0 || !parsed.success) return
    updateSettings(parsed.data)
    updatePrefs({ renderer, breakMs: ms })
    onClose()
  }

  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-label="Console settings" onSubmit={submit} noValidate>
        <h3>Console settings</h3>
        <TextField label="Scrollback (lines)" value={scrollback} error={errors.scrollback} inputMode="numeric" onChange={setScrollback} />
        <CheckField label="Copy on select" checked={copyOnSelect} onChange={setCopyOnSelect} />
        <CheckField label="Ask before pasting several lines" checked={confirmPaste} onChange={setConfirmPaste} />
        <SelectField label="Renderer" value={renderer} options={RENDERERS} onChange={setRenderer} />
        <TextField label="BREAK duration (ms)" value={breakMs} error={errors.breakMs} inputMode="numeric" onChange={setBreakMs} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </div>
  )
}
