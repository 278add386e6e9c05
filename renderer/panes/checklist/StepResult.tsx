import type { StoredStepProgress, VerificationResult } from '../../../shared/procedure'
import { parseIosMessages } from '../../../shared/ios/messages'
import type { StepMessage } from '../../store/procedure-slice'
import { useLab } from '../../app/context'

const time = (value: string | number | undefined): string | undefined => {
  if (value === undefined) return undefined
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? undefined : d.toLocaleString()
}

export interface StepResultProps {
  readonly progress: StoredStepProgress | undefined
  readonly message: StepMessage | undefined
  readonly verification: VerificationResult | undefined
}

/** Offers to drop the stale workbench copies a run found, so the next export replaces them. */
function RemoveStale({ ids }: { ids: readonly string[] }) {
  // Select the stable array and filter here: a selector returning a new array each time loops.
  const certificates = useLab((s) => s.certificates)
  const present = certificates.filter((c) => ids.includes(c.id))
  const remove = useLab((s) => s.removeCertificate)
  if (present.length === 0) return <p className="step-message info">The stale copy is no longer in the workbench.</p>
  return (
    <button type="button" onClick={() => present.forEach((c) => remove(c.id))}>
      Remove stale {present.map((c) => c.name).join(', ')} from the workbench
    </button>
  )
}

/** What happened: when, the last message, expected vs seen and likely causes for a failure, the evidence. */
export function StepResult({ progress, message, verification }: StepResultProps) {
  const failed = progress?.status === 'failed'
  const failedChecks = failed ? (verification?.checks ?? []).filter((c) => c.status !== 'pass') : []
  const rejected = failed && progress?.evidence ? parseIosMessages(progress.evidence).filter((m) => m.severity === 'error') : []
  const started = time(progress?.startedAt)
  const completed = time(progress?.completedAt)
  return (
    <div className="step-result">
      {(started || completed) && (
        <p className="step-times">
          {started && `Started ${started}`}
          {started && completed && ' · '}
          {completed &&
            `${progress?.status === 'skipped' ? 'Skipped' : progress?.status === 'failed' ? 'Failed' : 'Finished'} ${completed}`}
        </p>
      )}
      {message && (
        <p className={`step-message ${message.level}`} role={message.level === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {message?.staleCertificateIds && message.staleCertificateIds.length > 0 && <RemoveStale ids={message.staleCertificateIds} />}
      {progress?.note && <p className="step-note">Note: {progress.note}</p>}
      {failedChecks.length > 0 && (
        <ul className="failed-checks" aria-label="Failed checks">
          {failedChecks.map((c, i) => (
            <li key={i}>
              <div>
                <strong>Expected:</strong> {c.expected}
              </div>
              <div>
                <strong>Seen:</strong> {c.seen}
              </div>
            </li>
          ))}
        </ul>
      )}
      {rejected.length > 0 && failedChecks.length === 0 && (
        <ul className="failed-checks" aria-label="Router errors">
          {rejected.map((m, i) => (
            <li key={i}>{m.command ? `${m.command.trim()}: ${m.text}` : m.text}</li>
          ))}
        </ul>
      )}
      {failed && verification && verification.likelyCauses.length > 0 && (
        <div className="likely-causes">
          <strong>Likely causes</strong>
          <ol>
            {verification.likelyCauses.slice(0, 4).map((cause) => (
              <li key={cause.id}>
                <strong>{cause.title}.</strong> {cause.detail}
                <ul>
                  {cause.fixes.map((fix, i) => (
                    <li key={i}>
                      <code>{fix}</code>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
      {progress?.evidence && (
        <details className="evidence">
          <summary>Evidence</summary>
          <pre aria-label="Evidence">{progress.evidence}</pre>
        </details>
      )}
    </div>
  )
}
