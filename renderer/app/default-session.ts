import type { LabStore } from '../store'

/** A newcomer with nothing plugged in still gets a working console. */
export async function openDefaultSession(store: LabStore): Promise<void> {
  if (store.getState().tabs.length > 0) return
  const kind = new URLSearchParams(window.location.search).get('session')
  await store.getState().openSession(kind === 'shell' ? { kind: 'shell' } : { kind: 'practice', lab: 'default' })
}
