import { useCallback, useState } from 'react'
import type { SaveFile } from '../../../shared/contract'
import { useLabContext } from '../../app/context'
import { saveFiles } from '../../platform/save-files'

export interface SaveStatus {
  readonly level: 'ok' | 'error'
  readonly message: string
}

/** Saves through the host (dialog on the desktop, downloads in the browser) and reports the outcome. */
export function useSave(): { status: SaveStatus | undefined; save(files: SaveFile[], title: string): Promise<void> } {
  const { transport } = useLabContext()
  const [status, setStatus] = useState<SaveStatus | undefined>()
  const save = useCallback(
    async (files: SaveFile[], title: string) => {
      try {
        const outcome = await saveFiles(transport, files, title)
        setStatus(
          outcome.cancelled
            ? { level: 'ok', message: 'Not saved (cancelled).' }
            : { level: 'ok', message: `Saved ${outcome.saved.join(', ')}.` },
        )
      } catch (err) {
        setStatus({ level: 'error', message: `Could not save: ${(err as Error).message}` })
      }
    },
    [transport],
  )
  return { status, save }
}
