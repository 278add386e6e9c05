import { useLab } from './context'

/** Messages that belong to no single pane: a damaged settings file, a lost host connection. */
export function Notices() {
  const notices = useLab((s) => s.notices)
  const dismiss = useLab((s) => s.dismissNotice)
  if (notices.length === 0) return null
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} role={n.level === 'info' ? 'status' : 'alert'}>
          <span>{n.message}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
