import type { StateCreator } from 'zustand/vanilla'
import { Settings } from '../../shared/contract'
import type { LabState } from './types'

/** Console habits, persisted with the other settings. */
export type ConsolePrefs = Settings['console']

export interface SettingsSlice {
  settings: Settings
  updateSettings(patch: Partial<Settings>): void
  updateConsolePrefs(patch: Partial<ConsolePrefs>): void
}

export const DEFAULT_SETTINGS: Settings = Settings.parse({})

export const createSettingsSlice: StateCreator<LabState, [], [], SettingsSlice> = (set) => ({
  settings: DEFAULT_SETTINGS,
  updateSettings(patch) {
    set((s) => ({ settings: Settings.parse({ ...s.settings, ...patch }) }))
  },
  updateConsolePrefs(patch) {
    set((s) => ({ settings: Settings.parse({ ...s.settings, console: { ...s.settings.console, ...patch } }) }))
  },
})
