import type { PracticeCucm } from '../../../electron/services/practice-cucm/practice-cucm'
import type { CucmConnection, PracticeCucmInfo } from '../../../shared/contract/cucm'
import { ContractError } from '../../../shared/contract'
import { directClient, type TestClient } from '../../support/clients'
import { testServices } from '../../support/services'
import { processKeychain } from '../../support/process-keychain'

export interface CucmLab {
  readonly services: ReturnType<typeof testServices>
  readonly client: TestClient
  readonly info: PracticeCucmInfo
  readonly practice: PracticeCucm
  connection(overrides?: Partial<CucmConnection>): CucmConnection
  /** Connects the site, trusting every certificate it is shown. */
  connect(overrides?: Partial<CucmConnection>): Promise<void>
  cleanup(): Promise<void>
}

/**
 * Real services over a throwaway folder with the default lab's practice CUCM on 127.0.0.1.
 * Backoff and restart times are short so retries and restarts finish quickly even on a loaded
 * machine (nothing here asserts on elapsed time).
 */
export async function cucmLab(): Promise<CucmLab> {
  const services = testServices({
    hooks: { secretCipher: processKeychain() },
    cucm: {
      http: { backoffMs: [20, 40], timeoutMs: 60_000 },
      actions: { restartTimeoutMs: 60_000, restartPollMs: 30 },
      practiceRestartDelayMs: 150,
    },
  })
  const client = directClient(services)
  const info = await client.invoke('cucm.practiceStart', { lab: 'default' })
  const practice = await services.practiceCucms.get('default')
  const connection = (overrides: Partial<CucmConnection> = {}): CucmConnection => ({
    site: 's1',
    publisher: info.publisher,
    nodes: [info.publisher, info.subscriber],
    version: '15.0',
    readOnly: false,
    ...overrides,
  })
  return {
    services,
    client,
    info,
    practice,
    connection,
    async connect(overrides = {}) {
      for (let i = 0; i < 4; i += 1) {
        const result = await client.invoke('cucm.connect', { connection: connection(overrides), axl: info.axl, platform: info.platform })
        if (result.status === 'connected') return
        if (result.status !== 'certificate') throw new Error(`connect: ${result.message}`)
        await client.invoke('cucm.trustCertificate', { host: result.node.host, port: result.node.port, sha256: result.sha256 })
      }
      throw new Error('connect never finished')
    },
    async cleanup() {
      await services.practiceCucms.stopAll()
      services.dispose()
      await services.cucm.flushed()
      services.cleanup()
    },
  }
}

/** The ContractError a call fails with (its message and the CUCM error kind). */
export async function failure(promise: Promise<unknown>): Promise<{ message: string; kind: string | undefined }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ContractError) return { message: error.message, kind: error.issues.find((i) => i.path === 'kind')?.message }
    throw error
  }
  throw new Error('expected the call to fail')
}
