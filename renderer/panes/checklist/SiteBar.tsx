import { useId, useState, type FormEvent } from 'react'
import { useLab } from '../../app/context'
import { selectActiveSite } from '../../store/procedure-slice'
import { ConfirmDialog } from './ConfirmDialog'

type Editing = { mode: 'add' | 'rename'; name: string } | null

/** Sites kept side by side, each with its own variables and progress: add, rename, delete, switch. */
export function SiteBar() {
  const sites = useLab((s) => s.sites)
  const active = useLab(selectActiveSite)
  const busy = useLab((s) => s.checklistRun !== null)
  const addSite = useLab((s) => s.addSite)
  const renameSite = useLab((s) => s.renameSite)
  const deleteSite = useLab((s) => s.deleteSite)
  const selectSite = useLab((s) => s.selectSite)
  const id = useId()
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState(false)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!editing || editing.name.trim() === '') return
    if (editing.mode === 'add') addSite(editing.name)
    else if (active) renameSite(active.id, editing.name)
    setEditing(null)
  }

  return (
    <div className="site-bar">
      {sites.length > 0 && (
        <div className="site-select">
          <label htmlFor={`${id}-site`}>Site</label>
          <select id={`${id}-site`} value={active?.id ?? ''} disabled={busy} onChange={(e) => selectSite(e.target.value)}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {editing ? (
        <form className="site-edit" onSubmit={submit}>
          <label htmlFor={`${id}-name`} className="visually-hidden">
            {editing.mode === 'add' ? 'New site name' : 'Site name'}
          </label>
          <input
            id={`${id}-name`}
            autoFocus
            maxLength={64}
            value={editing.name}
            onChange={(e) => setEditing({ ...editing, name: e.target.value })}
          />
          <button type="submit" className="primary">
            {editing.mode === 'add' ? 'Create site' : 'Save name'}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="site-actions">
          <button type="button" disabled={busy} onClick={() => setEditing({ mode: 'add', name: `Site ${sites.length + 1}` })}>
            Add site
          </button>
          {active && (
            <>
              <button type="button" onClick={() => setEditing({ mode: 'rename', name: active.name })}>
                Rename site
              </button>
              <button type="button" disabled={busy} onClick={() => setDeleting(true)}>
                Delete site
              </button>
            </>
          )}
        </div>
      )}
      {deleting && active && (
        <ConfirmDialog
          title={`Delete ${active.name}?`}
          message="Its variables and progress are removed. Certificates in the workbench stay."
          confirmLabel="Delete site"
          danger
          onConfirm={() => {
            deleteSite(active.id)
            setDeleting(false)
          }}
          onCancel={() => setDeleting(false)}
        />
      )}
    </div>
  )
}
