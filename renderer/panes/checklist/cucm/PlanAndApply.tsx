import { useState } from 'react'
import type { CucmActionInput, CucmApplyResult, CucmPlan } from '../../../../shared/contract/cucm'
import { useLabContext } from '../../../app/context'

export interface PlanAndApplyProps {
  readonly siteId: string
  readonly action: CucmActionInput | undefined
  /** Why the action cannot be planned yet (shown instead of the button). */
  readonly notReady?: string
  readonly label: string
  /** The confirmation's button; for a restart it names the nodes. */
  readonly confirmLabel: (plan: CucmPlan) => string
  readonly danger?: boolean
  onDone(result: CucmApplyResult, plan: CucmPlan): void
}

/** Evidence text: what the plan said and what CUCM answered to each change. */
export function evidenceOf(plan: CucmPlan, result: CucmApplyResult | undefined): string {
  const lines = [`CUCM (${plan.kind}): ${result ? result.summary : plan.summary}`]
  for (const r of result?.results ?? []) lines.push(`- ${r.description}\n  CUCM answered: ${r.answer}`)
  for (const u of plan.unchanged) lines.push(`- already right: ${u}`)
  return lines.join('\n')
}

/** Plan (read CUCM), show exactly what will change, ask, then apply that plan and nothing else. */
export function PlanAndApply({ siteId, action, notReady, label, confirmLabel, danger, onDone }: PlanAndApplyProps) {
  const { transport } = useLabContext()
  const [plan, setPlan] = useState<CucmPlan>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const [done, setDone] = useState<string>()

  const look = async (): Promise<void> => {
    if (!action) return
    setBusy(true)
    setProblem(undefined)
    setDone(undefined)
    try {
      setPlan(await transport.invoke('cucm.plan', { site: siteId, action }))
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const apply = async (shown: CucmPlan): Promise<void> => {
    if (!action) return
    setBusy(true)
    try {
      const result = await transport.invoke('cucm.apply', { site: siteId, action, planHash: shown.planHash })
      setPlan(undefined)
      setDone(result.summary)
      onDone(result, shown)
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const nothingToDo = plan && plan.changes.length === 0 && plan.blockers.length === 0
  return (
    <div className="cucm-action">
      {notReady ? (
        <p className="hint">{notReady}</p>
      ) : (
        <button type="button" disabled={busy || !action} onClick={() => void look()}>
          {label}
        </button>
      )}
      {plan && (
        <div
          className={`cucm-plan ${danger && plan.changes.length > 0 ? 'dialog-danger' : ''}`}
          role="alertdialog"
          aria-label={`${label}: what will change`}
        >
          <p>
            <strong>{plan.summary}</strong>
          </p>
          {plan.changes.length > 0 && (
            <>
              <p>It will change:</p>
              <ol className="cucm-changes">
                {plan.changes.map((c) => (
                  <li key={`${c.operation}-${c.description}`}>{c.description}</li>
                ))}
              </ol>
            </>
          )}
          {plan.unchanged.length > 0 && (
            <ul className="cucm-unchanged">
              {plan.unchanged.map((u) => (
                <li key={u}>Already right: {u}</li>
              ))}
            </ul>
          )}
          {plan.warnings.map((w) => (
            <p key={w} className="step-message warning" role="alert">
              {w}
            </p>
          ))}
          {plan.blockers.map((b) => (
            <p key={b} className="step-message error" role="alert">
              {b}
            </p>
          ))}
          {plan.blockers.length === 0 && !plan.readOnly && (
            <button
              type="button"
              className={danger && plan.changes.length > 0 ? 'danger' : 'primary'}
              disabled={busy}
              onClick={() => void apply(plan)}
            >
              {nothingToDo ? 'Record: nothing to change' : confirmLabel(plan)}
            </button>
          )}
          <button type="button" onClick={() => setPlan(undefined)}>
            Cancel
          </button>
        </div>
      )}
      {problem && (
        <p className="step-message error cucm-error" role="alert">
          {problem}
        </p>
      )}
      {done && (
        <p className="step-message info" role="status">
          {done}
        </p>
      )}
    </div>
  )
}
