import type { z } from 'zod'
import { appEvents, appMethods } from './app'
import { sessionEvents, sessionMethods } from './sessions'
import { persistEvents, persistMethods } from './settings'
import { consoleEvents, consoleMethods, serialMethods } from './console'
import { filesMethods } from './files'
import { practiceMethods } from './practice'
import { cucmMethods } from './cucm'

export * from './define'
export * from './errors'
export * from './sessions'
export * from './settings'
export * from './console'
export * from './session-options'
export * from './files'
export * from './practice'
export * from './limits'
export * from './fit'

/** Every method the main process offers. Add a group here to extend the contract. */
export const methods = {
  ...appMethods,
  ...sessionMethods,
  ...persistMethods,
  ...consoleMethods,
  ...serialMethods,
  ...filesMethods,
  ...practiceMethods,
  ...cucmMethods,
} as const

/** Every event the main process pushes. */
export const events = {
  ...appEvents,
  ...sessionEvents,
  ...consoleEvents,
  ...persistEvents,
} as const

export type Methods = typeof methods
export type Method = keyof Methods
export type In<M extends Method> = z.input<Methods[M]['input']>
export type Out<M extends Method> = z.output<Methods[M]['output']>
/** Input after validation: defaults filled in. What handlers receive. */
export type ParsedIn<M extends Method> = z.output<Methods[M]['input']>

export type Events = typeof events
export type EventName = keyof Events
export type Payload<E extends EventName> = z.output<Events[E]>

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(methods, name)
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name)
}

/** What the renderer sees of the main process, whichever host it runs in. */
export interface LabTransport {
  invoke<M extends Method>(method: M, input: In<M>): Promise<Out<M>>
  subscribe<E extends EventName>(event: E, listener: (payload: Payload<E>) => void): () => void
}
