import { useState } from 'react'
import { useLab } from '../../app/context'
import type { LibraryEntry } from '../../store/certs-slice'
import { validityBadge } from './format'
import type { CheckClock } from './use-now'

interface Props {
  entry: LibraryEntry
  selected: boolean
  marked: boolean
  clock: CheckClock
}

/** One library entry: tick for the set, click for details, rename in place, remove. */
export function CertRow({ entry, selected, marked, clock }: Props) {
  const select = useLab((s) => s.selectCertificate)
  const toggle = useLab((s) => s.toggleMarked)
  const rename = useLab((s) => s.renameCertificate)
  const remove = useLab((s) => s.removeCertificate)
  const [draft, setDraft] = useState<string | undefined>()
  const { kept, cert } = entry
  const badge = cert ? validityBadge(cert, clock.now(), clock.routerNow()) : { text: 'unreadable', level: 'bad' as const }

  const commit = (): void => {
    if (draft !== undefined && draft.trim()) rename(kept.id, draft)
    setDraft(undefined)
  }

  return (
    <li className={`certs-entry${selected ? ' selected' : ''}`}>
      <input
        type="checkbox"
        aria-label={`Include ${kept.name} in the set`}
        checked={marked}
        disabled={!cert}
        onChange={() => toggle(kept.id)}
      />
      {draft === undefined ? (
        <button type="button" className="certs-entry-name" aria-current={selected ? 'true' : undefined} onClick={() => select(kept.id)}>
          {kept.name}
        </button>
      ) : (
        <input
          className="certs-entry-name"
          aria-label={`New name for ${kept.name}`}
          value={draft}
          maxLength={128}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit()
            if (e.key === 'Escape') setDraft(undefined)
          }}
        />
      )}
      <span className={`certs-badge certs-badge-${badge.level}`}>{badge.text}</span>
      <button type="button" className="certs-icon" aria-label={`Rename ${kept.name}`} title="Rename" onClick={() => setDraft(kept.name)}>
        ✎
      </button>
      <button type="button" className="certs-icon" aria-label={`Remove ${kept.name}`} title="Remove" onClick={() => remove(kept.id)}>
        ×
      </button>
    </li>
  )
}
