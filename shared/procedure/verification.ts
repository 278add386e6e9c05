import { iosErrors } from '../ios/messages'
import { CAUSES } from './causes'
import { evaluateCheck, type VerificationContext } from './checks'
import { getStep } from './procedure'
import { renderNodeText, renderText, trustpointNodes } from './render'
import type { SiteVars } from './site'
import type { CauseId, Check, CheckKind, VerificationSpec } from './types'

export type { VerificationContext } from './checks'

export interface LikelyCause {
  readonly id: CauseId
  readonly title: string
  readonly detail: string
  readonly fixes: readonly string[]
}

export interface CheckOutcome {
  readonly kind: CheckKind
  readonly command: string
  readonly status: 'pass' | 'fail' | 'missing'
  readonly expected: string
  readonly seen: string
  readonly causes: readonly CauseId[]
}

export type VerificationStatus = 'pass' | 'fail' | 'incomplete' | 'manual' | 'none' | 'unknown-step'

export interface VerificationResult {
  readonly stepId: string
  readonly status: VerificationStatus
  /** True only when every check passed. */
  readonly ok: boolean
  readonly expected: readonly string[]
  readonly seen: readonly string[]
  /** Most likely first: what the output points at, then the step's usual suspects. */
  readonly likelyCauses: readonly LikelyCause[]
  readonly checks: readonly CheckOutcome[]
  /** Commands whose output the checks still need (rendered). */
  readonly missingCommands: readonly string[]
  /** Things only a person can confirm (rendered). */
  readonly manual: readonly string[]
  /** `% Invalid input…` and other errors found in the outputs. */
  readonly routerErrors: readonly string[]
}

/** Messages meaning a typed line was not accepted (as opposed to a state such as "not enrolled"). */
const SYNTAX_ERRORS = new Set(['invalid-input', 'incomplete-command', 'ambiguous-command', 'unknown-command'])

const normalizeCommand = (command: string): string => command.trim().replace(/\s+/g, ' ').toLowerCase()

function renderCheck(check: Check, render: (template: string) => string): Check {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(check)) {
    out[key] =
      typeof value === 'string'
        ? render(value)
        : Array.isArray(value)
          ? value.map((v: unknown) => (typeof v === 'string' ? render(v) : v))
          : value
  }
  return out as Check
}

/** A spec's checks with site values filled in; per-trustpoint checks once per CallManager trustpoint. */
function renderChecks(spec: VerificationSpec, vars: SiteVars): Array<{ check: Check; causes: readonly CauseId[] }> {
  return spec.checks.flatMap(({ check, causes, perTrustpoint }) =>
    perTrustpoint
      ? trustpointNodes(vars).map((node) => ({ check: renderCheck(check, (t) => renderNodeText(t, vars, node)), causes }))
      : [{ check: renderCheck(check, (t) => renderText(t, vars)), causes }],
  )
}

export function renderCause(id: CauseId, vars: SiteVars): LikelyCause {
  const cause = CAUSES[id]
  return {
    id,
    title: renderText(cause.title, vars),
    detail: renderText(cause.detail, vars),
    fixes: cause.fixes.map((f) => renderText(f, vars)),
  }
}

function evaluateSpec(
  stepId: string,
  spec: VerificationSpec | undefined,
  outputsByCommand: Readonly<Record<string, string>>,
  vars: SiteVars,
  context: VerificationContext,
): VerificationResult {
  const empty = { expected: [], seen: [], likelyCauses: [], checks: [], missingCommands: [], routerErrors: [] }
  if (!spec) return { stepId, status: 'none', ok: false, manual: [], ...empty }
  const manual = (spec.manual ?? []).map((m) => renderText(m, vars))
  if (spec.checks.length === 0) return { stepId, status: 'manual', ok: false, manual, ...empty }

  const outputs = new Map(Object.entries(outputsByCommand).map(([k, v]) => [normalizeCommand(k), v]))
  const used = new Set<string>()
  const lookup = (command: string): string | undefined => {
    const text = outputs.get(normalizeCommand(command))
    if (text !== undefined) used.add(normalizeCommand(command))
    return text
  }

  const checks: CheckOutcome[] = renderChecks(spec, vars).map(({ check: rendered, causes }) => {
    const result = evaluateCheck(rendered, lookup, context)
    const ordered = [...new Set([...(result.hints ?? []), ...causes])]
    return {
      kind: rendered.kind,
      command: rendered.command,
      status: result.status,
      expected: result.expected,
      seen: result.seen,
      causes: ordered,
    }
  })

  const errors = [...used].flatMap((command) => iosErrors(outputs.get(command) ?? ''))
  const routerErrors = errors.map((m) => m.text)
  const failed = checks.filter((c) => c.status === 'fail')
  const causeIds: CauseId[] = []
  if (failed.length > 0 && errors.some((m) => SYNTAX_ERRORS.has(m.code))) causeIds.push('command-rejected')
  for (const c of failed) for (const id of c.causes) if (!causeIds.includes(id)) causeIds.push(id)

  const missingCommands = [...new Set(spec.commands.map((c) => renderText(c, vars)).filter((c) => !outputs.has(normalizeCommand(c))))]
  const status: VerificationStatus = failed.length > 0 ? 'fail' : checks.some((c) => c.status === 'missing') ? 'incomplete' : 'pass'
  return {
    stepId,
    status,
    ok: status === 'pass',
    expected: checks.map((c) => c.expected),
    seen: checks.map((c) => c.seen),
    likelyCauses: causeIds.map((id) => renderCause(id, vars)),
    checks,
    missingCommands,
    manual,
    routerErrors,
  }
}

/**
 * A step's checks against the outputs of its commands (keyed by the command as sent; spacing and
 * case do not matter). Never throws; an unknown step id gives `unknown-step`.
 */
type EvaluateStep = (
  stepId: string,
  outputsByCommand: Readonly<Record<string, string>>,
  vars: SiteVars,
  context?: VerificationContext,
) => VerificationResult

const evaluateStep =
  (which: 'verify' | 'precheck'): EvaluateStep =>
  (stepId, outputsByCommand, vars, context = {}) => {
    const step = getStep(stepId)
    return step ? evaluateSpec(stepId, step[which], outputsByCommand, vars, context) : unknownStep(stepId)
  }

/** Check a step's result from the outputs of its verification commands. */
export const evaluateVerification: EvaluateStep = evaluateStep('verify')

/** What must hold before a step's commands are sent (e.g. NTP synchronized before `no shutdown`). */
export const evaluatePrecheck: EvaluateStep = evaluateStep('precheck')

function unknownStep(stepId: string): VerificationResult {
  return {
    stepId,
    status: 'unknown-step',
    ok: false,
    expected: [],
    seen: [],
    likelyCauses: [],
    checks: [],
    missingCommands: [],
    manual: [],
    routerErrors: [],
  }
}

/** Rendered verification commands of a step, to send after it. */
export function verificationCommands(stepId: string, vars: SiteVars, phase: 'pre' | 'post' = 'post'): string[] {
  const step = getStep(stepId)
  const spec = phase === 'pre' ? step?.precheck : step?.verify
  return (spec?.commands ?? []).map((c) => renderText(c, vars))
}
