import type { StateCreator } from 'zustand/vanilla'
import type { LabState } from './types'

export interface Notice {
  readonly id: number
  readonly level: 'info' | 'warning' | 'error'
  readonly message: string
}

export interface NoticesSlice {
  notices: Notice[]
  connected: boolean
  notify(level: Notice['level'], message: string): void
  dismissNotice(id: number): void
  setConnected(connected: boolean): void
}

let noticeCounter = 0

export const createNoticesSlice: StateCreator<LabState, [], [], NoticesSlice> = (set) => ({
  notices: [],
  connected: true,
  notify(level, message) {
    set((s) => ({ notices: [...s.notices, { id: ++noticeCounter, level, message }] }))
  },
  dismissNotice(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
  },
  setConnected(connected) {
    set({ connected })
  },
})
