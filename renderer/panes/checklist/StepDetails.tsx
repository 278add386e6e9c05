import type { StepView } from '../../../shared/procedure'
import { CommandBlock } from './CommandBlock'

const WHERE: Readonly<Record<StepView['where'], string>> = { router: 'Router CLI', 'cucm-web': 'CUCM web pages', phone: 'Phone' }

const ANSWER: Readonly<Record<StepView['prompts'][number]['answer'], string>> = {
  passphrase: 'asks you for the CA passphrase (sent as a secret, never stored)',
  'challenge-password': 'asks you for the challenge password (sent as a secret, never stored)',
  'yes-if-fingerprint-matches': 'answers yes only if the printed fingerprint matches; otherwise stops and shows the difference',
  yes: 'answers yes',
  no: 'answers no',
  enter: 'presses Enter',
  space: 'presses Space',
  'paste-cucm-certificate': 'pastes the chosen CallManager.pem, then quit',
}

/** The question as the router prints it, from the pattern that recognises it. */
function promptLabel(pattern: string): string {
  return pattern
    .replace(/^\^/, '')
    .replace(/\\s\*\$$/, '')
    .replace(/\$$/, '')
    .replace(/\\(.)/g, '$1')
}

/** Why, where, what to type or click, what the router asks, how it is checked, and where the tech note is wrong. */
export function StepDetails({ view, wrapped }: { view: StepView; wrapped: readonly string[] }) {
  return (
    <div className="step-details">
      <p className="step-why">{view.why}</p>
      <p className="step-where">
        <strong>Where:</strong> {WHERE[view.where]}
        {view.mode ? ` (${view.mode === 'config' ? 'configuration mode' : 'privileged EXEC'})` : ''}
      </p>
      {wrapped.length > 0 && <CommandBlock lines={wrapped} label="Commands" />}
      {view.instructions.length > 0 && (
        <ol className="step-instructions">
          {view.instructions.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      )}
      {view.prompts.length > 0 && (
        <div className="step-prompts">
          <strong>The router will ask:</strong>
          <ul>
            {view.prompts.map((p, i) => (
              <li key={i}>
                <code>{promptLabel(p.match)}</code> — the checklist {ANSWER[p.answer]}. {p.note}
                {p.optional ? ' (Not every IOS release asks.)' : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(view.precheckCommands.length > 0 || view.verifyCommands.length > 0 || view.manualChecks.length > 0) && (
        <div className="step-check">
          <strong>How it is checked:</strong>
          <ul>
            {view.precheckCommands.length > 0 && <li>Before sending: {view.precheckCommands.join(', ')}</li>}
            {view.verifyCommands.length > 0 && <li>On the router: {view.verifyCommands.join(', ')}</li>}
            {view.manualChecks.map((m, i) => (
              <li key={i}>By you: {m}</li>
            ))}
          </ul>
        </div>
      )}
      {view.corrections.map((c) => (
        <div key={c.id} className="correction" role="note" aria-label="Correction to the tech note">
          <strong>Correction to the tech note: {c.title}.</strong> {c.detail}
        </div>
      ))}
    </div>
  )
}
