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
  /** The host refused this page (no or wrong token): retrying cannot help. */
  hostRefused: boolean
  notify(level: Notice['level'], message: string): void
  dismissNotice(id: number): void
  setConnected(connected: boolean, refused?: boolean): void
}

let noticeCounter = 0

export const createNoticesSlice: StateCreator<LabState, [], [], NoticesSlice> = (set) => ({
  notices: [],
  connected: true,
  hostRefused: false,
  notify(level, message) {
    set((s) => ({ notices: [...s.notices, { id: ++noticeCounter, level, message }] }))
  },
  dismissNotice(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
  },
  setConnected(connected, refused = false) {
    set({ connected, hostRefused: !connected && refused })
  },
})
