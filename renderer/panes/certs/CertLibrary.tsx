import { useDeferredValue, useState } from 'react'
import { useLab } from '../../app/context'
import { selectLibrary } from '../../store/certs-slice'
import { CertRow } from './CertRow'

import type { CheckClock } from './use-now'

/** The kept certificates, compact: they share half a column with the details. */
export function CertLibrary({ clock }: { clock: CheckClock }) {
  // Hundreds of rows arriving at once (a pasted export, the saved library at start-up) are drawn
  // in an interruptible background render, so no single task builds them all (300 rows took
  // ~60 ms of script in the frame that brought them). The count follows the rows it heads.
  const entries = useDeferredValue(useLab(selectLibrary))
  const selectedId = useLab((s) => s.selectedCertificateId)
  const marked = useLab((s) => s.markedCertificateIds)
  const clear = useLab((s) => s.clearCertificates)
  const [confirming, setConfirming] = useState(false)

  return (
    <div className="certs-library">
      <div className="certs-row certs-library-head">
        <h3>Library ({entries.length})</h3>
        {entries.length > 0 && (
          <button type="button" onClick={() => setConfirming(true)}>
            Clear…
          </button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-label="Clear the library" className="certs-confirm">
          <span>Remove all {entries.length} certificates from the workbench? This cannot be undone.</span>
          <button
            type="button"
            className="certs-danger"
            onClick={() => {
              clear()
              setConfirming(false)
            }}
          >
            Remove all
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {entries.length === 0 ? (
        <p className="placeholder">No certificates yet: paste an export or open a file.</p>
      ) : (
        <ul className="certs-list" aria-label="Certificate library">
          {entries.map((e) => (
            <CertRow key={e.kept.id} entry={e} clock={clock} selected={e.kept.id === selectedId} marked={marked.includes(e.kept.id)} />
          ))}
        </ul>
      )}
    </div>
  )
}
