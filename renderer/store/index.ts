import { createStore } from 'zustand/vanilla'
import type { LabTransport } from '../../shared/contract'
import { createSessionsSlice } from './sessions-slice'
import { createSettingsSlice } from './settings-slice'
import { createNoticesSlice } from './notices-slice'
import type { LabState, LabStore } from './types'

export type { LabState, LabStore } from './types'

/** The one store, built from slices. Terminal bytes never pass through it; session metadata does. */
export function createLabStore(transport: LabTransport): LabStore {
  return createStore<LabState>()((...a) => ({
    ...createSessionsSlice({ transport })(...a),
    ...createSettingsSlice(...a),
    ...createNoticesSlice(...a),
  }))
}
