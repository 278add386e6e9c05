import type { StateCreator } from 'zustand/vanilla'
import type { Profile } from '../../shared/contract'
import type { LabState } from './types'

export interface ProfilesSlice {
  profiles: Profile[]
  saveProfile(profile: Profile): void
  removeProfile(id: string): void
}

export const createProfilesSlice: StateCreator<LabState, [], [], ProfilesSlice> = (set) => ({
  profiles: [],
  saveProfile(profile) {
    set((s) => {
      const exists = s.profiles.some((p) => p.id === profile.id)
      return { profiles: exists ? s.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...s.profiles, profile] }
    })
  },
  removeProfile(id) {
    set((s) => ({ profiles: s.profiles.filter((p) => p.id !== id) }))
  },
})
