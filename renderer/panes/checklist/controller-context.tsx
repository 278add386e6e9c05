import { createContext, useContext } from 'react'
import type { ChecklistController } from './controller'

export const ControllerContext = createContext<ChecklistController | null>(null)

export function useController(): ChecklistController {
  const controller = useContext(ControllerContext)
  if (!controller) throw new Error('useController outside the checklist pane')
  return controller
}
