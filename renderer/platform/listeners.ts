import type { EventName, Payload } from '../../shared/contract'

/** Event listeners by event name, for a transport that receives events as (name, payload). */
export function createListeners(): {
  emit(event: string, payload: unknown): void
  subscribe<E extends EventName>(event: E, listener: (payload: Payload<E>) => void): () => void
} {
  const byEvent = new Map<string, Set<(payload: unknown) => void>>()
  return {
    emit(event, payload) {
      for (const listener of byEvent.get(event) ?? []) listener(payload)
    },
    subscribe(event, listener) {
      const set = byEvent.get(event) ?? new Set()
      byEvent.set(event, set)
      const wrapped = (payload: unknown): void => listener(payload as Payload<typeof event>)
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
  }
}
