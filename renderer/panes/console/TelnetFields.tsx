import type { FormErrors, ProfileForm } from './profile-form'
import { CheckField, SelectField, TextField, optionsOf } from './fields'
import { BAUD_PRESETS, DATA_BITS, PARITIES, STOP_BITS } from './serial-options'

type Telnet = ProfileForm['telnet']

const PARITY_OPTIONS = PARITIES.map((p) => ({ value: p, label: p.charAt(0).toUpperCase() + p.slice(1) }))

/** A telnet target, usually a console server's port; RFC 2217 sets the far serial line too. */
export function TelnetFields({
  value,
  errors,
  onChange,
}: {
  value: Telnet
  errors: FormErrors
  onChange: (patch: Partial<Telnet>) => void
}) {
  return (
    <fieldset className="profile-fields">
      <legend>Telnet</legend>
      <div className="field-row">
        <TextField
          label="Host"
          value={value.host}
          error={errors['telnet.host']}
          placeholder="console server, e.g. 10.0.0.5"
          onChange={(host) => onChange({ host })}
        />
        <TextField
          label="Port"
          value={value.port}
          error={errors['telnet.port']}
          inputMode="numeric"
          hint="IOS reverse telnet: 2000 + line number"
          onChange={(port) => onChange({ port })}
        />
      </div>
      <div className="field-row">
        <TextField
          label="Terminal type"
          value={value.terminalType}
          error={errors['telnet.terminalType']}
          onChange={(terminalType) => onChange({ terminalType })}
        />
        <CheckField
          label="Console server port (paste paced by default)"
          checked={value.consoleServer}
          onChange={(consoleServer) => onChange({ consoleServer })}
        />
      </div>
      <CheckField label="Set the serial line (RFC 2217)" checked={value.comPort} onChange={(comPort) => onChange({ comPort })} />
      {value.comPort && (
        <div className="field-row">
          <SelectField label="Line speed" value={value.baud} options={optionsOf(BAUD_PRESETS)} onChange={(baud) => onChange({ baud })} />
          <SelectField
            label="Line data bits"
            value={value.dataBits}
            options={optionsOf(DATA_BITS)}
            onChange={(dataBits) => onChange({ dataBits })}
          />
          <SelectField label="Line parity" value={value.parity} options={PARITY_OPTIONS} onChange={(parity) => onChange({ parity })} />
          <SelectField
            label="Line stop bits"
            value={value.stopBits}
            options={optionsOf(STOP_BITS)}
            onChange={(stopBits) => onChange({ stopBits })}
          />
        </div>
      )}
    </fieldset>
  )
}
