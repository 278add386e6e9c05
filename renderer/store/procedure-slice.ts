import type { StateCreator } from 'zustand/vanilla'
import type { SiteRecord } from '../../shared/contract'
import type { LabState } from './types'

/** Checklist sites: each with its variables and progress. */
export interface ProcedureSlice {
  sites: SiteRecord[]
  activeSiteId?: string
  setSites(sites: SiteRecord[], activeSiteId?: string): void
}

export const createProcedureSlice: StateCreator<LabState, [], [], ProcedureSlice> = (set) => ({
  sites: [],
  setSites(sites, activeSiteId) {
    set(activeSiteId === undefined ? { sites } : { sites, activeSiteId })
  },
})
