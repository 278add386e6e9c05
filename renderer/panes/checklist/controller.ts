import type { LabTransport } from '../../../shared/contract'
import { getStep, type StoredStepProgress } from '../../../shared/procedure'
import type { LabStore } from '../../store'
import { selectActiveSite, type RunQuestion } from '../../store/procedure-slice'
import { transportPort } from './console-port'
import type { Decision } from './prompt-answering'
import { buildRunContext } from './run-context'
import { sendStep, verifyStep, type RunnerHooks, type RunOutcome } from './runner'
import {
  addCucmEvidence,
  markDoneByCucm,
  markCucmConfirmed,
  markDoneByHand,
  markFailed,
  markSent,
  markSkipped,
  markVerified,
  capEvidence,
} from './step-state'
import { parseWorkbench } from './workbench-certs'

const now = (): string => new Date().toISOString()

/**
 * Runs checklist steps against the active console and carries the answers to the router's
 * questions from the pane's dialogs to the runner. Passphrases pass through here on their way to
 * session.exec (secret) and are never put in the store.
 */
export class ChecklistController {
  private secretAnswer: ((value: string | null) => void) | undefined
  private decisionAnswer: ((value: Decision) => void) | undefined
  private stopRequested = false
  private wake: (() => void) | undefined

  constructor(
    private readonly store: LabStore,
    private readonly transport: LabTransport,
  ) {}

  private activeTab(): { sessionId?: string; kind: string } | undefined {
    const s = this.store.getState()
    const tab = s.tabs.find((t) => t.tabId === s.activeTabId)
    return tab ? { ...(tab.sessionId ? { sessionId: tab.sessionId } : {}), kind: tab.spec.kind } : undefined
  }

