import { useRef } from 'react'
import type { Intake } from './use-intake'

/** The paste box, Add and Open…; dropping files anywhere on the pane is handled by CertsPane. */
export function CertInput({ intake }: { intake: Intake }) {
  const text = useRef<HTMLTextAreaElement>(null)
  const files = useRef<HTMLInputElement>(null)

  // Uncontrolled on purpose: a 10 MB paste must not re-render the pane on every change.
  // The text leaves the box while it is read: as long as the box holds a large paste, every frame
  // lays it out again (about 90 ms for 300 certificates), so reading and listing would stutter.
  // It comes back when the paste needs fixing (an error, a cancel), unless something new was typed.
  const add = async (): Promise<void> => {
    const box = text.current
    if (!box) return
    const pasted = box.value
    box.value = ''
    const report = await intake.addText(pasted)
    const fix = !report || report.problems.some((p) => p.severity === 'error')
    if (fix && pasted.trim() && box.value === '') box.value = pasted
  }

  return (
    <div className="certs-input">
      <textarea
        ref={text}
        aria-label="PEM input"
        rows={3}
        spellCheck={false}
        placeholder="Paste PEM, base64 or router output (crypto pki export … pem terminal), or drop .pem / .der / .cer / .p7b files"
      />
      <div className="certs-row">
        <button type="button" className="primary" onClick={() => void add()} disabled={intake.busy !== undefined}>
          Add
        </button>
        <button type="button" onClick={() => files.current?.click()} disabled={intake.busy !== undefined}>
          Open…
        </button>
        <input
          ref={files}
          type="file"
          multiple
          hidden
          aria-label="Certificate files"
          accept=".pem,.crt,.cer,.der,.p7b,.p7c,.txt,.key,.log"
          onChange={(e) => {
            const chosen = [...(e.currentTarget.files ?? [])]
            e.currentTarget.value = ''
            void intake.addFiles(chosen)
          }}
        />
        {intake.busy !== undefined && (
          <span role="status" className="certs-pending">
            <span className="certs-spinner" aria-hidden="true" />
            Reading {intake.busy}…
            <button type="button" onClick={intake.cancel}>
              Cancel
            </button>
          </span>
        )}
      </div>
    </div>
  )
}
