import { memo, useState } from 'react'
import { useLabContext } from '../../app/context'
import type { LibraryEntry } from '../../store/certs-slice'
import { validityBadge } from './format'
import type { CheckClock } from './use-now'

interface Props {
  entry: LibraryEntry
  selected: boolean
  marked: boolean
  clock: CheckClock
}

/**
 * One library entry: tick for the set, click for details, rename in place, remove. The actions
 * are read from the store when used rather than subscribed to: with hundreds of rows, four
 * subscriptions each made every store change run over a thousand selectors. Memoised: selecting
 * or ticking one entry redraws that row, not all of them.
 */
export const CertRow = memo(function CertRow({ entry, selected, marked, clock }: Props) {
  const { store } = useLabContext()
  const { selectCertificate: select, toggleMarked: toggle, renameCertificate: rename, removeCertificate: remove } = store.getState()
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
})
