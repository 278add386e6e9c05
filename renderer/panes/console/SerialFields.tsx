import { useCallback, useEffect, useState } from 'react'
import { useLab, useLabContext } from '../../app/context'
import type { FormErrors, ProfileForm } from './profile-form'
import { CheckField, SelectField, TextField, optionsOf } from './fields'
import { BAUD_PRESETS, DATA_BITS, FLOW_CONTROLS, PARITIES, STOP_BITS } from './serial-options'

type Serial = ProfileForm['serial']

const BAUD_OPTIONS = [...optionsOf(BAUD_PRESETS), { value: 'custom', label: 'Custom…' }]
const PARITY_OPTIONS = PARITIES.map((p) => ({ value: p, label: p.charAt(0).toUpperCase() + p.slice(1) }))

function portLabel(port: { path: string; manufacturer?: string | undefined; serialNumber?: string | undefined }): string {
  const extra = [port.manufacturer, port.serialNumber].filter(Boolean).join(', ')
  return extra ? `${port.path} (${extra})` : port.path
}

/** Asks the main process for ports once; serial.ports events keep the list fresh afterwards. */
function usePortList(): { refresh(): void; busy: boolean } {
  const { transport } = useLabContext()
  const setSerialPorts = useLab((s) => s.setSerialPorts)
  const [busy, setBusy] = useState(false)
  const load = useCallback(
    () =>
      transport
        .invoke('serial.listPorts', null)
        .then(({ ports, error }) => setSerialPorts(ports, error))
        .catch((err: Error) => setSerialPorts([], err.message)),
    [transport, setSerialPorts],
  )
  useEffect(() => {
    void load()
  }, [load])
  const refresh = (): void => {
    setBusy(true)
    void load().finally(() => setBusy(false))
  }
  return { refresh, busy }
}

export function SerialFields({
  value,
  errors,
  onChange,
}: {
  value: Serial
  errors: FormErrors
  onChange: (patch: Partial<Serial>) => void
}) {
  const ports = useLab((s) => s.serialPorts)
  const portsError = useLab((s) => s.serialPortsError)
  const { refresh, busy } = usePortList()
  const detected = [{ value: '', label: ports.length ? 'Choose a detected port…' : 'No ports detected' }].concat(
    ports.map((p) => ({ value: p.path, label: portLabel(p) })),
  )
  const chosen = ports.some((p) => p.path === value.path) ? value.path : ''

  return (
    <fieldset className="profile-fields">
      <legend>Serial console</legend>
      <div className="field-row">
        <SelectField
          label="Detected port"
          value={chosen}
          options={detected}
          hint={portsError ? `Could not list ports: ${portsError}` : undefined}
          onChange={(path) => path && onChange({ path })}
        />
        <button type="button" className="field-button" onClick={refresh} disabled={busy}>
          Refresh ports
        </button>
      </div>
      <TextField
        label="Device path"
        value={value.path}
        error={errors['serial.path']}
        placeholder="/dev/ttyUSB0, /dev/pts/5, COM3"
        onChange={(path) => onChange({ path })}
      />
      <div className="field-row">
        <SelectField label="Baud rate" value={value.baud} options={BAUD_OPTIONS} onChange={(baud) => onChange({ baud })} />
        {value.baud === 'custom' && (
          <TextField
            label="Custom baud rate"
            value={value.customBaud}
            error={errors['serial.baudRate']}
            inputMode="numeric"
            onChange={(customBaud) => onChange({ customBaud })}
          />
        )}
      </div>
      {value.baud !== 'custom' && errors['serial.baudRate'] && <small className="field-error">{errors['serial.baudRate']}</small>}
      <div className="field-row">
        <SelectField
          label="Data bits"
          value={value.dataBits}
          options={optionsOf(DATA_BITS)}
          onChange={(dataBits) => onChange({ dataBits })}
        />
        <SelectField label="Parity" value={value.parity} options={PARITY_OPTIONS} onChange={(parity) => onChange({ parity })} />
        <SelectField
          label="Stop bits"
          value={value.stopBits}
          options={optionsOf(STOP_BITS)}
          onChange={(stopBits) => onChange({ stopBits })}
        />
        <SelectField
          label="Flow control"
          value={value.flowControl}
          options={FLOW_CONTROLS}
          onChange={(flowControl) => onChange({ flowControl })}
        />
      </div>
      <div className="field-row">
        <CheckField label="DTR on open" checked={value.dtr} onChange={(dtr) => onChange({ dtr })} />
        <CheckField label="RTS on open" checked={value.rts} onChange={(rts) => onChange({ rts })} />
      </div>
    </fieldset>
  )
}
