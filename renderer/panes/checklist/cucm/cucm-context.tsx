import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import type { CucmConnectResult, CucmCredential, PracticeCucmInfo } from '../../../../shared/contract/cucm'
import type { SiteRecord } from '../../../../shared/contract'
import { useLabContext } from '../../../app/context'
import { DEFAULT_CUCM_OPTIONS, buildConnection, type CucmOptions } from './cucm-connection'

export type CucmStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'connecting' }
  | { readonly state: 'error'; readonly message: string }
  | (Extract<CucmConnectResult, { status: 'certificate' }> & { readonly state: 'certificate' })
  | (Extract<CucmConnectResult, { status: 'credentials' }> & { readonly state: 'credentials' })
  | (Extract<CucmConnectResult, { status: 'connected' }> & { readonly state: 'connected' })

export interface Credentials {
  readonly axl?: CucmCredential
  readonly platform?: CucmCredential
  readonly remember?: boolean
}

export interface CucmApi {
  options(siteId: string): CucmOptions
  setOptions(siteId: string, patch: Partial<CucmOptions>): void
  status(siteId: string): CucmStatus
  connect(site: SiteRecord, credentials?: Credentials): Promise<void>
  /** Pin the certificate the status shows, then connect again. */
  trust(site: SiteRecord): Promise<void>
  disconnect(siteId: string): void
}

const CucmContext = createContext<CucmApi | undefined>(undefined)

export function useCucm(): CucmApi {
  const api = useContext(CucmContext)
  if (!api) throw new Error('useCucm outside CucmProvider')
  return api
}

function toStatus(result: CucmConnectResult): CucmStatus {
  switch (result.status) {
    case 'certificate':
      return { ...result, state: 'certificate' }
    case 'credentials':
      return { ...result, state: 'credentials' }
    case 'connected':
      return { ...result, state: 'connected' }
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Each site's CUCM connection for this session: options, status, and the way to connect. */
export function CucmProvider({ practiceLab, children }: { practiceLab: string; children: ReactNode }) {
  const { transport } = useLabContext()
  const [options, setOptionsMap] = useState<Readonly<Record<string, CucmOptions>>>({})
  const [statuses, setStatuses] = useState<Readonly<Record<string, CucmStatus>>>({})
  // Credentials typed in this session wait here only until CUCM accepted them (or a certificate question is answered).
  const pending = useRef(new Map<string, Credentials>())

  const setStatus = useCallback((siteId: string, status: CucmStatus) => setStatuses((s) => ({ ...s, [siteId]: status })), [])

  const connect = useCallback(
    async (site: SiteRecord, credentials?: Credentials): Promise<void> => {
      const opts = options[site.id] ?? DEFAULT_CUCM_OPTIONS
      setStatus(site.id, { state: 'connecting' })
      try {
        let practice: PracticeCucmInfo | undefined
        if (opts.practice) practice = await transport.invoke('cucm.practiceStart', { lab: practiceLab })
        const built = buildConnection(site.id, site.vars, opts, practice)
        if (!built.ok) return setStatus(site.id, { state: 'error', message: built.reason })
        const given: Credentials =
          credentials ?? pending.current.get(site.id) ?? (practice ? { axl: practice.axl, platform: practice.platform } : {})
        pending.current.set(site.id, given)
        const result = await transport.invoke('cucm.connect', {
          connection: built.connection,
          ...(given.axl ? { axl: given.axl } : {}),
          ...(given.platform ? { platform: given.platform } : {}),
          remember: given.remember ?? false,
        })
        if (result.status !== 'certificate') pending.current.delete(site.id)
        setStatus(site.id, toStatus(result))
      } catch (error) {
        pending.current.delete(site.id)
        setStatus(site.id, { state: 'error', message: message(error) })
      }
    },
    [options, practiceLab, setStatus, transport],
  )

  const api = useMemo<CucmApi>(
    () => ({
      options: (siteId) => options[siteId] ?? DEFAULT_CUCM_OPTIONS,
      setOptions: (siteId, patch) => setOptionsMap((o) => ({ ...o, [siteId]: { ...(o[siteId] ?? DEFAULT_CUCM_OPTIONS), ...patch } })),
      status: (siteId) => statuses[siteId] ?? { state: 'idle' },
      connect,
      trust: async (site) => {
        const status = statuses[site.id]
        if (status?.state !== 'certificate') return
        try {
          await transport.invoke('cucm.trustCertificate', { host: status.node.host, port: status.node.port, sha256: status.sha256 })
        } catch (error) {
          setStatus(site.id, { state: 'error', message: message(error) })
          return
        }
        await connect(site)
      },
      disconnect: (siteId) => {
        void transport.invoke('cucm.disconnect', { site: siteId }).catch(() => undefined)
        setStatus(siteId, { state: 'idle' })
      },
    }),
    [connect, options, setStatus, statuses, transport],
  )

  return <CucmContext.Provider value={api}>{children}</CucmContext.Provider>
}
