import { pasteLineCount } from './paste'
import { describeLineTime, pasteBytes, type SlowLine } from './line-rate'

const PREVIEW_LINES = 8

/**
 * Every line of a paste runs as a command on the device: say how many before sending them. On a
 * slow console line (serial, console server) paced sending is the default button, and the time
 * the line needs is shown; sending it all at once stays one click away.
 */
export function PasteConfirmDialog({
  text,
  slowLine,
  onPaste,
  onPaced,
  onCancel,
}: {
  text: string
  slowLine: SlowLine | undefined
  onPaste: () => void
  onPaced: () => void
  onCancel: () => void
}) {
  const lines = pasteLineCount(text)
  const all = text.split(/\r\n|\r|\n/)
  const preview = all.slice(0, PREVIEW_LINES)
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="paste-confirm-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel()
        }}
      >
        <h3 id="paste-confirm-title">Paste {lines} lines?</h3>
        <p className="dialog-message">
          {slowLine
            ? 'This is a slow console line: a paste sent all at once overflows the router’s input buffer and lines are lost. "Paste paced" waits for the echo of each line.'
            : 'Each line is sent as a command. On a slow console, "Paste paced" waits for the echo of each line so none is lost.'}
        </p>
        {slowLine && (
          <p className="paste-time" role="status">
            {describeLineTime(pasteBytes(all.slice(0, lines)), slowLine)}.
          </p>
        )}
        <pre className="paste-preview">
          {preview.join('\n')}
          {lines > PREVIEW_LINES ? `\n… ${lines - PREVIEW_LINES} more` : ''}
        </pre>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={slowLine ? 'primary' : undefined} autoFocus={slowLine !== undefined} onClick={onPaced}>
            Paste paced
          </button>
          <button type="button" className={slowLine ? undefined : 'primary'} autoFocus={slowLine === undefined} onClick={onPaste}>
            {slowLine ? 'Paste all at once' : 'Paste'}
          </button>
        </div>
      </div>
    </div>
  )
}
