import { useMemo } from 'react'
import { PROCEDURE, TASKS } from '../../../shared/procedure'
import { useLab, useLabContext } from '../../app/context'
import { selectActiveSite } from '../../store/procedure-slice'
import { ChecklistToolbar } from './ChecklistToolbar'
import { ChecklistController } from './controller'
import { ControllerContext } from './controller-context'
import { RunPanel } from './RunPanel'
import { SiteBar } from './SiteBar'
import { SiteForm } from './SiteForm'
import { nextStep } from './step-state'
import { TaskSection } from './TaskSection'
import { CucmProvider } from './cucm/cucm-context'
import { CucmPanel } from './cucm/CucmPanel'

// Troubleshooting is done when needed, not in order: it never holds "the next step".
const IN_ORDER = PROCEDURE.filter((s) => s.task !== 'troubleshoot')

/** The CUCM secure-conference procedure as a live, resumable runbook, one site at a time. */
export function ChecklistPane() {
  const { store, transport } = useLabContext()
  const controller = useMemo(() => new ChecklistController(store, transport), [store, transport])
  const site = useLab(selectActiveSite)
  const next = site ? nextStep(IN_ORDER, site.progress) : undefined
  // The practice CUCM belongs to the lab of the practice router in use.
  const practiceLab = useLab((s) => s.tabs.map((t) => t.spec).find((spec) => spec.kind === 'practice')?.lab ?? 'default')

  return (
    <ControllerContext.Provider value={controller}>
      <CucmProvider practiceLab={practiceLab}>
        <div className="checklist">
          <div className="checklist-head">
            <h2 className="pane-title">Checklist</h2>
            <SiteBar />
          </div>
          <RunPanel />
          {site ? (
            <>
              <SiteForm key={site.id} site={site} />
              <CucmPanel key={`cucm-${site.id}`} site={site} />
              <ChecklistToolbar site={site} />
              {TASKS.map((task) => (
                <TaskSection key={`${site.id}-${task.id}`} task={task} site={site} nextStepId={next?.id} />
              ))}
            </>
          ) : (
            <p className="placeholder">Add a site to start: each site keeps its own variables and progress.</p>
          )}
        </div>
      </CucmProvider>
    </ControllerContext.Provider>
  )
}
