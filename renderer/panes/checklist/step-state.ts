import type { CucmConfirmation, ProcedureProgress, ProcedureStep, StoredStepProgress } from '../../../shared/procedure'

/**
 * The states the checklist shows, derived from the stored progress (see shared/procedure/progress.ts).
 * `awaiting-cucm`: the router output checks out, but the step depends on CUCM and CUCM's side is
 * not confirmed yet.
 */
export type StepState = 'not-started' | 'sent' | 'verified' | 'awaiting-cucm' | 'failed' | 'skipped' | 'done-by-hand'

export const STATE_LABEL: Readonly<Record<StepState, string>> = {
  'not-started': 'not started',
  sent: 'sent',
  verified: 'verified',
  'awaiting-cucm': 'router OK, confirm CUCM',
  failed: 'failed',
  skipped: 'skipped',
  'done-by-hand': 'done by hand',
}

export function stepState(progress: StoredStepProgress | undefined, step?: Pick<ProcedureStep, 'cucmConfirmation'>): StepState {
  switch (progress?.status) {
    case 'in-progress':
      return 'sent'
    case 'done':
      if (progress.doneBy === 'hand') return 'done-by-hand'
      return step?.cucmConfirmation && !progress.cucm ? 'awaiting-cucm' : 'verified'
    case 'failed':
      return 'failed'
    case 'skipped':
      return 'skipped'
    default:
      return 'not-started'
  }
}

/** Evidence kept per step: enough for a report, small enough that the state file stays light. */
export const EVIDENCE_MAX_CHARS = 64 * 1024

export function capEvidence(text: string): string {
  if (text.length <= EVIDENCE_MAX_CHARS) return text
  const note = `\n… (${text.length - EVIDENCE_MAX_CHARS} characters cut)`
  return text.slice(0, EVIDENCE_MAX_CHARS - note.length) + note
}

const keepNote = (prev: StoredStepProgress | undefined): Partial<StoredStepProgress> => (prev?.note ? { note: prev.note } : {})

/** Commands went to the router; the result is not checked yet. */
export function markSent(prev: StoredStepProgress | undefined, now: string): StoredStepProgress {
  return { status: 'in-progress', startedAt: now, ...keepNote(prev) }
}

/** The router's output shows the step worked (a CUCM confirmation already given is kept). */
export function markVerified(prev: StoredStepProgress | undefined, evidence: string, now: string): StoredStepProgress {
  return {
    status: 'done',
    doneBy: 'router',
    startedAt: prev?.startedAt ?? now,
    completedAt: now,
    evidence: capEvidence(evidence),
    ...keepNote(prev),
    ...(prev?.cucm ? { cucm: prev.cucm } : {}),
  }
}

/**
 * CUCM's side of a step is confirmed: by the engineer (`hand`, what they saw) or by CUCM's API.
 * Recorded in the step's own `cucm` field and in its evidence, so the report shows who saw what.
 */
export function markCucmConfirmed(prev: StoredStepProgress | undefined, confirmation: CucmConfirmation): StoredStepProgress {
  const who = confirmation.by === 'hand' ? 'confirmed by the engineer' : "confirmed by CUCM's API"
  const line = `CUCM side ${who} at ${String(confirmation.at)}${confirmation.detail ? `: ${confirmation.detail}` : ''}`
  const evidence = prev?.evidence ? `${prev.evidence}\n\n${line}` : line
  return { ...(prev ?? { status: 'pending' }), cucm: confirmation, evidence: capEvidence(evidence) }
}

/**
 * A CUCM step done through CUCM's API: what was changed and CUCM's answers are the evidence, and
 * the step counts as verified (by the API, not by hand).
 */
export function markDoneByCucm(prev: StoredStepProgress | undefined, evidence: string, now: string): StoredStepProgress {
  const all = prev?.evidence ? `${prev.evidence}\n\n${evidence}` : evidence
  return {
    status: 'done',
    startedAt: prev?.startedAt ?? now,
    completedAt: now,
    evidence: capEvidence(all),
    cucm: { by: 'api', at: now, detail: evidence.slice(0, 4096) },
    ...keepNote(prev),
  }
}

/** CUCM's answer kept with the step without finishing it (a change made, more to do). */
export function addCucmEvidence(prev: StoredStepProgress | undefined, evidence: string): StoredStepProgress {
  return { ...(prev ?? { status: 'pending' }), evidence: capEvidence(prev?.evidence ? `${prev.evidence}\n\n${evidence}` : evidence) }
}

export function markFailed(prev: StoredStepProgress | undefined, evidence: string, now: string): StoredStepProgress {
  return {
    status: 'failed',
    startedAt: prev?.startedAt ?? now,
    completedAt: now,
    ...(evidence ? { evidence: capEvidence(evidence) } : {}),
    ...keepNote(prev),
  }
}

/** The engineer confirms a step the app cannot see (a CUCM page, a phone screen), with an optional note. */
export function markDoneByHand(prev: StoredStepProgress | undefined, note: string, now: string): StoredStepProgress {
  const trimmed = note.trim().slice(0, 8 * 1024)
  return {
    status: 'done',
    doneBy: 'hand',
    startedAt: prev?.startedAt ?? now,
    completedAt: now,
    ...(prev?.evidence ? { evidence: prev.evidence } : {}),
    ...(trimmed ? { note: trimmed } : keepNote(prev)),
  }
}

export function markSkipped(prev: StoredStepProgress | undefined, now: string): StoredStepProgress {
  return { status: 'skipped', completedAt: now, ...keepNote(prev) }
}

const SETTLED: ReadonlySet<StepState> = new Set(['verified', 'done-by-hand', 'skipped'])

/** How many of the steps are finished (verified, done by hand or skipped): what a task's progress bar shows. */
export function taskProgress(
  steps: readonly ProcedureStep[],
  progress: ProcedureProgress,
): { settled: number; total: number; failed: number } {
  let settled = 0
  let failed = 0
  for (const step of steps) {
    const state = stepState(progress[step.id], step)
    if (SETTLED.has(state)) settled++
    if (state === 'failed') failed++
  }
  return { settled, total: steps.length, failed }
}

/** The first step of the list that is neither settled nor skipped: where to resume. */
export function nextStep(steps: readonly ProcedureStep[], progress: ProcedureProgress): ProcedureStep | undefined {
  return steps.find((step) => !SETTLED.has(stepState(progress[step.id], step)))
}
