import {
  evaluatePrecheck,
  evaluateVerification,
  verificationCommands,
  type CheckKind,
  type ProcedureStep,
  type SiteVars,
  type VerificationContext,
  type VerificationResult,
} from '../../../shared/procedure'
import { commandBody, joinEvidence, type EvidenceSection } from './evidence'
import type { RouterConsole } from './router-console'

export interface CheckHooks {
  progress(message: string): void
  sleep(ms: number): Promise<void>
}

/** Checks that can turn green by themselves: NTP syncing, a certificate arriving, the bridge registering. */
const EVENTUAL: ReadonlySet<CheckKind> = new Set(['ntp-synchronized', 'certificate-available', 'dspfarm-profile', 'sccp-registered'])

/** How long to keep checking again while only eventual checks fail. Real NTP can take minutes; the Stop button ends it sooner. */
export const WAIT_FOR_ROUTER_MS = 90_000
/**
 * Checking again backs off (3 s, 6 s, 12 s, then every 20 s): NTP needs several poll intervals to
 * synchronise (IOS starts at 64 s), so typing `show ntp status` every second and a half only
 * fills the console with the same answer.
 */
export function pollDelayMs(attempt: number): number {
  return Math.min(3000 * 2 ** Math.max(0, attempt - 1), 20_000)
}

/** Worth checking again later: only checks that time can fix are failing, and no line was rejected. */
export function worthWaiting(result: VerificationResult): boolean {
  if (result.status !== 'fail' || result.routerErrors.some((e) => /invalid input|incomplete command|ambiguous/i.test(e))) return false
  const failing = result.checks.filter((c) => c.status !== 'pass')
  return failing.length > 0 && failing.every((c) => EVENTUAL.has(c.kind))
}

/** One sentence for a failed check: what was expected, what the router showed, the likeliest cause. */
export function describeFailure(result: VerificationResult): string {
  const check = result.checks.find((c) => c.status === 'fail') ?? result.checks.find((c) => c.status === 'missing')
  if (!check) return `Check ${result.status}.`
  const cause = result.likelyCauses[0]
  return `expected ${check.expected}; seen ${check.seen}${cause ? ` — likely: ${cause.title}` : ''}`
}

/** Show commands run at `Router#`; the rest (the export) are configuration commands. */
const isExecCommand = (command: string): boolean => /^\s*show\s/i.test(command)

export function evaluateOutputs(
  step: ProcedureStep,
  outputs: Readonly<Record<string, string>>,
  vars: SiteVars,
  context: VerificationContext,
  phase: 'pre' | 'post',
): VerificationResult {
  return (phase === 'pre' ? evaluatePrecheck : evaluateVerification)(step.id, outputs, vars, context)
}

/**
 * Runs a step's check commands on the router and judges the output, checking again for a while
 * when only time is missing (NTP, enrollment, registration). Evidence is the transcript judged.
 */
export async function checkOnRouter(
  con: RouterConsole,
  step: ProcedureStep,
  context: { readonly vars: SiteVars; readonly verification: VerificationContext },
  hooks: CheckHooks,
  phase: 'pre' | 'post',
  reuse: Readonly<Record<string, string>> = {},
): Promise<{ result: VerificationResult; evidence: string }> {
  const commands = verificationCommands(step.id, context.vars, phase)
  const deadline = Date.now() + WAIT_FOR_ROUTER_MS
  let reused = reuse
  hooks.progress(phase === 'pre' ? 'Checking the router before sending' : 'Checking the result on the router')
  for (let attempt = 1; ; attempt++) {
    const sections: EvidenceSection[] = []
    for (const command of commands) {
      const kept = reused[command]
      if (kept !== undefined) {
        sections.push({ command, output: kept, prompt: con.current?.text ?? 'Router#' })
        continue
      }
      if (isExecCommand(command)) await con.toPrivileged()
      else await con.toConfig()
      const prompt = con.current?.text ?? 'Router#'
      sections.push({ command, output: (await con.exec([command])).output, prompt })
    }
    reused = {}
    const outputs = Object.fromEntries(sections.map((s) => [s.command, commandBody(s.command, s.output)]))
    const result = evaluateOutputs(step, outputs, context.vars, context.verification, phase)
    const evidence = joinEvidence(sections)
    if (result.ok || !worthWaiting(result) || Date.now() > deadline) return { result, evidence }
    const waiting = result.checks.find((c) => c.status !== 'pass')
    const delay = pollDelayMs(attempt)
    hooks.progress(
      `Waiting for the router (checked ${attempt} time${attempt === 1 ? '' : 's'}, next in ${Math.round(delay / 1000)} s): ${waiting ? `${waiting.seen} (want: ${waiting.expected})` : 'checking again'}`,
    )
    await hooks.sleep(delay)
    con.checkStopped()
  }
}