  async run(stepId: string, action: 'send' | 'verify'): Promise<void> {
    const state = this.store.getState()
    const site = selectActiveSite(state)
    const step = getStep(stepId)
    if (state.checklistRun || !site || !step) return
    const siteId = site.id
    const tab = this.activeTab()
    const sessionId = tab?.sessionId
    if (!sessionId) {
      state.setStepMessage(siteId, stepId, { level: 'error', text: 'No console session is open: open the router in the console first.' })
      return
    }
    // A root shell's `#` prompt looks like a router's: never type router commands into a local shell.
    if (tab.kind === 'shell') {
      state.setStepMessage(siteId, stepId, {
        level: 'error',
        text: 'The active console tab is a local shell, not a router: switch to the router tab first.',
      })
      return
    }
    this.stopRequested = false
    const context = buildRunContext(site, parseWorkbench(state.certificates), state.callManagerCertId)
    const setRun = (patch: { message?: string; question?: RunQuestion | undefined }): void => {
      const current = this.store.getState().checklistRun
      if (!current) return
      const next = { ...current, ...patch }
      if (patch.question === undefined && 'question' in patch) delete next.question
      this.store.getState().setChecklistRun(next)
    }
    state.setChecklistRun({ siteId, stepId, action, message: 'Starting' })
    state.setStepMessage(siteId, stepId, undefined)
    const progressOf = (): StoredStepProgress | undefined => this.store.getState().sites.find((s) => s.id === siteId)?.progress[stepId]
    const hooks: RunnerHooks = {
      progress: (message) => setRun({ message }),
      sent: () => this.store.getState().setStepProgress(siteId, stepId, markSent(progressOf(), now())),
      askSecret: (question) =>
        new Promise<string | null>((resolve) => {
          this.secretAnswer = resolve
          setRun({ question: { kind: 'secret', ...question }, message: 'Waiting for your answer' })
        }),
      askFingerprint: (question) =>
        new Promise<Decision>((resolve) => {
          this.decisionAnswer = resolve
          setRun({ question: { kind: 'fingerprint', ...question }, message: 'Waiting for your decision' })
        }),
      askRouterQuestion: (text) =>
        new Promise<Decision>((resolve) => {
          this.decisionAnswer = resolve
          setRun({ question: { kind: 'router-question', text }, message: 'Waiting for your decision' })
        }),
      stopped: () => this.stopRequested,
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(done, ms)
          function done(): void {
            clearTimeout(timer)
            resolve()
          }
          this.wake = done
        }),
    }
    try {
      const port = transportPort(this.transport, sessionId)
      const outcome = action === 'send' ? await sendStep(port, step, context, hooks) : await verifyStep(port, step, context, hooks)
      this.apply(siteId, stepId, outcome, progressOf)
    } catch (error) {
      this.store.getState().setStepMessage(siteId, stepId, { level: 'error', text: (error as Error).message })
    } finally {
      this.secretAnswer = undefined
      this.decisionAnswer = undefined
      this.wake = undefined
      this.store.getState().setChecklistRun(null)
    }
  }

  private apply(siteId: string, stepId: string, outcome: RunOutcome, progressOf: () => StoredStepProgress | undefined): void {
    const s = this.store.getState()
    const prev = progressOf()
    switch (outcome.result) {
      case 'verified':
        s.setStepProgress(siteId, stepId, markVerified(prev, outcome.evidence, now()))
        if (outcome.notice) {
          const ids = outcome.notice.staleCertificateIds ?? []
          s.setStepMessage(siteId, stepId, {
            level: 'warning',
            text: outcome.notice.text,
            ...(ids.length > 0 ? { staleCertificateIds: ids } : {}),
          })
        }
        return
      case 'failed':
        s.setStepProgress(siteId, stepId, markFailed(prev, outcome.evidence, now()))
        s.setStepMessage(siteId, stepId, { level: 'error', text: outcome.message })
        return
      case 'sent':
        if (prev) s.setStepProgress(siteId, stepId, { ...prev, evidence: capEvidence(outcome.evidence) })
        s.setStepMessage(siteId, stepId, { level: 'info', text: outcome.message })
        return
      case 'stopped':
        if (outcome.sent && prev && outcome.evidence)
          s.setStepProgress(siteId, stepId, { ...prev, evidence: capEvidence(outcome.evidence) })
        s.setStepMessage(siteId, stepId, { level: outcome.reason === 'stopped' ? 'warning' : 'error', text: outcome.message })
    }
  }

  answerSecret(value: string | null): void {
    const answer = this.secretAnswer
    this.secretAnswer = undefined
    this.clearQuestion()
    answer?.(value)
  }

  answerDecision(value: Decision): void {
    const answer = this.decisionAnswer
    this.decisionAnswer = undefined
    this.clearQuestion()
    answer?.(value)
  }

  /** Ends the run at the next safe point; a pending question counts as declined. */
  stop(): void {
    this.stopRequested = true
    this.wake?.()
    if (this.secretAnswer) this.answerSecret(null)
    if (this.decisionAnswer) this.answerDecision('stop')
  }

  markDone(stepId: string, note: string): void {
    this.updateStep(stepId, (prev) => markDoneByHand(prev, note, now()))
  }

  /** CUCM's side of a step (step 13) confirmed by the engineer, with what they saw. */
  confirmCucm(stepId: string, detail: string): void {
    const trimmed = detail.trim().slice(0, 4096)
    this.updateStep(stepId, (prev) => markCucmConfirmed(prev, { by: 'hand', at: now(), ...(trimmed ? { detail: trimmed } : {}) }))
  }

  /** CUCM's side of a step confirmed by CUCM's API (RisPort70 for step 13), with its answer. */
  confirmCucmByApi(stepId: string, detail: string): void {
    this.updateStep(stepId, (prev) => markCucmConfirmed(prev, { by: 'api', at: now(), detail: detail.slice(0, 4096) }))
  }

  /** A CUCM action's result: kept as evidence; `done` finishes the step as verified by CUCM's API. */
  recordCucm(stepId: string, evidence: string, done: boolean): void {
    this.updateStep(stepId, (prev) => (done ? markDoneByCucm(prev, evidence, now()) : addCucmEvidence(prev, evidence)))
  }

  skip(stepId: string): void {
    this.updateStep(stepId, (prev) => markSkipped(prev, now()))
  }

  resetStep(stepId: string): void {
    this.updateStep(stepId, () => undefined)
  }

  private updateStep(stepId: string, change: (prev: StoredStepProgress | undefined) => StoredStepProgress | undefined): void {
    const s = this.store.getState()
    const site = selectActiveSite(s)
    if (!site) return
    s.setStepProgress(site.id, stepId, change(site.progress[stepId]))
    s.setStepMessage(site.id, stepId, undefined)
  }

  private clearQuestion(): void {
    const current = this.store.getState().checklistRun
    if (!current?.question) return
    const { question: _question, ...rest } = current
    this.store.getState().setChecklistRun(rest)
  }
}
