import type { LabStore } from '../../store'
import { parseInBackground } from '../../workers/pki-client'
import { parseWorkbench, type WorkbenchCert } from './workbench-certs'

/**
 * Reads a PEM in the parse worker (the checklist never parses on the main thread) and adds it to
 * the workbench, where a duplicate is reported rather than added twice. Resolves to the workbench
 * entry of its first certificate, or undefined when it holds none.
 */
export async function addToWorkbench(store: LabStore, pem: string, source: string): Promise<WorkbenchCert | undefined> {
  const result = await parseInBackground(pem)
  store.getState().addParsedCertificates(result, source)
  const first = result.certificates[0]
  return first && parseWorkbench(store.getState().certificates).find((c) => c.parsed.id === first.id)
}
