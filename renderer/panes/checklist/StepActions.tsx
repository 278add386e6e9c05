import { useId, useState, type FormEvent } from 'react'
import { blockingFields, renderText, SITE_FIELDS, type ProcedureStep, type SiteVars, type StepView } from '../../../shared/procedure'
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
  const [confirmingCucm, setConfirmingCucm] = useState(false)
  const [seen, setSeen] = useState('')
  const cucmCheck = step.cucmConfirmation ? renderText(step.cucmConfirmation, vars) : undefined
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

  const confirmCucm = (event: FormEvent): void => {
    event.preventDefault()
    controller.confirmCucm(step.id, seen)
    setConfirmingCucm(false)
    setSeen('')
  }

  return (
    <div className="step-actions">
      {state === 'awaiting-cucm' && cucmCheck && (
        <div className="cucm-confirm" role="status">
          <p>The router side checks out. This step also depends on CUCM, which the router cannot show: {cucmCheck}</p>
          {confirmingCucm ? (
            <form className="done-form" onSubmit={confirmCucm}>
              <label htmlFor={`${id}-seen`}>What CUCM shows (optional)</label>
              <input id={`${id}-seen`} autoFocus maxLength={4096} value={seen} onChange={(e) => setSeen(e.target.value)} />
              <button type="submit" className="primary">
                Confirm CUCM side
              </button>
              <button type="button" onClick={() => setConfirmingCucm(false)}>
                Cancel
              </button>
            </form>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={() => setConfirmingCucm(true)}>
              I checked CUCM
            </button>
          )}
        </div>
      )}
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
          {state !== 'done-by-hand' && state !== 'verified' && state !== 'awaiting-cucm' && (
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
