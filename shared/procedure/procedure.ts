import { TASK1_BRIDGE_STEPS } from './task1-bridge'
import { TASK1_CA_STEPS } from './task1-ca'
import { TASK2_STEPS, TASK3_STEPS, TROUBLESHOOT_STEPS, VERIFY_STEPS } from './tasks-other'
import type { ProcedureStep, Task, TaskId } from './types'

export const TASKS: readonly Task[] = [
  {
    id: 'task1',
    title: 'Task 1 — secure conference bridge registered to CUCM',
    summary: 'IOS CA, bridge certificate, trust both ways, secure DSP farm over SCCP/TLS.',
  },
  { id: 'task2', title: 'Task 2 — phones in encrypted mode', summary: 'Encrypted device security profile on each phone.' },
  { id: 'task3', title: 'Task 3 — media resources', summary: 'MRG and MRGL holding the secure bridge, assigned to every phone.' },
  { id: 'verify', title: 'Verify', summary: 'Router state and a three-party secure conference.' },
  { id: 'troubleshoot', title: 'Troubleshoot', summary: 'Debugs, traces and the usual fixes.' },
]

/** The whole procedure, in order. */
export const PROCEDURE: readonly ProcedureStep[] = [
  ...TASK1_CA_STEPS,
  ...TASK1_BRIDGE_STEPS,
  ...TASK2_STEPS,
  ...TASK3_STEPS,
  ...VERIFY_STEPS,
  ...TROUBLESHOOT_STEPS,
]

const BY_ID = new Map(PROCEDURE.map((step) => [step.id, step]))

export function getStep(id: string): ProcedureStep | undefined {
  return BY_ID.get(id)
}

export function stepsOf(task: TaskId): ProcedureStep[] {
  return PROCEDURE.filter((step) => step.task === task)
}
