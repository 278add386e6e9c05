import { useId } from 'react'

export interface ConfirmDialogProps {
  readonly title: string
  readonly message: string
  readonly confirmLabel: string
  readonly danger?: boolean
  onConfirm(): void
  onCancel(): void
}

/** Asks before something that cannot be undone (reset, delete, accepting an unverified certificate). */
export function ConfirmDialog({ title, message, confirmLabel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const id = useId()
  return (
    <div className="dialog-backdrop">
      <div
        className={`dialog ${danger ? 'dialog-danger' : ''}`}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-m`}
      >
        <h3 id={`${id}-t`}>{title}</h3>
        <p id={`${id}-m`} className="dialog-message">
          {message}
        </p>
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  )
}
