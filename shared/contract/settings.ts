import { z } from 'zod'
import { method } from './define'
import { PacedSendOptions, Profile } from './console'
import { SiteVarsSchema } from '../procedure/site'
import { ProcedureProgressSchema } from '../procedure/progress'

/** Limits of what the workbench keeps: the UI refuses past these with a message, the schema too. */
export const KEPT_CERTIFICATE_PEM_MAX = 64 * 1024
export const MAX_KEPT_CERTIFICATES = 500

export const KeptCertificate = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  name: z.string().min(1).max(128),
  /** CA / General Purpose / CallManager … as the router or the user labelled it. */
  role: z.string().max(64).optional(),
  pem: z.string().max(KEPT_CERTIFICATE_PEM_MAX),
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
  certificates: z.array(KeptCertificate).max(MAX_KEPT_CERTIFICATES).optional(),
  /** Checklist sites: variables and progress each. */
  sites: z.array(SiteRecord).max(100).optional(),
  activeSiteId: z.string().max(40).optional(),
})
export type PersistedState = z.infer<typeof PersistedState>

/** Each persisted slice is saved on its own, so a change to one never rewrites another. */
export const PERSISTED_SLICES = ['settings', 'profiles', 'certificates', 'sites', 'activeSiteId'] as const
export const PersistedSlice = z.enum(PERSISTED_SLICES)
export type PersistedSlice = z.infer<typeof PersistedSlice>

/** Items of the list slices, so a caller can drop one bad item instead of a whole slice. */
export const PERSISTED_ITEMS = { profiles: Profile, certificates: KeptCertificate, sites: SiteRecord } as const

/** Bumped on every save of a slice; a save names the revision it was based on. */
export const Revision = z.number().int().min(0)
export const Revisions = z.object(Object.fromEntries(PERSISTED_SLICES.map((s) => [s, Revision])) as Record<PersistedSlice, typeof Revision>)
export type Revisions = z.infer<typeof Revisions>

/** A slice's value checked against that slice's own schema. */
const SliceValue = z.object({ slice: PersistedSlice, value: z.unknown() }).superRefine((input, ctx) => {
  const checked = PersistedState.shape[input.slice].safeParse(input.value)
  if (checked.success) return
  for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['value', ...issue.path] })
})

export const persistMethods = {
  /** Everything saved, with each slice's revision (the base of that window's next save). */
  'state.load': method(z.null(), z.object({ state: PersistedState, revisions: Revisions, warnings: z.array(z.string().max(4096)) })),
  /**
   * Saves one slice if nobody saved it since `base`. Otherwise nothing is written and the
   * current value comes back, for the caller to merge its change into and save again.
   */
  'state.save': method(
    z.intersection(
      SliceValue,
      // `saveId`: chosen by the window, echoed in state.changed, so it knows its own save.
      z.object({ base: Revision, saveId: z.string().max(64).optional() }),
    ),
    z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), revision: Revision }),
      z.object({ saved: z.literal(false), revision: Revision, value: z.unknown() }),
    ]),
  ),
} as const

export const persistEvents = {
  /** A window saved a slice: the others take it in (merging with edits they have not saved yet). */
  'state.changed': z.intersection(SliceValue, z.object({ revision: Revision, saveId: z.string().max(64).optional() })),
} as const
