import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { LabTransport } from '../../shared/contract'
import type { LabState, LabStore } from '../store'
import type { TerminalIo } from '../panes/console/terminal-io'

export interface LabContextValue {
  readonly store: LabStore
  readonly transport: LabTransport
  readonly terminalIo: TerminalIo
}

const LabContext = createContext<LabContextValue | null>(null)

export function LabProvider({ value, children }: { value: LabContextValue; children: ReactNode }) {
  return <LabContext.Provider value={value}>{children}</LabContext.Provider>
}

export function useLabContext(): LabContextValue {
  const value = useContext(LabContext)
  if (!value) throw new Error('useLab outside LabProvider')
  return value
}

/** Panes read the one store through selectors. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabContext().store, selector)
}
