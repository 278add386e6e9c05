import { parseIosMessages } from '../../../shared/ios/messages'
import { parseShowPkiServer } from '../../../shared/ios/pki-server'
import { fingerprintsEqual, formatIosFingerprint } from '../../../shared/ios/fingerprint'
import {
  blockingFields,
  matchPrompt,
  renderStep,
  SITE_FIELDS,
  verificationCommands,
  type ProcedureStep,
  type SiteVars,
  type StepView,
  type VerificationContext,
  type VerificationResult,
} from '../../../shared/procedure'
import type { ConsolePort } from './console-port'
import { checkOnRouter, describeFailure } from './router-checks'
import { answerPrompts, type PromptContext, type PromptHooks } from './prompt-answering'
import { isInteractive, type FingerprintReferences } from './prompt-decision'
import { RouterConsole, RunStop, StepFailed } from './router-console'

export interface RunContext extends PromptContext {
  readonly vars: SiteVars
  readonly verification: VerificationContext
}

export interface RunnerHooks extends PromptHooks {
  /** The first line is about to reach the router: from here on the step counts as sent. */
  sent(): void
}

/** Something the run found worth saying even though the step went through. */
export interface RunNotice {
  readonly text: string
  readonly staleCertificateIds?: readonly string[]
}

export type RunOutcome =
  | { readonly result: 'verified'; readonly evidence: string; readonly notice?: RunNotice }
  | { readonly result: 'failed'; readonly evidence: string; readonly message: string; readonly verification?: VerificationResult }
  /** Sent, and nothing on the router can confirm it: the engineer checks it off. */
  | { readonly result: 'sent'; readonly evidence: string; readonly message: string }
  | {
      readonly result: 'stopped'
      readonly message: string
      readonly sent: boolean
      readonly reason: 'stopped' | 'error'
      readonly evidence?: string
    }

// A line the router did not take: the step cannot have worked as written.
const REJECTED = new Set(['invalid-input', 'incomplete-command', 'ambiguous-command', 'unknown-command'])

function rejectedLines(transcript: string): string[] {
  return parseIosMessages(transcript)
    .filter((m) => REJECTED.has(m.code))
    .map((m) => (m.command ? `${m.command.trim()} → ${m.text}` : m.text))
}

/**
 * Step 6 compares with the CA the router itself runs (`show crypto pki server`): the router is the
 * truth. A workbench copy of the CA that differs is stale (an earlier lab, a CA re-created since):
 * it is named, offered for replacement, and never blocks the step. Without a CA server on this
 * router the workbench copy is the reference.
 */
async function referencesFor(
  con: RouterConsole,
  view: StepView,
  context: RunContext,
  hooks: RunnerHooks,
): Promise<{ references: FingerprintReferences; notice?: RunNotice }> {
  const needsCa = view.prompts.some((p) => p.compareWith === 'ca-server-fingerprint')
  if (!needsCa) return { references: context.references }
  hooks.progress(`Reading ${context.vars.caName}'s fingerprint from show crypto pki server`)
  const parsed = parseShowPkiServer(await con.show('show crypto pki server'))
  const want = context.vars.caName.toLowerCase()
  const server = parsed.ok ? parsed.value.servers.find((s) => s.name.toLowerCase() === want) : undefined
  if (!server?.caFingerprintMd5) return { references: context.references }
  const routerMd5 = server.caFingerprintMd5
  const reference = { label: `show crypto pki server (${server.name})`, source: 'router' as const, md5: routerMd5 }
  const references = { ...context.references, 'ca-server-fingerprint': [reference] }
  const stale = context.references['ca-server-fingerprint'].filter(
    (r) => r.source === 'workbench' && r.md5 && !fingerprintsEqual(r.md5, routerMd5),
  )
  if (stale.length === 0) return { references }
  const names = stale.map((r) => `${r.label} (MD5 ${formatIosFingerprint(r.md5 ?? '')})`).join(', ')
  const notice: RunNotice = {
    text: `Stale copy: ${names} is not the CA this router runs — show crypto pki server prints MD5 ${formatIosFingerprint(routerMd5)} for ${server.name}, and the router's fingerprint was used. Replace the workbench copy: remove it, and step 10's export brings the router's current ${server.name}.`,
    staleCertificateIds: stale.flatMap((r) => (r.certificateId ? [r.certificateId] : [])),
  }
  hooks.progress(notice.text)
  return { references, notice }
}

function stopped(error: unknown, sent: boolean, evidence?: string): RunOutcome {
  if (error instanceof StepFailed) return { result: 'failed', evidence: error.transcript, message: error.message }
  const message = error instanceof Error ? error.message : String(error)
  const reason = error instanceof RunStop ? error.reason : 'error'
  return { result: 'stopped', message, sent, reason, ...(evidence ? { evidence } : {}) }
}

