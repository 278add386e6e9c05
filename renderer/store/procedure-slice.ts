import type { StateCreator } from 'zustand/vanilla'
import type { SiteRecord } from '../../shared/contract'
import { defaultSite, type SiteVars, type StoredStepProgress } from '../../shared/procedure'
import type { LabState } from './types'

/** A question the checklist runner needs answered now. Describes the question only: answers never enter the store. */
export type RunQuestion =
  | { readonly kind: 'secret'; readonly label: string; readonly note: string; readonly confirm: boolean; readonly minLength: number }
  | {
      readonly kind: 'fingerprint'
      /** `mismatch`: the printed fingerprint differs; `unverifiable`: nothing to compare with. */
      readonly verdict: 'mismatch' | 'unverifiable'
      readonly message: string
      readonly printed: ReadonlyArray<{ readonly algorithm: string; readonly value: string }>
      readonly expected: ReadonlyArray<{ readonly label: string; readonly algorithm: string; readonly value: string }>
    }
  | { readonly kind: 'router-question'; readonly text: string }

/** The step the runner is working on, for the pane to show. Not persisted. */
export interface ChecklistRun {
  readonly siteId: string
  readonly stepId: string
  readonly action: 'send' | 'verify'
  readonly message: string
  readonly question?: RunQuestion
}

/** What the last run of a step said beyond its state (why it stopped, what to do). Not persisted. */
export interface StepMessage {
  readonly level: 'info' | 'warning' | 'error'
  readonly text: string
  /** Workbench entries the message found stale (a CA the router no longer uses): offered for removal. */
  readonly staleCertificateIds?: readonly string[]
}

/** Checklist sites: each with its variables and progress. */
export interface ProcedureSlice {
  sites: SiteRecord[]
  activeSiteId?: string
  checklistRun: ChecklistRun | null
  stepMessages: Record<string, StepMessage>
  /** The workbench certificate the checklist treats as CUCM's CallManager.pem (step 9). */
  callManagerCertId?: string
  setSites(sites: SiteRecord[], activeSiteId?: string): void
  addSite(name: string): string
  renameSite(id: string, name: string): void
  deleteSite(id: string): void
  selectSite(id: string): void
  updateSiteVars(id: string, patch: Partial<SiteVars>): void
  /** `undefined` puts the step back to "not started". */
  setStepProgress(siteId: string, stepId: string, progress: StoredStepProgress | undefined): void
  resetProgress(siteId: string): void
  setChecklistRun(run: ChecklistRun | null): void
  setStepMessage(siteId: string, stepId: string, message: StepMessage | undefined): void
  chooseCallManagerCert(id: string | undefined): void
}

/** The site the checklist shows: the chosen one, or the first when the choice is stale. */
export function selectActiveSite(state: Pick<ProcedureSlice, 'sites' | 'activeSiteId'>): SiteRecord | undefined {
  return state.sites.find((s) => s.id === state.activeSiteId) ?? state.sites[0]
}

export function stepMessageKey(siteId: string, stepId: string): string {
  return `${siteId}/${stepId}`
}

let siteCounter = 0

function newSiteId(): string {
  return `site-${Date.now().toString(36)}-${(++siteCounter).toString(36)}`
}

const cleanName = (name: string): string => name.trim().slice(0, 64) || 'Site'

export const createProcedureSlice: StateCreator<LabState, [], [], ProcedureSlice> = (set, get) => {
  const updateSite = (id: string, change: (site: SiteRecord) => SiteRecord): void =>
    set((s) => ({ sites: s.sites.map((site) => (site.id === id ? change(site) : site)) }))

  return {
    sites: [],
    checklistRun: null,
    stepMessages: {},
    setSites(sites, activeSiteId) {
      set(activeSiteId === undefined ? { sites } : { sites, activeSiteId })
    },
    addSite(name) {
      const id = newSiteId()
      set((s) => ({ sites: [...s.sites, { id, name: cleanName(name), vars: defaultSite(), progress: {} }], activeSiteId: id }))
      return id
    },
    renameSite(id, name) {
      updateSite(id, (site) => ({ ...site, name: cleanName(name) }))
    },
    deleteSite(id) {
      set((s) => {
        const sites = s.sites.filter((site) => site.id !== id)
        const activeSiteId = s.activeSiteId === id || !sites.some((site) => site.id === s.activeSiteId) ? sites[0]?.id : s.activeSiteId
        const stepMessages = Object.fromEntries(Object.entries(s.stepMessages).filter(([key]) => !key.startsWith(`${id}/`)))
        return activeSiteId === undefined ? { sites, stepMessages, activeSiteId: undefined } : { sites, stepMessages, activeSiteId }
      })
    },
    selectSite(id) {
      if (get().sites.some((site) => site.id === id)) set({ activeSiteId: id })
    },
    updateSiteVars(id, patch) {
      updateSite(id, (site) => ({ ...site, vars: { ...site.vars, ...patch } }))
    },
    setStepProgress(siteId, stepId, progress) {
      updateSite(siteId, (site) => {
        const next = { ...site.progress }
        if (progress) next[stepId] = progress
        else delete next[stepId]
        return { ...site, progress: next }
      })
    },
    resetProgress(siteId) {
      updateSite(siteId, (site) => ({ ...site, progress: {} }))
      set((s) => ({ stepMessages: Object.fromEntries(Object.entries(s.stepMessages).filter(([key]) => !key.startsWith(`${siteId}/`))) }))
    },
    setChecklistRun(run) {
      set({ checklistRun: run })
    },
    setStepMessage(siteId, stepId, message) {
      set((s) => {
        const stepMessages = { ...s.stepMessages }
        if (message) stepMessages[stepMessageKey(siteId, stepId)] = message
        else delete stepMessages[stepMessageKey(siteId, stepId)]
        return { stepMessages }
      })
    },
    chooseCallManagerCert(id) {
      set({ callManagerCertId: id })
    },
  }
}
