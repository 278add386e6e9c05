import { pasteLineCount } from './paste'

const PREVIEW_LINES = 8

/** Every line of a paste runs as a command on the device: say how many before sending them. */
export function PasteConfirmDialog({
  text,
  onPaste,
  onPaced,
  onCancel,
}: {
  text: string
  onPaste: () => void
  onPaced: () => void
  onCancel: () => void
}) {
  const lines = pasteLineCount(text)
  const preview = text.split(/\r\n|\r|\n/).slice(0, PREVIEW_LINES)
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="paste-confirm-title">
        <h3 id="paste-confirm-title">Paste {lines} lines?</h3>
        <p className="dialog-message">
          Each line is sent as a command. On a slow console, &quot;Paste paced&quot; waits for the echo of each line so none is lost.
        </p>
        <pre className="paste-preview">
          {preview.join('\n')}
          {lines > PREVIEW_LINES ? `\n… ${lines - PREVIEW_LINES} more` : ''}
        </pre>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" onClick={onPaced}>
            Paste paced
          </button>
          <button type="button" className="primary" autoFocus onClick={onPaste}>
            Paste
          </button>
        </div>
      </div>
    </div>
  )
}
