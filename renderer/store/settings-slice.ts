import type { StateCreator } from 'zustand/vanilla'
import { Settings, type PaneLayout } from '../../shared/contract'
import type { LabState } from './types'

/** Console habits, persisted with the other settings. */
export type ConsolePrefs = Settings['console']

export interface SettingsSlice {
  settings: Settings
  updateSettings(patch: Partial<Settings>): void
  updateConsolePrefs(patch: Partial<ConsolePrefs>): void
  /** Out-of-range values are clamped, never rejected: a drag past the edge stops at the edge. */
  updateLayout(patch: Partial<PaneLayout>): void
}

export const DEFAULT_SETTINGS: Settings = Settings.parse({})

export const createSettingsSlice: StateCreator<LabState, [], [], SettingsSlice> = (set) => ({
  settings: DEFAULT_SETTINGS,
  updateSettings(patch) {
    set((s) => ({ settings: Settings.parse({ ...s.settings, ...patch }) }))
  },
  updateLayout(patch) {
    const clamp = (v: number, min: number, max: number): number => (Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min)
    set((s) => {
      const next = { ...s.settings.layout, ...patch }
      return {
        settings: {
          ...s.settings,
          layout: { consoleFraction: clamp(next.consoleFraction, 0.2, 0.8), workbenchFraction: clamp(next.workbenchFraction, 0.15, 0.85) },
        },
      }
    })
  },
  updateConsolePrefs(patch) {
    set((s) => ({ settings: Settings.parse({ ...s.settings, console: { ...s.settings.console, ...patch } }) }))
  },
})
