import type { StateCreator } from 'zustand/vanilla'
import type { Profile, SerialPortInfo } from '../../shared/contract'
import type { LabState } from './types'

export interface ProfilesSlice {
  profiles: Profile[]
  /** Serial ports the main process last reported (serial.listPorts, serial.ports events). */
  serialPorts: SerialPortInfo[]
  serialPortsError?: string
  saveProfile(profile: Profile): void
  removeProfile(id: string): void
  setSerialPorts(ports: SerialPortInfo[], error?: string): void
}

export const createProfilesSlice: StateCreator<LabState, [], [], ProfilesSlice> = (set) => ({
  profiles: [],
  serialPorts: [],
  saveProfile(profile) {
    set((s) => {
      const exists = s.profiles.some((p) => p.id === profile.id)
      return { profiles: exists ? s.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...s.profiles, profile] }
    })
  },
  removeProfile(id) {
    set((s) => ({ profiles: s.profiles.filter((p) => p.id !== id) }))
  },
  setSerialPorts(ports, error) {
    set(error === undefined ? { serialPorts: ports, serialPortsError: undefined } : { serialPorts: ports, serialPortsError: error })
  },
})
