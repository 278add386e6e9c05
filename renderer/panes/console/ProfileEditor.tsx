import { useState, type FormEvent } from 'react'
import type { Profile, SessionKind } from '../../../shared/contract'
import { useLab } from '../../app/context'
import { KIND_LABELS, emptyForm, formFromProfile, validateProfileForm, type FormErrors, type ProfileForm } from './profile-form'
import { SelectField, TextField } from './fields'
import { SshFields } from './SshFields'
import { SerialFields } from './SerialFields'
import { TelnetFields } from './TelnetFields'
import { LineHandlingFields, LogFields } from './SessionOptionFields'

const KIND_OPTIONS = (Object.keys(KIND_LABELS) as SessionKind[]).map((value) => ({ value, label: KIND_LABELS[value] }))

type Section = 'ssh' | 'serial' | 'telnet' | 'shell' | 'practice' | 'log' | 'lineHandling'

/** New / Edit / Delete of a saved connection. Checked with the contract's schema before saving. */
export function ProfileEditor({ profile, onClose }: { profile?: Profile; onClose: () => void }) {
  const profiles = useLab((s) => s.profiles)
  const saveProfile = useLab((s) => s.saveProfile)
  const removeProfile = useLab((s) => s.removeProfile)
  const [form, setForm] = useState<ProfileForm>(() => (profile ? formFromProfile(profile) : emptyForm()))
  const [errors, setErrors] = useState<FormErrors>({})
  const [confirmDelete, setConfirmDelete] = useState(false)

  function patch<S extends Section>(section: S, change: Partial<ProfileForm[S]>): void {
    setForm((f) => ({ ...f, [section]: { ...f[section], ...change } }))
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = validateProfileForm(form, profiles)
    if (!result.ok) {
      setErrors(result.errors)
      return
    }
    saveProfile(result.profile)
    onClose()
  }

  const title = profile ? `Edit profile ${profile.name}` : 'New profile'
  return (
    <div className="dialog-backdrop">
      <form className="dialog profile-editor" role="dialog" aria-modal="true" aria-label={title} onSubmit={submit} noValidate>
        <h3>{title}</h3>
        <div className="field-row">
          <TextField label="Profile name" value={form.name} error={errors.name} onChange={(name) => setForm((f) => ({ ...f, name }))} />
          <SelectField label="Kind" value={form.kind} options={KIND_OPTIONS} onChange={(kind) => setForm((f) => ({ ...f, kind }))} />
        </div>
        {form.kind === 'ssh' && <SshFields value={form.ssh} errors={errors} onChange={(c) => patch('ssh', c)} />}
        {form.kind === 'serial' && <SerialFields value={form.serial} errors={errors} onChange={(c) => patch('serial', c)} />}
        {form.kind === 'telnet' && <TelnetFields value={form.telnet} errors={errors} onChange={(c) => patch('telnet', c)} />}
        {form.kind === 'shell' && (
          <TextField
            label="Shell path (optional)"
            value={form.shell.shell}
            error={errors['shell.shell']}
            placeholder="your login shell"
            onChange={(shell) => patch('shell', { shell })}
          />
        )}
        {form.kind === 'practice' && (
          <TextField
            label="Lab name"
            value={form.practice.lab}
            error={errors['practice.lab']}
            onChange={(lab) => patch('practice', { lab })}
          />
        )}
        <LineHandlingFields value={form.lineHandling} onChange={(c) => patch('lineHandling', c)} />
        <LogFields value={form.log} errors={errors} onChange={(c) => patch('log', c)} />
        {Object.keys(errors).length > 0 && (
          <p className="field-error" role="status">
            Fix the fields marked above to save.
          </p>
        )}
        <div className="dialog-actions">
          {profile && !confirmDelete && (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          )}
          {profile && confirmDelete && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                removeProfile(profile.id)
                onClose()
              }}
            >
              Really delete {profile.name}
            </button>
          )}
          <span className="spacer" />
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
