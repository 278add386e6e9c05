import type { StateCreator } from 'zustand/vanilla'
import { PacedSendOptions, Settings } from '../../shared/contract'
import type { RendererPreference } from '../panes/console/renderer-choice'
import type { LabState } from './types'

/**
 * Console preferences the contract's Settings does not hold yet. They live here, with defaults,
 * until Settings gains the same fields (then they are persisted like the rest).
 */
export interface ConsolePrefs {
  readonly renderer: RendererPreference
  /** How long "Send BREAK" holds the line (IOS ROMMON wants at least a few hundred ms). */
  readonly breakMs: number
  /** The paced-paste dialog starts from these. */
  readonly paced: PacedSendOptions
}

export interface SettingsSlice {
  settings: Settings
  consolePrefs: ConsolePrefs
  updateSettings(patch: Partial<Settings>): void
  updateConsolePrefs(patch: Partial<ConsolePrefs>): void
}

export const DEFAULT_SETTINGS: Settings = Settings.parse({})
export const DEFAULT_CONSOLE_PREFS: ConsolePrefs = {
  renderer: 'auto',
  breakMs: 300,
  paced: PacedSendOptions.parse({ charDelayMs: 0, lineDelayMs: 0, waitFor: 'echo', timeoutMs: 3000 }),
}

export const createSettingsSlice: StateCreator<LabState, [], [], SettingsSlice> = (set) => ({
  settings: DEFAULT_SETTINGS,
  consolePrefs: DEFAULT_CONSOLE_PREFS,
  updateSettings(patch) {
    set((s) => ({ settings: Settings.parse({ ...s.settings, ...patch }) }))
  },
  updateConsolePrefs(patch) {
    set((s) => ({ consolePrefs: { ...s.consolePrefs, ...patch } }))
  },
})
