import { defaultSite, type SiteVars } from '../../../shared/procedure'
import type { LabState } from '../../store'

const DEFAULT_SITE = defaultSite()

/** The checklist's active site variables (bridge name, CA name, lifetime), or the defaults. */
export function selectSiteVars(state: Pick<LabState, 'sites' | 'activeSiteId'>): SiteVars {
  return state.sites.find((s) => s.id === state.activeSiteId)?.vars ?? DEFAULT_SITE
}
