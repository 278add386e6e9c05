import { describe, expect, it } from 'vitest'
import { PersistedState, Settings } from '../../../shared/contract'
import { selectPersisted } from '../../../renderer/store/persistence'
import { storeWithoutHost } from './helpers'

describe('pane layout in the settings', () => {
  it('defaults give the checklist the larger share of the side column, and old settings files load', () => {
    expect(Settings.parse({}).layout).toEqual({ consoleFraction: 0.5, workbenchFraction: 0.4 })
    // A settings object saved before the layout existed.
    expect(Settings.parse({ fontSize: 14, theme: 'dark' }).layout.consoleFraction).toBe(0.5)
  })

  it('is clamped, kept in the store and persisted with the settings', () => {
    const store = storeWithoutHost()
    store.getState().updateLayout({ consoleFraction: 0.35 })
    store.getState().updateLayout({ workbenchFraction: 5 })
    expect(store.getState().settings.layout).toEqual({ consoleFraction: 0.35, workbenchFraction: 0.85 })
    const saved = PersistedState.parse(JSON.parse(JSON.stringify(selectPersisted(store.getState()))))
    expect(saved.settings?.layout).toEqual({ consoleFraction: 0.35, workbenchFraction: 0.85 })
    store.getState().updateLayout({ consoleFraction: Number.NaN })
    expect(store.getState().settings.layout.consoleFraction).toBe(0.2)
  })
})
