import { useEffect, useMemo, useState } from 'react'
import { useLab } from '../../app/context'
import { selectLoadedCertificates } from '../../store/certs-slice'
import type { Check } from '../../../shared/pki/parsed'
import { callPki } from '../../workers/pki-client'
import { sortChecks } from './certificate-checks'
import { CheckResults } from './CheckResults'
import { SaveStatusLine } from './SaveStatusLine'
import { selectSiteVars } from './site-vars'
import { bundleFile, pickUploadSet, uploadSetFiles } from './upload-set'
import { useSave } from './use-save'
import type { CheckClock } from './use-now'

/** The set that goes to CUCM (CA + bridge, one file each), its checks (async), and the exports. */
export function UploadSetPanel({ clock }: { clock: CheckClock }) {
  const loaded = useLab(selectLoadedCertificates)
  const marked = useLab((s) => s.markedCertificateIds)
  const site = useLab(selectSiteVars)
  const names = useMemo(() => ({ caName: site.caName, bridgeName: site.bridgeName }), [site.caName, site.bridgeName])
  const set = useMemo(() => pickUploadSet(loaded, marked, names), [loaded, marked, names])
  const files = useMemo(() => uploadSetFiles(set, names), [set, names])
  const bundle = marked.length > 0 ? loaded.filter((e) => marked.includes(e.kept.id)) : loaded
  const { status, save } = useSave()

  // The verdict is stored with the set it was computed for, so a stale one reads as pending.
  const [verdict, setVerdict] = useState<{ for: typeof set; checks: Check[] } | undefined>()
  useEffect(() => {
    let live = true
    const routerNow = clock.routerNow()
    // In the parse worker: the chain check reads the bridge's signature out of its DER.
    callPki(
      'checkUploadSet',
      set.map((e) => e.cert),
      { now: clock.now(), ...(routerNow ? { routerNow } : {}), bridgeName: names.bridgeName },
    )
      .then((checks) => live && setVerdict({ for: set, checks: sortChecks(checks) }))
      .catch((err: Error) => live && setVerdict({ for: set, checks: [{ severity: 'error', code: 'check-failed', message: err.message }] }))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- clock.key stands for the clock functions' results
  }, [set, clock.key, names.bridgeName])
  const checks = verdict?.for === set ? verdict.checks : undefined
  const blocked = checks === undefined || checks.some((c) => c.severity === 'error') || !files.ok

  // An empty library is a starting point, not an error: say what goes here, quietly.
  if (loaded.length === 0) {
    return (
      <section className="certs-upload" aria-label="CUCM upload set">
        <h3>CUCM upload set</h3>
        <p className="certs-muted">
          Load the CA ({names.caName}) and the bridge certificate ({names.bridgeName}); they go to CallManager-trust, one file each.
        </p>
      </section>
    )
  }

  return (
    <section className="certs-upload" aria-label="CUCM upload set">
      <h3>CUCM upload set</h3>
      <p className="certs-muted">
        {marked.length > 0 ? 'The ticked certificates' : 'Picked automatically: the bridge certificate and the CA that issued it'}, one per
        file, for CallManager-trust:
      </p>
      {files.ok ? (
        <ul className="certs-files">
          {files.files.map((f, i) => (
            <li key={f.name}>
              <span className="certs-mono">{f.name}</span> ← {set[i]?.kept.name}
            </li>
          ))}
        </ul>
      ) : (
        <p role="alert" className="certs-msg certs-msg-error">
          {files.reason}
        </p>
      )}
      {checks === undefined ? (
        <p role="status" className="certs-pending">
          <span className="certs-spinner" aria-hidden="true" />
          Checking the upload set…
        </p>
      ) : (
        <CheckResults checks={checks} label="Upload set checks" />
      )}
      <div className="certs-row">
        <button
          type="button"
          className="primary"
          disabled={blocked}
          onClick={() => files.ok && void save(files.files, 'Export CUCM upload set')}
        >
          Export CUCM upload set
        </button>
        <button type="button" disabled={bundle.length === 0} onClick={() => void save([bundleFile(bundle)], 'Export PEM bundle')}>
          Export PEM bundle ({bundle.length})
        </button>
      </div>
      {checks?.some((c) => c.severity === 'error') && <p className="certs-muted">Fix the errors above before exporting the upload set.</p>}
      <p className="certs-muted">Private keys are never exported: the workbench keeps certificates only.</p>
      <SaveStatusLine status={status} />
    </section>
  )
}
