import { CORRECTIONS } from './corrections'
import { renderCommands, renderInstructions, renderText } from './render'
import type { SiteVars } from './site'
import type { Answer, ProcedureStep } from './types'
import type { PromptKind } from '../ios/prompt'

/** A step with every template filled in: what the checklist pane shows and the console sends. */
export interface StepView extends Pick<ProcedureStep, 'id' | 'task' | 'number' | 'title' | 'why' | 'where' | 'mode'> {
  readonly needsConfigureTerminal: boolean
  /** Without `configure terminal` / `end`; add them (or use `renderCommands(…, { wrapConfig })`) to send. */
  readonly commands: readonly string[]
  readonly instructions: readonly string[]
  readonly prompts: ReadonlyArray<{
    readonly match: string
    readonly kind: PromptKind
    readonly answer: Answer
    readonly note: string
    readonly compareWith?: 'ca-server-fingerprint' | 'callmanager-pem'
    readonly optional: boolean
  }>
  readonly precheckCommands: readonly string[]
  readonly verifyCommands: readonly string[]
  readonly manualChecks: readonly string[]
  readonly corrections: ReadonlyArray<{ readonly id: string; readonly title: string; readonly detail: string }>
}

export function renderStep(step: ProcedureStep, vars: SiteVars): StepView {
  const corrections = CORRECTIONS.filter((c) => step.corrections?.includes(c.id)).map((c) => ({
    id: c.id,
    title: renderText(c.title, vars),
    detail: renderText(c.detail, vars),
  }))
  return {
    id: step.id,
    task: step.task,
    number: step.number,
    title: renderText(step.title, vars),
    why: renderText(step.why, vars),
    where: step.where,
    ...(step.mode ? { mode: step.mode } : {}),
    needsConfigureTerminal: step.mode === 'config',
    commands: renderCommands(step, vars),
    instructions: renderInstructions(step, vars),
    prompts: (step.prompts ?? []).map((p) => ({
      match: p.match,
      kind: p.kind,
      answer: p.answer,
      note: renderText(p.note, vars),
      ...(p.compareWith ? { compareWith: p.compareWith } : {}),
      optional: p.optional ?? false,
    })),
    precheckCommands: (step.precheck?.commands ?? []).map((c) => renderText(c, vars)),
    verifyCommands: (step.verify?.commands ?? []).map((c) => renderText(c, vars)),
    manualChecks: (step.verify?.manual ?? []).map((m) => renderText(m, vars)),
    corrections,
  }
}

/** The expectation a prompt line answers to, for the console's auto-answer logic. */
export function matchPrompt(view: StepView, kind: PromptKind, line: string): StepView['prompts'][number] | undefined {
  return view.prompts.find((p) => p.kind === kind && new RegExp(p.match, 'i').test(line))
}
