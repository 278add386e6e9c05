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

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void answerPrompt(prompt, isHostKey ? { accept: true } : { answers, ...(remember ? { remember } : {}) })
  }
  const cancel = (): void => {
    void answerPrompt(prompt, isHostKey ? { accept: false } : {})
  }

  return (
    <div className="dialog-backdrop">
      <form
        className={`dialog ${prompt.kind === 'host-key-changed' ? 'dialog-danger' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${prompt.promptId}-title`}
        onSubmit={submit}
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
          <button type="button" onClick={cancel}>
            {isHostKey ? 'Do not trust' : 'Cancel'}
          </button>
          <button type="submit" className="primary">
            {prompt.kind === 'host-key-changed' ? 'Replace the stored key and connect' : isHostKey ? 'Trust and connect' : 'OK'}
          </button>
        </div>
      </form>
    </div>
  )
}
