import { useId, useState, type FormEvent } from 'react'
import { minLengthText } from './prompt-decision'
import { useController } from './controller-context'

export interface SecretQuestion {
  readonly label: string
  readonly note: string
  readonly confirm: boolean
  readonly minLength: number
}

/**
 * Asks for a passphrase or password the router wants right now. The value goes to the runner
 * (and on to the router as a secret line); it is never kept in the store or shown again.
 */
export function SecretDialog({ question }: { question: SecretQuestion }) {
  const controller = useController()
  const id = useId()
  const [value, setValue] = useState('')
  const [again, setAgain] = useState('')
  const tooShort = value.length < question.minLength
  const differs = question.confirm && again !== value
  const problem = tooShort ? minLengthText(question.minLength) : differs && again !== '' ? 'The two entries differ.' : undefined

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (tooShort || differs) return
    controller.answerSecret(value)
  }

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-t`}
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') controller.answerSecret(null)
        }}
      >
        <h3 id={`${id}-t`}>{question.label} needed</h3>
        <p className="dialog-message">The router asks for it now. {question.note} It is sent to the router only and not kept.</p>
        <div className="field">
          <label htmlFor={`${id}-v`}>{question.label}</label>
          <input id={`${id}-v`} type="password" autoComplete="off" autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
        {question.confirm && (
          <div className="field">
            <label htmlFor={`${id}-c`}>Confirm {question.label}</label>
            <input id={`${id}-c`} type="password" autoComplete="off" value={again} onChange={(e) => setAgain(e.target.value)} />
          </div>
        )}
        {problem && <p className="field-issue warning">{problem}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={() => controller.answerSecret(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={tooShort || differs}>
            Send to router
          </button>
        </div>
      </form>
    </div>
  )
}
