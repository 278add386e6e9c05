import type { PromptKind } from '../../../shared/ios/prompt'
import { matchPrompt, type StepView } from '../../../shared/procedure'
import { judgeFingerprints, type FingerprintReference, type FingerprintVerdict } from './fingerprint-check'

/** The prompt an exec call stopped at (the contract's SeenPrompt). */
export interface StoppedAt {
  readonly kind: PromptKind
  readonly text: string
}

export type SecretKind = 'passphrase' | 'challenge-password' | 'other'

/** What the runner does at an interactive prompt. */
export type PromptAction =
  | { readonly kind: 'send'; readonly line: string }
  | {
      readonly kind: 'secret'
      readonly secret: SecretKind
      readonly label: string
      readonly note: string
      readonly confirm: boolean
      readonly minLength: number
    }
  | { readonly kind: 'fingerprint'; readonly verdict: FingerprintVerdict }
  | { readonly kind: 'paste' }
  | { readonly kind: 'more' }
  /** Not a question this step expects: the engineer decides. */
  | { readonly kind: 'ask-user'; readonly text: string; readonly secretPrompt: boolean }

export const CLI_KINDS: ReadonlySet<PromptKind> = new Set(['user-exec', 'privileged', 'config'])

export function isInteractive(prompt: StoppedAt | null | undefined): prompt is StoppedAt {
  return !!prompt && !CLI_KINDS.has(prompt.kind)
}

/** References for each kind of fingerprint question in the procedure. */
export interface FingerprintReferences {
  readonly 'ca-server-fingerprint': readonly FingerprintReference[]
  readonly 'callmanager-pem': readonly FingerprintReference[]
}

// The same rule as the router's: no Cisco source states a minimum CA passphrase length (Cisco IOS
// PKI Configuration Guide, "Configuring and Managing a Cisco IOS Certificate Server", example of
// `no shutdown`; public captures accept short ones), so neither the practice router nor the
// checklist invents one. See electron/services/practice-router/README.md and task1-ca.ts.
const SECRET_LABEL: Readonly<Record<'passphrase' | 'challenge-password', { label: string; minLength: number }>> = {
  passphrase: { label: 'CA passphrase', minLength: 1 },
  'challenge-password': { label: 'Challenge password', minLength: 1 },
}

/**
 * Decides the answer to the prompt the router stopped at, from the step's expectations, what it
 * printed (`output`) and the certificates to compare with. Pure: the runner carries it out.
 */
export function decidePrompt(view: StepView, prompt: StoppedAt, output: string, references: FingerprintReferences): PromptAction {
  if (prompt.kind === 'more') return { kind: 'more' }
  const expectation = matchPrompt(view, prompt.kind, prompt.text)
  if (!expectation) return { kind: 'ask-user', text: prompt.text, secretPrompt: prompt.kind === 'password' || prompt.kind === 'username' }
  switch (expectation.answer) {
    case 'yes':
      return { kind: 'send', line: 'yes' }
    case 'no':
      return { kind: 'send', line: 'no' }
    case 'enter':
      return { kind: 'send', line: '' }
    case 'space':
      return { kind: 'more' }
    case 'passphrase':
    case 'challenge-password': {
      const { label, minLength } = SECRET_LABEL[expectation.answer]
      return { kind: 'secret', secret: expectation.answer, label, note: expectation.note, confirm: true, minLength }
    }
    case 'paste-cucm-certificate':
      return { kind: 'paste' }
    case 'yes-if-fingerprint-matches': {
      const refs = expectation.compareWith ? references[expectation.compareWith] : []
      return { kind: 'fingerprint', verdict: judgeFingerprints(output, refs) }
    }
  }
}

/** `At least 1 character.`, `At least 8 characters.`: the secret dialog's length hint. */
export function minLengthText(minLength: number): string {
  return `At least ${minLength} character${minLength === 1 ? '' : 's'}.`
}

/** The lines that paste a PEM at `enrollment terminal`: the block, then `quit` on a line by itself. */
export function pasteLines(pem: string): string[] {
  const lines = pem
    .replace(/\r\n|\r/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
  return [...lines, 'quit']
}
