import type { StateCreator } from 'zustand/vanilla'
import type { KeptCertificate } from '../../shared/contract'
import type { LabState } from './types'

/** The certificate workbench's library. Persisted as PEM; details are parsed again on load. */
export interface CertsSlice {
  certificates: KeptCertificate[]
  setCertificates(certificates: KeptCertificate[]): void
}

export const createCertsSlice: StateCreator<LabState, [], [], CertsSlice> = (set) => ({
  certificates: [],
  setCertificates(certificates) {
    set({ certificates })
  },
})
