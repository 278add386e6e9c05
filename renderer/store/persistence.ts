import type { LabTransport, PersistedState } from '../../shared/contract'
import type { LabState, LabStore } from './types'

interface PageEvents {
  addEventListener(type: 'pagehide', listener: () => void): void
  removeEventListener(type: 'pagehide', listener: () => void): void
}

/** The part of the store that survives a restart. Never secrets, never terminal output. */
export function selectPersisted(state: LabState): PersistedState {
  return {
    settings: state.settings,
    profiles: state.profiles,
    certificates: state.certificates,
    sites: state.sites,
    ...(state.activeSiteId ? { activeSiteId: state.activeSiteId } : {}),
  }
}

/**
 * Loads the saved slices once, then saves (debounced) whenever a persisted slice changes.
 * Warnings from the main process (a damaged file moved aside) become notices.
 */
export async function startPersistence(store: LabStore, transport: LabTransport, debounceMs = 300): Promise<() => void> {
  try {
    const { state, warnings } = await transport.invoke('state.load', null)
    store.setState({
      ...(state.settings ? { settings: state.settings } : {}),
      ...(state.profiles ? { profiles: state.profiles } : {}),
      ...(state.certificates ? { certificates: state.certificates } : {}),
      ...(state.sites ? { sites: state.sites } : {}),
      ...(state.activeSiteId ? { activeSiteId: state.activeSiteId } : {}),
    })
    for (const warning of warnings) store.getState().notify('warning', warning)
  } catch (err) {
    store.getState().notify('error', `Could not load saved settings: ${(err as Error).message}`)
  }
  let last = JSON.stringify(selectPersisted(store.getState()))
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = (): void => {
    timer = undefined
    const next = JSON.stringify(selectPersisted(store.getState()))
    if (next === last) return
    last = next
    transport.invoke('state.save', { state: JSON.parse(next) as PersistedState }).catch((err: Error) => {
      store.getState().notify('error', `Could not save settings: ${err.message}`)
    })
  }
  const unsubscribe = store.subscribe(() => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, debounceMs)
  })
  const flush = (): void => {
    if (!timer) return
    clearTimeout(timer)
    save()
  }
  // A reload or close inside the debounce window must not lose the last change. (Guarded: the
  // store also runs in Node unit tests, where there is no page.)
  const page = globalThis as unknown as Partial<PageEvents>
  page.addEventListener?.('pagehide', flush)
  return () => {
    page.removeEventListener?.('pagehide', flush)
    unsubscribe()
    flush()
  }
}
