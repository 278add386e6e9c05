import { useState, type FormEvent } from 'react'
import type { SessionPrompt } from '../../../shared/contract'
import { useLab } from '../../app/context'

/**
 * A question from a session (password, keyboard-interactive, host key). Answers go straight to
 * the main process and are not kept in the store.
 */
export function PromptDialog({ prompt }: { prompt: SessionPrompt }) {
  const answerPrompt = useLab((s) => s.answerPrompt)
  const [answers, setAnswers] = useState<string[]>(() => prompt.fields.map(() => ''))
  const [remember, setRemember] = useState(false)
  const isHostKey = prompt.kind === 'host-key-new' || prompt.kind === 'host-key-changed'
  // A changed key may be an attack: Enter means the safe answer, replacing takes a deliberate click.
  const changedKey = prompt.kind === 'host-key-changed'

  const accept = (): void => {
    void answerPrompt(prompt, isHostKey ? { accept: true } : { answers, ...(remember ? { remember } : {}) })
  }
  const cancel = (): void => {
    void answerPrompt(prompt, isHostKey ? { accept: false } : {})
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (changedKey) cancel()
    else accept()
  }

  return (
    <div className="dialog-backdrop">
      <form
        className={`dialog ${prompt.kind === 'host-key-changed' ? 'dialog-danger' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${prompt.promptId}-title`}
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return
          e.preventDefault()
          cancel()
        }}
      >
        <h3 id={`${prompt.promptId}-title`}>{prompt.title}</h3>
        <p className="dialog-message">{prompt.message}</p>
        {prompt.fingerprint && <code className="fingerprint">{prompt.fingerprint}</code>}
        {prompt.fields.map((field, i) => (
          <label key={i} className="field">
            <span>{field.label}</span>
            <input
              type={field.echo ? 'text' : 'password'}
              autoComplete="off"
              autoFocus={i === 0}
              value={answers[i] ?? ''}
              onChange={(e) => setAnswers((a) => a.map((v, j) => (j === i ? e.target.value : v)))}
            />
          </label>
        ))}
        {prompt.rememberable && (
          <label className="field-inline">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            <span>Remember in the system keychain</span>
          </label>
        )}
        <div className="dialog-actions">
          {changedKey ? (
            <>
              <button type="button" className="danger" onClick={accept}>
                Replace the stored key and connect
              </button>
              <button type="submit" className="primary" autoFocus>
                Do not connect
              </button>
            </>
          ) : (
            <>
              <button type="button" onClick={cancel}>
                {isHostKey ? 'Do not trust' : 'Cancel'}
              </button>
              <button type="submit" className="primary" autoFocus={isHostKey}>
                {isHostKey ? 'Trust and connect' : 'OK'}
              </button>
            </>
          )}
        </div>
      </form>
    </div>
  )
}
