import { createStore } from 'zustand/vanilla'
import type { LabTransport } from '../../shared/contract'
import { createSessionsSlice } from './sessions-slice'
import { createSettingsSlice } from './settings-slice'
import { createNoticesSlice } from './notices-slice'
import { createProfilesSlice } from './profiles-slice'
import { createCertsSlice } from './certs-slice'
import { createProcedureSlice } from './procedure-slice'
import type { LabState, LabStore } from './types'

export type { LabState, LabStore } from './types'

/** The one store, built from slices. Terminal bytes never pass through it; session metadata does. */
export function createLabStore(transport: LabTransport): LabStore {
  return createStore<LabState>()((...a) => ({
    ...createSessionsSlice({ transport })(...a),
    ...createSettingsSlice(...a),
    ...createNoticesSlice(...a),
    ...createProfilesSlice(...a),
    ...createCertsSlice(...a),
    ...createProcedureSlice(...a),
  }))
}
