import { useId, useState, type FormEvent } from 'react'
import { blockingFields, SITE_FIELDS, type ProcedureStep, type SiteVars, type StepView } from '../../../shared/procedure'
import { useLab } from '../../app/context'
import { useController } from './controller-context'
import type { StepState } from './step-state'

export interface StepActionsProps {
  readonly step: ProcedureStep
  readonly view: StepView
  readonly vars: SiteVars
  readonly state: StepState
  readonly hasRouterCheck: boolean
}

/** Send, verify, check off by hand (with a note), skip, reset. */
export function StepActions({ step, view, vars, state, hasRouterCheck }: StepActionsProps) {
  const controller = useController()
  const busy = useLab((s) => s.checklistRun !== null)
  const hasSession = useLab((s) => !!s.tabs.find((t) => t.tabId === s.activeTabId)?.sessionId)
  const id = useId()
  const [noting, setNoting] = useState(false)
  const [note, setNote] = useState('')
  const blocking = blockingFields(step, vars)
  const canSend = view.where === 'router' && view.commands.length > 0
  const why =
    blocking.length > 0
      ? `Fix first: ${blocking.map((f) => SITE_FIELDS[f].label).join(', ')}`
      : !hasSession
        ? 'Open a console session first'
        : undefined

  const done = (event: FormEvent): void => {
    event.preventDefault()
    controller.markDone(step.id, note)
    setNoting(false)
    setNote('')
  }

  return (
    <div className="step-actions">
      {canSend && (
        <button
          type="button"
          className="primary"
          disabled={busy || why !== undefined}
          title={why}
          onClick={() => void controller.run(step.id, 'send')}
        >
          Send to console
        </button>
      )}
      {hasRouterCheck && (
        <button
          type="button"
          disabled={busy || !hasSession}
          title={hasSession ? undefined : 'Open a console session first'}
          onClick={() => void controller.run(step.id, 'verify')}
        >
          Verify from router
        </button>
      )}
      {noting ? (
        <form className="done-form" onSubmit={done}>
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <input id={`${id}-note`} autoFocus maxLength={8192} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" className="primary">
            Confirm done
          </button>
          <button type="button" onClick={() => setNoting(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          {state !== 'done-by-hand' && state !== 'verified' && (
            <button type="button" disabled={busy} className={canSend ? '' : 'primary'} onClick={() => setNoting(true)}>
              Mark done
            </button>
          )}
          {state === 'not-started' && (
            <button type="button" disabled={busy} onClick={() => controller.skip(step.id)}>
              Skip
            </button>
          )}
          {state !== 'not-started' && (
            <button type="button" disabled={busy} onClick={() => controller.resetStep(step.id)}>
              Reset step
            </button>
          )}
        </>
      )}
      {why && canSend && <span className="hint">{why}</span>}
    </div>
  )
}
