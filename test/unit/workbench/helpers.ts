import type { LabTransport } from '../../../shared/contract'
import { createLabStore, type LabStore } from '../../../renderer/store'
import { attachCertificateReader, type CertificateReader } from '../../../renderer/store/certs-slice'
import { pkiCalls } from '../../../renderer/workers/pki-calls'

/** The parse worker's own calls, answered on this thread (Node has no module workers). */
export const readHere: CertificateReader = {
  readKept: (pems) => Promise.resolve(pkiCalls.readKept(pems)),
  parseEach: (texts) => Promise.resolve(pkiCalls.parseEach(texts)),
}

/**
 * The store under test is real; only its transport is a stand-in, because these tests drive
 * the certificate slice, which never calls the main process. Certificates are read by the parse
 * worker's code, as the page attaches it (main.tsx).
 */
export function storeWithoutHost(): LabStore {
  const transport: LabTransport = {
    invoke: (method) => Promise.reject(new Error(`${method}: no host in this test`)),
    subscribe: () => () => undefined,
  }
  const store = createLabStore(transport)
  attachCertificateReader(store, readHere)
  return store
}

/** The two certificates of `crypto pki export … pem terminal` as the router labels them. */
export function routerExportText(caPem: string, bridgePem: string): string {
  return [
    'SecureCFB(config)#crypto pki export SecureCFB pem terminal',
    '% CA certificate:',
    caPem.trim(),
    '',
    '% General Purpose Certificate:',
    bridgePem.trim(),
    'SecureCFB(config)#',
  ].join('\r\n')
}
