import type { Check } from '../../../shared/pki/parsed'

const WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const

/** Rule results, each with its severity word (not colour alone) and its one-sentence reason. */
export function CheckResults({ checks, label }: { checks: readonly Check[]; label: string }) {
  if (checks.length === 0) return <p className="placeholder">No findings.</p>
  return (
    <ul className="certs-checks" aria-label={label}>
      {checks.map((c, i) => (
        <li key={`${c.code}-${i}`} role={c.severity === 'error' ? 'alert' : undefined} className={`certs-msg certs-msg-${c.severity}`}>
          <strong>{WORD[c.severity]}:</strong> {c.message}
        </li>
      ))}
    </ul>
  )
}
