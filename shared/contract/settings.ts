import { z } from 'zod'
import { method } from './define'
import { PacedSendOptions, Profile } from './console'
import { SiteVarsSchema } from '../procedure/site'
import { ProcedureProgressSchema } from '../procedure/progress'

export const KeptCertificate = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  name: z.string().min(1).max(128),
  /** CA / General Purpose / CallManager … as the router or the user labelled it. */
  role: z.string().max(64).optional(),
  pem: z.string().max(64 * 1024),
  addedAt: z.string().max(40),
})
export type KeptCertificate = z.infer<typeof KeptCertificate>

export const SiteRecord = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  name: z.string().min(1).max(64),
  vars: SiteVarsSchema,
  progress: ProcedureProgressSchema,
})
export type SiteRecord = z.infer<typeof SiteRecord>

export const Settings = z.object({
  fontSize: z.number().int().min(6).max(48).default(14),
  scrollback: z.number().int().min(100).max(1_000_000).default(10_000),
  copyOnSelect: z.boolean().default(false),
  confirmMultilinePaste: z.boolean().default(true),
  theme: z.enum(['dark', 'light']).default('dark'),
  /** Console habits: terminal renderer, BREAK length, the paced-paste dialog's starting values. */
  console: z
    .object({
      renderer: z.enum(['auto', 'dom', 'webgl']).default('auto'),
      breakMs: z.number().int().min(10).max(5000).default(300),
      paced: PacedSendOptions.default(PacedSendOptions.parse({})),
    })
    .default({ renderer: 'auto', breakMs: 300, paced: PacedSendOptions.parse({}) }),
  /**
   * The split between the panes: the console's share of the width, and the workbench's share of
   * the side column's height (the checklist takes the rest). Fractions, so a window of any size
   * keeps the proportions the engineer chose.
   */
  layout: z
    .object({
      consoleFraction: z.number().min(0.2).max(0.8).default(0.5),
      workbenchFraction: z.number().min(0.15).max(0.85).default(0.4),
    })
    .default({ consoleFraction: 0.5, workbenchFraction: 0.4 }),
})
export type Settings = z.infer<typeof Settings>

/** Where the pane splitters sit, as fractions (kept between sessions with the other settings). */
export type PaneLayout = Settings['layout']

/** What survives a restart. Each slice is optional so that older files still load. */
export const PersistedState = z.object({
  settings: Settings.optional(),
  profiles: z.array(Profile).max(500).optional(),
  /** Certificates the user kept in the workbench (parsed again on load). */
  certificates: z.array(KeptCertificate).max(500).optional(),
  /** Checklist sites: variables and progress each. */
  sites: z.array(SiteRecord).max(100).optional(),
  activeSiteId: z.string().max(40).optional(),
})
export type PersistedState = z.infer<typeof PersistedState>

export const persistMethods = {
  'state.load': method(z.null(), z.object({ state: PersistedState, warnings: z.array(z.string().max(4096)) })),
  'state.save': method(z.object({ state: PersistedState }), z.null()),
} as const
