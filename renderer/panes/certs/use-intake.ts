import { useCallback, useState } from 'react'
import type { ParseResult } from '../../../shared/pki/parsed'
import { useLabContext } from '../../app/context'
import type { IntakeReport } from '../../store/certs-slice'
import { cancelParsing, ParseCancelled, parseInBackground } from '../../workers/pki-client'

export interface Intake {
  /** What is being read right now (`the paste`, `2 files`), for the pending indicator. */
  readonly busy: string | undefined
  addText(text: string): Promise<IntakeReport | undefined>
  addFiles(files: readonly File[]): Promise<IntakeReport | undefined>
  cancel(): void
}

function merge(results: ReadonlyArray<{ name: string; result: ParseResult }>): ParseResult {
  const many = results.length > 1
  return {
    certificates: results.flatMap((r) => r.result.certificates),
    keys: results.flatMap((r) => r.result.keys),
    // parseInput names the file only for binary input; with several files, every message needs it.
    problems: results.flatMap((r) =>
      r.result.problems.map((p) => (many && !p.message.includes(r.name) ? { ...p, message: `${r.name}: ${p.message}` } : p)),
    ),
  }
}

/** Pasted text and dropped or opened files go through the parser worker into the library. */
export function useIntake(): Intake {
  const { store } = useLabContext()
  const [busy, setBusy] = useState<string | undefined>()

  const run = useCallback(
    async (what: string, source: string, read: () => Promise<ParseResult>): Promise<IntakeReport | undefined> => {
      setBusy(what)
      try {
        return store.getState().addParsedCertificates(await read(), source)
      } catch (err) {
        if (!(err instanceof ParseCancelled)) store.getState().notify('error', `Could not read ${what}: ${(err as Error).message}`)
        return undefined
      } finally {
        setBusy(undefined)
      }
    },
    [store],
  )

  const addText = useCallback((text: string) => run('the paste', 'Paste', () => parseInBackground(text)), [run])

  const addFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return Promise.resolve(undefined)
      const label = files.length === 1 ? (files[0]?.name ?? 'the file') : `${files.length} files`
      return run(label, files.map((f) => f.name).join(', '), async () => {
        const results = []
        for (const file of files) {
          const bytes = new Uint8Array(await file.arrayBuffer())
          results.push({ name: file.name, result: await parseInBackground(bytes, file.name) })
        }
        return merge(results)
      })
    },
    [run],
  )

  return { busy, addText, addFiles, cancel: cancelParsing }
}
