import { useState, type FormEvent } from 'react'
import { Profile } from '../../../shared/contract'
import { useLab } from '../../app/context'
import { parseQuickConnect, type QuickConnectResult } from './quick-connect'
import { describeSerial } from './serial-options'
import { KIND_LABELS, profileIdFor } from './profile-form'

function describe(profile: Profile): string {
  const spec = profile.spec
  switch (spec.kind) {
    case 'ssh':
      return `SSH ${spec.username}@${spec.host}${spec.port === 22 ? '' : `:${spec.port}`}`
    case 'serial':
      return `Serial ${spec.path} ${describeSerial(spec)}`
    case 'telnet':
      return `Telnet ${spec.host}:${spec.port}${spec.comPort ? ' (RFC 2217)' : ''}`
    case 'shell':
      return spec.shell ? `Local shell ${spec.shell}` : 'Local shell'
    case 'practice':
      return `Practice router, lab ${spec.lab}`
  }
}

/** The typed target with the legacy switch applied (it only means something for SSH). */
function withLegacy(result: QuickConnectResult, legacy: boolean): QuickConnectResult {
  if (!result.ok || result.spec.kind !== 'ssh' || !legacy) return result
  return { ...result, spec: { ...result.spec, legacyAlgorithms: true } }
}

function QuickConnect({ onOpened }: { onOpened: () => void }) {
  const openSession = useLab((s) => s.openSession)
  const profiles = useLab((s) => s.profiles)
  const saveProfile = useLab((s) => s.saveProfile)
  const [text, setText] = useState('')
  const [legacy, setLegacy] = useState(false)
  const [error, setError] = useState<string>()
  const [saved, setSaved] = useState<string>()
  const parse = (): QuickConnectResult => withLegacy(parseQuickConnect(text), legacy)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = parse()
    if (!result.ok) {
      setError(result.error)
      return
    }
    setError(undefined)
    setSaved(undefined)
    setText('')
    void openSession(result.spec, { label: result.label })
    onOpened()
  }
  const saveAsProfile = (): void => {
    const result = parse()
    if (!result.ok) {
      setError(result.error)
      return
    }
    const taken = profiles.map((p) => p.name.toLowerCase())
    let name = result.label.slice(0, 64)
    for (let n = 2; taken.includes(name.toLowerCase()); n += 1) name = `${result.label.slice(0, 60)} (${n})`
    const profile = Profile.safeParse({
      id: profileIdFor(
        name,
        profiles.map((p) => p.id),
      ),
      name,
      spec: result.spec,
    })
    if (!profile.success) {
      setError(profile.error.issues[0]?.message ?? 'cannot be saved as a profile')
      return
    }
    saveProfile(profile.data)
    setError(undefined)
    setSaved(`Saved as profile "${name}"`)
  }
  return (
    <form className="quick-connect" onSubmit={submit}>
      <label htmlFor="quick-connect-input">Quick connect</label>
      <div className="field-row">
        <input
          id="quick-connect-input"
          value={text}
          placeholder="admin@10.0.0.1  ·  telnet 10.0.0.5 2001  ·  /dev/ttyUSB0 9600"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setText(e.target.value)
            setSaved(undefined)
          }}
        />
        <button type="submit">Connect</button>
      </div>
      <div className="field-row">
        <label className="field-inline">
          <input type="checkbox" checked={legacy} onChange={(e) => setLegacy(e.target.checked)} />
          <span>Legacy IOS algorithms (SSH)</span>
        </label>
        <button type="button" onClick={saveAsProfile} disabled={text.trim() === ''}>
          Save as profile
        </button>
      </div>
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
      {saved && (
        <small className="field-hint" role="status">
          {saved}
        </small>
      )}
    </form>
  )
}

/** Saved connections and a quick way in without saving one. */
export function ConnectionsPanel({ onEdit, onOpened }: { onEdit: (profile: Profile | undefined) => void; onOpened: () => void }) {
  const profiles = useLab((s) => s.profiles)
  const openSession = useLab((s) => s.openSession)
  const open = (profile: Profile): void => {
    void openSession(profile.spec, {
      label: profile.name,
      options: { profileName: profile.name, log: profile.log, lineHandling: profile.lineHandling },
    })
    onOpened()
  }

  return (
    <aside className="connections" aria-label="Connections">
      <QuickConnect onOpened={onOpened} />
      <div className="connections-head">
        <h3>Profiles</h3>
        <button type="button" onClick={() => onEdit(undefined)}>
          New profile
        </button>
      </div>
      {profiles.length === 0 && <p className="placeholder">No saved profiles yet.</p>}
      <ul className="profile-list" aria-label="Profiles">
        {profiles.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="profile-open"
              aria-label={`Open ${p.name}`}
              title={`${describe(p)} — ${KIND_LABELS[p.spec.kind]}`}
              onClick={() => open(p)}
            >
              <span className="profile-name">{p.name}</span>
              <small>{describe(p)}</small>
            </button>
            <button type="button" className="profile-edit" aria-label={`Edit ${p.name}`} onClick={() => onEdit(p)}>
              Edit
            </button>
          </li>
        ))}
      </ul>
    </aside>
  )
}