async function verifyWith(
  con: RouterConsole,
  step: ProcedureStep,
  context: RunContext,
  hooks: RunnerHooks,
  reuse: Readonly<Record<string, string>>,
): Promise<RunOutcome> {
  const { result, evidence } = await checkOnRouter(con, step, context, hooks, 'post', reuse)
  if (result.ok) return { result: 'verified', evidence }
  return { result: 'failed', evidence, message: describeFailure(result), verification: result }
}

/**
 * "Send to console": checks what must hold first, enters the right mode, sends the step's lines,
 * answers the router's questions, then checks the result on the router.
 */
export async function sendStep(port: ConsolePort, step: ProcedureStep, context: RunContext, hooks: RunnerHooks): Promise<RunOutcome> {
  const view = renderStep(step, context.vars)
  const blocking = blockingFields(step, context.vars)
  if (blocking.length > 0) {
    return {
      result: 'stopped',
      sent: false,
      reason: 'error',
      message: `Fix the site variables first: ${blocking.map((f) => SITE_FIELDS[f].label).join(', ')}.`,
    }
  }
  if (view.commands.length === 0) return { result: 'stopped', sent: false, reason: 'error', message: 'This step has no router commands.' }
  if (
    view.prompts.some((p) => p.answer === 'paste-cucm-certificate') &&
    (context.callManagerMissing?.length ?? 0) > 0 &&
    Object.keys(context.callManagerByTrustpoint ?? {}).length > 0
  ) {
    return {
      result: 'stopped',
      sent: false,
      reason: 'error',
      message: `Load each node's CallManager.pem into the workbench first (step 8); missing: ${(context.callManagerMissing ?? []).join(', ')}. A certificate belongs to a node when its CN is the node's name (or its FQDN).`,
    }
  }
  if (view.prompts.some((p) => p.answer === 'paste-cucm-certificate') && !context.callManagerPem) {
    return {
      result: 'stopped',
      sent: false,
      reason: 'error',
      message: 'Choose the CallManager certificate first: load CallManager.pem into the workbench (step 8).',
    }
  }
  const con = new RouterConsole(port, hooks)
  let sent = false
  let transcript = ''
  let notice: RunNotice | undefined
  try {
    const at = await con.where()
    if (isInteractive(at) && matchPrompt(view, at.kind, at.text)) {
      hooks.progress(`The router already asks "${at.text}": answering it`)
      sent = true
      hooks.sent()
      transcript = await answerPrompts(
        con,
        view,
        { output: '', prompt: at, linesSent: 0, timedOut: false },
        (await port.tail()).text,
        hooks,
        context,
      )
    } else {
      if (step.precheck) {
        const pre = await checkOnRouter(con, step, context, hooks, 'pre')
        if (!pre.result.ok)
          return {
            result: 'stopped',
            sent: false,
            reason: 'error',
            message: `Not sent: ${describeFailure(pre.result)}`,
            evidence: pre.evidence,
          }
      }
      const found = await referencesFor(con, view, context, hooks)
      const references = found.references
      notice = found.notice
      if (view.needsConfigureTerminal) await con.toConfig()
      else await con.toPrivileged()
      sent = true
      hooks.sent()
      let pending = [...view.commands]
      while (pending.length > 0) {
        hooks.progress(`Sending ${pending.length} line${pending.length === 1 ? '' : 's'}`)
        const result = await con.exec(pending)
        transcript += result.output
        if (result.linesSent === 0 && !isInteractive(result.prompt)) throw new RunStop('The router took none of the lines.')
        pending = pending.slice(result.linesSent)
        transcript = await answerPrompts(con, view, result, transcript, hooks, { ...context, references })
      }
    }
    const rejected = rejectedLines(transcript)
    if (rejected.length > 0)
      return { result: 'failed', evidence: transcript, message: `The router rejected ${rejected.length} line(s): ${rejected.join('; ')}` }
    const commands = verificationCommands(step.id, context.vars)
    if (commands.length === 0) {
      return {
        result: 'sent',
        evidence: transcript,
        message: 'Sent. Nothing on the router confirms this step: mark it done once you have checked the result.',
      }
    }
    // A check that reads the step's own output (the export) uses what was just printed.
    const reuse = Object.fromEntries(commands.filter((c) => view.commands.includes(c)).map((c) => [c, transcript]))
    const outcome = await verifyWith(con, step, context, hooks, reuse)
    return notice && outcome.result === 'verified' ? { ...outcome, notice } : outcome
  } catch (error) {
    return stopped(error, sent, transcript)
  }
}

/** "Verify from router": runs the step's show commands and judges the output. */
export async function verifyStep(port: ConsolePort, step: ProcedureStep, context: RunContext, hooks: RunnerHooks): Promise<RunOutcome> {
  if (verificationCommands(step.id, context.vars).length === 0) {
    return { result: 'stopped', sent: false, reason: 'error', message: 'Nothing on the router shows this step: check it off by hand.' }
  }
  const con = new RouterConsole(port, hooks)
  try {
    return await verifyWith(con, step, context, hooks, {})
  } catch (error) {
    return stopped(error, false)
  }
}
