import { z } from 'zod'
import { method } from './define'

export const Settings = z.object({
  fontSize: z.number().int().min(6).max(48).default(14),
  scrollback: z.number().int().min(100).max(1_000_000).default(10_000),
  copyOnSelect: z.boolean().default(false),
  confirmMultilinePaste: z.boolean().default(true),
  theme: z.enum(['dark', 'light']).default('dark'),
})
export type Settings = z.infer<typeof Settings>

/** What survives a restart. Each slice is optional so that older files still load. */
export const PersistedState = z.object({
  settings: Settings.optional(),
})
export type PersistedState = z.infer<typeof PersistedState>

export const persistMethods = {
  'state.load': method(z.null(), z.object({ state: PersistedState, warnings: z.array(z.string().max(4096)) })),
  'state.save': method(z.object({ state: PersistedState }), z.null()),
} as const
