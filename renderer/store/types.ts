import type { StoreApi } from 'zustand/vanilla'
import type { LabTransport } from '../../shared/contract'
import type { SessionsSlice } from './sessions-slice'
import type { SettingsSlice } from './settings-slice'
import type { NoticesSlice } from './notices-slice'
import type { ProfilesSlice } from './profiles-slice'
import type { CertsSlice } from './certs-slice'
import type { ProcedureSlice } from './procedure-slice'

export type LabState = SessionsSlice & SettingsSlice & NoticesSlice & ProfilesSlice & CertsSlice & ProcedureSlice
export type LabStore = StoreApi<LabState>

export interface StoreDeps {
  readonly transport: LabTransport
}
