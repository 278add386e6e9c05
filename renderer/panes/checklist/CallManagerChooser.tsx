import { useId, useMemo, useState } from 'react'
import type { SiteVars } from '../../../shared/procedure'
import { useLab, useLabContext } from '../../app/context'
import { addToWorkbench } from './add-to-workbench'
import { chooseCallManager, parseWorkbench } from './workbench-certs'
import { callManagerAssignments } from './run-context'

/** Which workbench certificate is CallManager.pem (pasted and compared in step 9); the practice lab can supply its own. */
export function CallManagerChooser({ vars }: { vars: SiteVars }) {
  const { transport, store } = useLabContext()
  const id = useId()
  const certificates = useLab((s) => s.certificates)
  const chosenId = useLab((s) => s.callManagerCertId)
  const choose = useLab((s) => s.chooseCallManagerCert)
  const practiceLab = useLab((s) => {
    const spec = s.tabs.find((t) => t.tabId === s.activeTabId)?.spec
    return spec?.kind === 'practice' ? spec.lab : undefined
  })
  const [problem, setProblem] = useState<string>()
  const workbench = useMemo(() => parseWorkbench(certificates), [certificates])
  const chosen = chooseCallManager(workbench, vars, chosenId)
  const assigned = useMemo(() => callManagerAssignments(vars, workbench, chosenId), [vars, workbench, chosenId])

  const loadPractice = async (): Promise<void> => {
    setProblem(undefined)
    try {
      const { pem } = await transport.invoke('practice.cucmCertificate', { lab: practiceLab ?? 'default' })
      const entry = await addToWorkbench(store, pem, 'Practice CUCM (CallManager.pem)')
      if (!entry) return setProblem('The practice lab returned a certificate the workbench cannot read.')
      choose(entry.kept.id)
    } catch (err) {
      setProblem(`Could not get the practice CUCM certificate: ${(err as Error).message}`)
    }
  }

  return (
    <div className="callmanager-chooser">
      {workbench.length > 0 ? (
        <label htmlFor={`${id}-cm`}>CallManager certificate</label>
      ) : (
        <p className="hint">No certificate in the workbench yet: load CallManager.pem there.</p>
      )}
      {workbench.length > 0 && (
        <select id={`${id}-cm`} value={chosen?.kept.id ?? ''} onChange={(e) => choose(e.target.value || undefined)}>
          {workbench.map((c) => (
            <option key={c.kept.id} value={c.kept.id}>
              {c.kept.name} — SHA-1 {c.parsed.fingerprints.sha1.ios.slice(0, 17)}…
            </option>
          ))}
        </select>
      )}
      {chosen && (
        <dl className="fingerprint-list">
          <div>
            <dt>MD5</dt>
            <dd>
              <code>{chosen.parsed.fingerprints.md5.ios}</code>
            </dd>
          </div>
          <div>
            <dt>SHA-1</dt>
            <dd>
              <code>{chosen.parsed.fingerprints.sha1.ios}</code>
            </dd>
          </div>
        </dl>
      )}
      {assigned.length > 1 && (
        <ul className="callmanager-nodes" aria-label="CallManager certificate per node">
          {assigned.map((a) => (
            <li key={a.trustpoint}>
              {a.node || '?'} → {a.trustpoint}: {a.cert ? a.cert.kept.name : 'no certificate with this CN in the workbench'}
            </li>
          ))}
        </ul>
      )}
      {practiceLab !== undefined && (
        <button type="button" onClick={() => void loadPractice()}>
          Load practice CUCM certificate
        </button>
      )}
      {problem && (
        <p className="step-message error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
