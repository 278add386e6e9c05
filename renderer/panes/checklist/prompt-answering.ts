import type { ExecResult } from '../../../shared/contract'
import type { StepView } from '../../../shared/procedure'
import { fingerprintRows, referenceRows, type FingerprintReference, type FingerprintVerdict } from './fingerprint-check'
import { decidePrompt, isInteractive, pasteLines, type FingerprintReferences, type SecretKind, type StoppedAt } from './prompt-decision'
import { RunStop, StepFailed, type ConsoleHooks, type RouterConsole } from './router-console'

export type Decision = 'yes' | 'no' | 'stop'

export interface FingerprintQuestion {
  readonly verdict: 'mismatch' | 'unverifiable'
  readonly message: string
  readonly printed: Array<{ algorithm: string; value: string }>
  readonly expected: Array<{ label: string; algorithm: string; value: string }>
}

export interface PromptHooks extends ConsoleHooks {
  askFingerprint(question: FingerprintQuestion): Promise<Decision>
  askRouterQuestion(text: string): Promise<Decision>
  progress(message: string): void
  sleep(ms: number): Promise<void>
}

export interface PromptContext {
  readonly references: FingerprintReferences
  readonly callManagerPem?: string
  /** Several CallManager trustpoints (one per CUCM node): the certificate each one takes. */
  readonly callManagerByTrustpoint?: Readonly<Record<string, { readonly pem: string; readonly reference: FingerprintReference }>>
  /** Nodes whose CallManager.pem is not in the workbench (`CUCMSUB1 (cucm-pub-2)`). */
  readonly callManagerMissing?: readonly string[]
}

/** The trustpoint the router is authenticating: the last `crypto pki authenticate X` it echoed. */
export function authenticatingTrustpoint(transcript: string): string | undefined {
  const all = [...transcript.matchAll(/crypto\s+pki\s+authenticate\s+(\S+)/gi)]
  return all[all.length - 1]?.[1]
}

/** A fingerprint question the runner could not settle by itself, for the engineer. */
export function fingerprintQuestion(verdict: Exclude<FingerprintVerdict, { verdict: 'match' }>): FingerprintQuestion {
  if (verdict.verdict === 'mismatch') {
    return {
      verdict: 'mismatch',
      message: verdict.message,
      printed: fingerprintRows(verdict.printed),
      expected: referenceRows(verdict.references, verdict.printed),
    }
  }
  return {
    verdict: 'unverifiable',
    message: verdict.message,
    printed: verdict.verdict === 'no-reference' ? fingerprintRows(verdict.printed) : [],
    expected: [],
  }
}

/**
 * Answers the router's questions until it is back at a CLI prompt: passphrases from the engineer,
 * fingerprints only when they match, the CallManager PEM at the paste prompt. Returns everything
 * the router printed meanwhile. Secrets live in `secrets` for this step only.
 */
export async function answerPrompts(
  con: RouterConsole,
  view: StepView,
  first: ExecResult,
  transcript: string,
  hooks: PromptHooks,
  context: PromptContext,
): Promise<string> {
  let text = transcript
  let prompt: StoppedAt | null = first.prompt
  const secrets = new Map<SecretKind, string>()
  for (let guard = 0; isInteractive(prompt); guard++) {
    if (guard > 40) throw new RunStop(`The router kept asking questions ("${prompt.text}"); stopped.`)
    // With a trustpoint per CUCM node, the question is about that node's certificate only.
    const tp = authenticatingTrustpoint(text)
    const own = tp ? context.callManagerByTrustpoint?.[tp] : undefined
    const references = own ? { ...context.references, 'callmanager-pem': [own.reference] } : context.references
    const action = decidePrompt(view, prompt, text, references)
    let result: ExecResult
    switch (action.kind) {
      case 'send':
        hooks.progress(`Answering "${prompt.text}" with ${action.line === '' ? 'Enter' : action.line}`)
        result = await con.exec([action.line])
        break
      case 'secret': {
        let value = secrets.get(action.secret)
        if (value === undefined) {
          const asked = await hooks.askSecret({
            label: action.label,
            note: action.note,
            confirm: action.confirm,
            minLength: action.minLength,
          })
          if (asked === null)
            throw new RunStop(`Stopped at "${prompt.text}": the router is still waiting for the ${action.label.toLowerCase()}.`, 'stopped')
          value = asked
          secrets.set(action.secret, value)
        }
        hooks.progress(`Sending the ${action.label.toLowerCase()}`)
        result = await con.exec([value], { secret: true })
        break
      }
      case 'fingerprint': {
        const verdict = action.verdict
        if (verdict.verdict === 'match') {
          hooks.progress(`Fingerprint matches ${verdict.reference.label}: answering yes`)
          result = await con.exec(['yes'])
          break
        }
        const decision = await hooks.askFingerprint(fingerprintQuestion(verdict))
        if (decision === 'stop') throw new RunStop(`Stopped at "${prompt.text}": the router is still waiting for yes or no.`, 'stopped')
        result = await con.exec([decision])
        if (decision === 'no') {
          const message =
            verdict.verdict === 'mismatch'
              ? 'The certificate was refused: its fingerprint did not match.'
              : 'The certificate was refused: its fingerprint could not be checked.'
          throw new StepFailed(message, text + result.output)
        }
        break
      }
      case 'paste': {
        const pem =
          own?.pem ??
          (context.callManagerByTrustpoint && Object.keys(context.callManagerByTrustpoint).length > 1 ? undefined : context.callManagerPem)
        if (!pem)
          throw new RunStop(
            `No CallManager certificate ${tp ? `for ${tp} ` : ''}is in the workbench; the router is waiting for the paste. Load that node's CallManager.pem and answer in the console, or type quit there.`,
          )
        hooks.progress(`Pasting CallManager.pem${tp ? ` into ${tp}` : ''}`)
        // Nothing prompts between pasted lines: they go together, and one prompt ends the paste.
        result = await con.exec(pasteLines(pem), { paste: true })
        break
      }
      case 'more':
        // session.exec pages through --More-- itself; a pager left over from typing ends with Enter.
        result = await con.exec([''])
        break
      case 'ask-user': {
        if (action.secretPrompt) {
          const value = await hooks.askSecret({
            label: prompt.text.replace(/:\s*$/, ''),
            note: 'The router asks for this; it is not part of the step.',
            confirm: false,
            minLength: 0,
          })
          if (value === null) throw new RunStop(`Stopped at "${prompt.text}".`, 'stopped')
          result = await con.exec([value], { secret: true })
          break
        }
        const decision = await hooks.askRouterQuestion(prompt.text)
        if (decision === 'stop') throw new RunStop(`Stopped at "${prompt.text}": the router is still waiting for an answer.`, 'stopped')
        result = await con.exec([decision])
        break
      }
    }
    text += result.output
    prompt = result.prompt
  }
  return text
}
