import type { LineHandling, LogOptions } from '../../../shared/contract'
import type { FormErrors } from './profile-form'
import { CheckField, SelectField, TextField } from './fields'

const LINE_ENDINGS = [
  { value: 'cr', label: 'CR' },
  { value: 'lf', label: 'LF' },
  { value: 'crlf', label: 'CR LF' },
] as const

const LOG_MODES = [
  { value: 'text', label: 'Text (ANSI removed)' },
  { value: 'raw', label: 'Raw bytes' },
] as const

export function LineHandlingFields({ value, onChange }: { value: LineHandling; onChange: (patch: Partial<LineHandling>) => void }) {
  return (
    <fieldset className="profile-fields">
      <legend>Line handling</legend>
      <div className="field-row">
        <SelectField
          label="Enter sends"
          value={value.sendLineEnding}
          options={LINE_ENDINGS}
          onChange={(sendLineEnding) => onChange({ sendLineEnding })}
        />
        <CheckField
          label="LF → CR LF on receive"
          checked={value.receiveLfToCrlf}
          onChange={(receiveLfToCrlf) => onChange({ receiveLfToCrlf })}
        />
        <CheckField label="Local echo" checked={value.localEcho} onChange={(localEcho) => onChange({ localEcho })} />
        <CheckField label="Hex view" checked={value.hexView} onChange={(hexView) => onChange({ hexView })} />
      </div>
    </fieldset>
  )
}

export function LogFields({
  value,
  errors,
  onChange,
}: {
  value: LogOptions
  errors: FormErrors
  onChange: (patch: Partial<LogOptions>) => void
}) {
  return (
    <fieldset className="profile-fields">
      <legend>Session log</legend>
      <CheckField label="Start logging when the session opens" checked={value.enabled} onChange={(enabled) => onChange({ enabled })} />
      <div className="field-row">
        <SelectField label="Log format" value={value.mode} options={LOG_MODES} onChange={(mode) => onChange({ mode })} />
        <CheckField
          label="Timestamps"
          checked={value.timestamps}
          onChange={(timestamps) => onChange({ timestamps })}
          hint={value.timestamps && value.mode === 'raw' ? 'Raw logs have no timestamps.' : undefined}
        />
      </div>
      <TextField
        label="Log file name"
        value={value.template}
        error={errors['log.template']}
        hint="{profile}, {date} and {time} are filled in. A reconnect appends to the same file; {connection} (1, 2, …) makes a file per connection."
        onChange={(template) => onChange({ template })}
      />
    </fieldset>
  )
}
