import type { PersistedState } from '../../shared/contract'
import { PERSISTED_ITEMS, PERSISTED_SLICES, type LabTransport, type Payload, type PersistedSlice } from '../../shared/contract'
import { merge3 } from '../../shared/persist/merge3'
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

/** The store's fields for one slice's value (undefined clears activeSiteId). */
function sliceToState(slice: PersistedSlice, value: unknown): Partial<LabState> {
  if (slice === 'activeSiteId') return { activeSiteId: typeof value === 'string' ? value : undefined }
  if (value === undefined) return {}
  return { [slice]: value } as Partial<LabState>
}

function itemLabel(item: unknown): string {
  if (typeof item === 'object' && item !== null && 'name' in item && typeof item.name === 'string') return `“${item.name.slice(0, 80)}”`
  return 'one item'
}

interface Synced {
  revision: number
  /** What this window last knew to be saved: the base of a three-way merge. */
  value: unknown
  json: string
}

/**
 * Loads the saved slices once, then saves each slice on its own (debounced) when it changes.
 * - An item the schema refuses (a certificate over the size limit) is left out of the save with
 *   a notice, so one bad item never blocks saving everything else.
 * - Each save names the revision it is based on. When another window saved the slice meanwhile,
 *   the main process refuses; this window merges its change into theirs and saves again.
 * - Saves of other windows arrive as `state.changed` and are merged into this window's store.
 * Warnings from the main process (a damaged or unreadable file) become notices.
 */
export async function startPersistence(store: LabStore, transport: LabTransport, debounceMs = 300): Promise<() => void> {
  const synced = new Map<PersistedSlice, Synced>()
  const inFlight = new Set<PersistedSlice>()
  /** Saves of this window not yet answered: their state.changed echo is not someone else's change. */
  const mySaves = new Set<string>()
  let saveCounter = 0
  const windowTag = Math.random().toString(36).slice(2, 10)
  const refused = new Set<string>()
  const notify = (level: 'info' | 'warning' | 'error', text: string): void => store.getState().notify(level, text)

  const remember = (slice: PersistedSlice, revision: number, value: unknown): void => {
    synced.set(slice, { revision, value, json: JSON.stringify(value) })
  }
  const apply = (slice: PersistedSlice, value: unknown): void => store.setState(sliceToState(slice, value))

  try {
    const { state, revisions, warnings } = await transport.invoke('state.load', null)
    for (const slice of PERSISTED_SLICES) {
      if (state[slice] !== undefined) apply(slice, state[slice])
    }
    for (const warning of warnings) notify('warning', warning)
    for (const slice of PERSISTED_SLICES) remember(slice, revisions[slice], savable(slice))
  } catch (err) {
    notify(
      'error',
      `Could not load saved settings: ${(err as Error).message}. Changes in this window will not be saved; reload to try again.`,
    )
    // Saving on top of a state we could not read would overwrite it: stay read-only this run.
    return () => undefined
  }

  /** The slice as it can be saved: list items the schema refuses are left out, once said. */
  function savable(slice: PersistedSlice): unknown {
    const value = selectPersisted(store.getState())[slice]
    if (!(slice in PERSISTED_ITEMS) || !Array.isArray(value)) return value
    const schema = PERSISTED_ITEMS[slice as keyof typeof PERSISTED_ITEMS]
    return value.filter((item: unknown) => {
      const checked = schema.safeParse(item)
      if (checked.success) return true
      const key = `${slice}:${JSON.stringify(item).length}:${itemLabel(item)}`
      if (!refused.has(key)) {
        refused.add(key)
        const why = checked.error.issues[0]
        notify(
          'error',
          `${itemLabel(item)} in ${slice} cannot be saved (${why ? `${why.path.join('.')}: ${why.message}` : 'invalid'}); everything else is saved.`,
        )
      }
      return false
    })
  }

  async function saveSlice(slice: PersistedSlice): Promise<void> {
    const base = synced.get(slice)
    if (!base) return
    const value = savable(slice)
    const json = JSON.stringify(value)
    if (json === base.json) return
    if (inFlight.has(slice)) return // the save in flight re-checks when it returns
    inFlight.add(slice)
    const saveId = `${windowTag}-${++saveCounter}`
    mySaves.add(saveId)
    try {
      const result = await transport.invoke('state.save', { slice, value, base: base.revision, saveId })
      if (result.saved) {
        remember(slice, result.revision, value)
      } else {
        // Another window saved first: keep both changes, then save the merge.
        apply(slice, merge3(base.value, value, result.value))
        remember(slice, result.revision, result.value)
        notify('info', `Your change to ${slice} was merged with a change saved from another window.`)
      }
    } catch (err) {
      notify('error', `Could not save ${slice}: ${(err as Error).message}`)
    } finally {
      inFlight.delete(slice)
      mySaves.delete(saveId)
    }
    if (JSON.stringify(savable(slice)) !== synced.get(slice)?.json) void saveSlice(slice)
  }

  const saveAll = (): void => {
    timer = undefined
    for (const slice of PERSISTED_SLICES) void saveSlice(slice)
  }

  const changedElsewhere = (event: Payload<'state.changed'>): void => {
    // Our own save, echoed before its answer arrived: taking it as another window's change would
    // put back what the user undid meanwhile (a removed certificate came back under load).
    if (event.saveId !== undefined && mySaves.has(event.saveId)) return
    const base = synced.get(event.slice)
    if (!base || event.revision <= base.revision) return
    const mine = savable(event.slice)
    apply(event.slice, JSON.stringify(mine) === base.json ? event.value : merge3(base.value, mine, event.value))
    remember(event.slice, event.revision, event.value)
  }
  const stopListening = transport.subscribe('state.changed', changedElsewhere)

  let timer: ReturnType<typeof setTimeout> | undefined
  const unsubscribe = store.subscribe(() => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(saveAll, debounceMs)
  })
  const flush = (): void => {
    if (!timer) return
    clearTimeout(timer)
    saveAll()
  }
  // A reload or close inside the debounce window must not lose the last change. (Guarded: the
  // store also runs in Node unit tests, where there is no page.)
  const page = globalThis as unknown as Partial<PageEvents>
  page.addEventListener?.('pagehide', flush)
  return () => {
    page.removeEventListener?.('pagehide', flush)
    stopListening()
    unsubscribe()
    flush()
  }
}
