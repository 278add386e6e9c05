import type { LabTransport } from '../../../shared/contract'
import { createLabStore, type LabStore } from '../../../renderer/store'

/**
 * The store under test is real; only its transport is a stand-in, because these tests drive
 * the certificate slice, which never calls the main process.
 */
export function storeWithoutHost(): LabStore {
  const transport: LabTransport = {
    invoke: (method) => Promise.reject(new Error(`${method}: no host in this test`)),
    subscribe: () => () => undefined,
  }
  return createLabStore(transport)
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
