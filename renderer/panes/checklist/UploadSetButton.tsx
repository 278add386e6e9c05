import { useState } from 'react'
import type { SiteVars } from '../../../shared/procedure'
import { useLab, useLabContext } from '../../app/context'
import { saveFiles } from '../../platform/save-files'
import { cucmUploadSet, parseWorkbench } from './workbench-certs'

/** Step 11 in one click: the CA and bridge certificates from the workbench, one PEM file each, for CallManager-trust. */
export function UploadSetButton({ vars }: { vars: SiteVars }) {
  const { transport, store } = useLabContext()
  const hasCerts = useLab((s) => s.certificates.length > 0)
  const [result, setResult] = useState<{ level: 'info' | 'error'; text: string }>()

  const exportSet = async (): Promise<void> => {
    const set = cucmUploadSet(parseWorkbench(store.getState().certificates), vars)
    if (!set.ok) return setResult({ level: 'error', text: set.reason })
    try {
      const outcome = await saveFiles(transport, set.files, 'Save the CUCM upload set')
      setResult(outcome.cancelled ? { level: 'info', text: 'Not saved.' } : { level: 'info', text: `Saved ${outcome.saved.join(', ')}.` })
    } catch (err) {
      setResult({ level: 'error', text: `Could not save: ${(err as Error).message}` })
    }
  }

  return (
    <div className="upload-set">
      <button type="button" disabled={!hasCerts} onClick={() => void exportSet()}>
        Export CUCM upload set
      </button>
      {result && (
        <p className={`step-message ${result.level}`} role={result.level === 'error' ? 'alert' : 'status'}>
          {result.text}
        </p>
      )}
    </div>
  )
}
