import { useId, useState } from 'react'
import type { SiteRecord } from '../../../shared/contract'
import { stepsOf, type Task } from '../../../shared/procedure'
import { StepCard } from './StepCard'
import { taskProgress } from './step-state'

/** "Task 1" of "Task 1 — secure conference bridge…": the name of its progress bar. */
export function shortTaskName(task: Task): string {
  return task.title.split(' — ')[0] ?? task.title
}

export interface TaskSectionProps {
  readonly task: Task
  readonly site: SiteRecord
  readonly nextStepId: string | undefined
}

/** A task with its progress bar; open while it holds the next step to do. */
export function TaskSection({ task, site, nextStepId }: TaskSectionProps) {
  const id = useId()
  const steps = stepsOf(task.id)
  const { settled, total, failed } = taskProgress(steps, site.progress)
  const holdsNext = steps.some((s) => s.id === nextStepId)
  // Opens when it comes to hold the next step, and stays open: finishing a task must not pull the list away.
  const [expanded, setExpanded] = useState(holdsNext)
  const [wasNext, setWasNext] = useState(holdsNext)
  if (holdsNext !== wasNext) {
    setWasNext(holdsNext)
    if (holdsNext) setExpanded(true)
  }
  const name = shortTaskName(task)
  return (
    <section className="task" aria-labelledby={`${id}-h`}>
      <h3 className="task-head">
        <button type="button" id={`${id}-h`} aria-expanded={expanded} aria-controls={`${id}-steps`} onClick={() => setExpanded(!expanded)}>
          <span className="chevron" aria-hidden="true" />
          {task.title}
        </button>
      </h3>
      <div className="task-progress">
        <progress
          aria-label={`${name} progress`}
          max={total}
          value={settled}
          aria-valuetext={`${settled} of ${total} steps done${failed ? `, ${failed} failed` : ''}`}
        />
        <span className="task-count">
          {settled}/{total}
          {failed > 0 && <span className="bad"> · {failed} failed</span>}
        </span>
      </div>
      {expanded && (
        <div id={`${id}-steps`} className="task-steps">
          <p className="task-summary">{task.summary}</p>
          {steps.map((step) => (
            <StepCard key={step.id} step={step} site={site} isNext={step.id === nextStepId} />
          ))}
        </div>
      )}
    </section>
  )
}
