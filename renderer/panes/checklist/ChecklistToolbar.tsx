import { useState } from 'react'
import type { SiteRecord } from '../../../shared/contract'
import { useLab, useLabContext } from '../../app/context'
import { saveFiles } from '../../platform/save-files'
import { ConfirmDialog } from './ConfirmDialog'
import { buildSiteReport } from './site-report'
import { parseWorkbench } from './workbench-certs'

/** Report export and the progress reset for the active site. */
export function ChecklistToolbar({ site }: { site: SiteRecord }) {
  const { store, transport } = useLabContext()
  const busy = useLab((s) => s.checklistRun !== null)
  const resetProgress = useLab((s) => s.resetProgress)
  const notify = useLab((s) => s.notify)
  const [confirmReset, setConfirmReset] = useState(false)
  const started = Object.keys(site.progress).length > 0

  const exportReport = async (): Promise<void> => {
    const state = store.getState()
    const files = buildSiteReport(site, parseWorkbench(state.certificates), state.callManagerCertId, new Date())
    try {
      const outcome = await saveFiles(transport, files, 'Save the site report')
      if (!outcome.cancelled) notify('info', `Report saved: ${outcome.saved.join(', ')}`)
    } catch (err) {
      notify('error', `Could not save the report: ${(err as Error).message}`)
    }
  }

  return (
    <div className="checklist-toolbar">
      <button type="button" onClick={() => void exportReport()}>
        Export report
      </button>
      <button type="button" disabled={busy || !started} onClick={() => setConfirmReset(true)}>
        Reset progress
      </button>
      {confirmReset && (
        <ConfirmDialog
          title={`Reset the progress of ${site.name}?`}
          message="Every step goes back to not started; evidence and notes are removed. Site variables stay."
          confirmLabel="Reset progress"
          danger
          onConfirm={() => {
            resetProgress(site.id)
            setConfirmReset(false)
          }}
          onCancel={() => setConfirmReset(false)}
        />
      )}
    </div>
  )
}
