import { useLab } from '../../app/context'
import type { InputProblem } from '../../../shared/pki/parsed'
import { keyBlockText } from './format'

const SHOWN = 8

function Problem({ problem }: { problem: InputProblem }) {
  const loud = problem.severity !== 'info'
  return (
    <div role={loud ? 'alert' : undefined} className={`certs-msg certs-msg-${problem.severity}`}>
      {problem.message}
    </div>
  )
}

/** What the last paste, file or router export added, and every problem with its place. */
export function IntakeReportView() {
  const report = useLab((s) => s.intakeReport)
  const dismiss = useLab((s) => s.dismissIntakeReport)
  if (!report) return null
  const ordered = [...report.problems].sort((a, b) => rank(a) - rank(b))
  const first = ordered.slice(0, SHOWN)
  const rest = ordered.slice(SHOWN)
  return (
    <div className="certs-report">
      <div className="certs-row certs-report-head">
        <span role="status">
          {report.source}: {report.added.length > 0 ? `added ${report.added.join(', ')}.` : 'no new certificate.'}
          {report.duplicates.length > 0 && ` Already in the library: ${report.duplicates.join(', ')}.`}
        </span>
        <button type="button" onClick={dismiss} aria-label="Dismiss the input report">
          ×
        </button>
      </div>
      {first.map((p, i) => (
        <Problem key={i} problem={p} />
      ))}
      {rest.length > 0 && (
        <details>
          <summary>{rest.length} more message(s)</summary>
          {rest.map((p, i) => (
            <Problem key={i} problem={p} />
          ))}
        </details>
      )}
      {report.keys.length > 0 && (
        <div className="certs-keys">
          <strong>Key blocks found (never kept, never exported; a CUCM upload takes certificates only):</strong>
          <ul>
            {report.keys.map((k, i) => (
              <li key={i} className={k.kind === 'private' && (!k.encrypted || k.weakEncryption) ? 'certs-warn' : undefined}>
                Block {k.source.block}: {keyBlockText(k)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}

function rank(p: InputProblem): number {
  return p.severity === 'error' ? 0 : p.severity === 'warning' ? 1 : 2
}
