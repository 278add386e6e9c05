import type { StateCreator } from 'zustand/vanilla'
import { Settings } from '../../shared/contract'
import type { LabState } from './types'

export interface SettingsSlice {
  settings: Settings
  updateSettings(patch: Partial<Settings>): void
}

export const DEFAULT_SETTINGS: Settings = Settings.parse({})

export const createSettingsSlice: StateCreator<LabState, [], [], SettingsSlice> = (set) => ({
  settings: DEFAULT_SETTINGS,
  updateSettings(patch) {
    set((s) => ({ settings: Settings.parse({ ...s.settings, ...patch }) }))
  },
})
