import { useId, useMemo, useState } from 'react'
import type { SiteRecord } from '../../../shared/contract'
import { renderCommands, renderStep, verificationCommands, type ProcedureStep } from '../../../shared/procedure'
import { useLab } from '../../app/context'
import { stepMessageKey } from '../../store/procedure-slice'
import { CallManagerChooser } from './CallManagerChooser'
import { buildRunContext, recomputeVerification } from './run-context'
import { STATE_LABEL, stepState } from './step-state'
import { StepActions } from './StepActions'
import { CucmStepActions } from './cucm/CucmStepActions'
import { StepDetails } from './StepDetails'
import { StepResult } from './StepResult'
import { UploadSetButton } from './UploadSetButton'
import { parseWorkbench } from './workbench-certs'

export interface StepCardProps {
  readonly step: ProcedureStep
  readonly site: SiteRecord
  /** The step to do next: shown open unless the engineer closed it. */
  readonly isNext: boolean
}

/** One step: collapsed to its title and state, open for everything needed to do and check it. */
export function StepCard({ step, site, isNext }: StepCardProps) {
  const id = useId()
  const progress = site.progress[step.id]
  const state = stepState(progress, step)
  const running = useLab((s) => s.checklistRun?.stepId === step.id && s.checklistRun.siteId === site.id)
  const message = useLab((s) => s.stepMessages[stepMessageKey(site.id, step.id)])
  const certificates = useLab((s) => s.certificates)
  const chosenId = useLab((s) => s.callManagerCertId)
  const [toggled, setToggled] = useState<boolean>()
  const expanded = toggled ?? (isNext || running || state === 'failed')

  const view = useMemo(() => renderStep(step, site.vars), [step, site.vars])
  const wrapped = useMemo(() => renderCommands(step, site.vars, { wrapConfig: true }), [step, site.vars])
  const hasRouterCheck = verificationCommands(step.id, site.vars).length > 0
  const verification = useMemo(() => {
    if (!expanded || state !== 'failed') return undefined
    return recomputeVerification(step.id, progress, site.vars, buildRunContext(site, parseWorkbench(certificates), chosenId).verification)
  }, [expanded, state, certificates, chosenId, step.id, progress, site])

  return (
    <article className={`step state-${state} ${running ? 'running' : ''}`} aria-labelledby={`${id}-title`}>
      <h4 className="step-head">
        <button
          type="button"
          id={`${id}-title`}
          aria-expanded={expanded}
          aria-controls={`${id}-body`}
          onClick={() => setToggled(!expanded)}
        >
          <span className="chevron" aria-hidden="true" />
          <span className="visually-hidden">Step {step.number}: </span>
          <span className="step-num" aria-hidden="true">
            {step.number}
          </span>{' '}
          {view.title}
        </button>
        <span className={`state-badge ${state}`} title={progress?.completedAt ? String(progress.completedAt) : undefined}>
          {STATE_LABEL[state]}
        </span>
      </h4>
      {expanded && (
        <div id={`${id}-body`} className="step-body">
          <StepDetails view={view} wrapped={wrapped} />
          {(step.id === 't1-08' || step.id === 't1-09') && <CallManagerChooser vars={site.vars} />}
          {step.id === 't1-11' && <UploadSetButton vars={site.vars} />}
          <CucmStepActions stepId={step.id} site={site} />
          <StepActions step={step} view={view} vars={site.vars} state={state} hasRouterCheck={hasRouterCheck} />
          <StepResult progress={progress} message={message} verification={verification} />
        </div>
      )}
    </article>
  )
}
