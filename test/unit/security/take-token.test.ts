import { describe, expect, it } from 'vitest'
import { TOKEN_STORAGE_KEY, takeToken, type StorageLike } from '../../../renderer/platform/token'

/** A Map-backed storage; `broken` throws as a browser with storage disabled does. */
function memoryStorage(broken = false): StorageLike {
  const items = new Map<string, string>()
  const guard = (): void => {
    if (broken) throw new Error('SecurityError: storage disabled')
  }
  return {
    getItem: (k) => (guard(), items.get(k) ?? null),
    setItem: (k, v) => (guard(), void items.set(k, v)),
  }
}

describe('the page takes the browser-host token out of its URL (issue 10 point 7)', () => {
  it('without replaceState the token would stay in the address bar; other fragment and query parts are kept', () => {
    const replaced: string[] = []
    const storage = memoryStorage()
    const token = takeToken(
      { pathname: '/', search: '?renderer=dom', hash: '#token=abc_DEF-123&pane=certs' },
      { replaceState: (_data, _unused, url) => void replaced.push(String(url)) },
      storage,
    )
    expect(token).toBe('abc_DEF-123')
    expect(replaced).toEqual(['/?renderer=dom#pane=certs'])
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe('abc_DEF-123')
  })

  it('a reload (no fragment) reads the token kept for this tab, and touches no history', () => {
    const storage = memoryStorage()
    storage.setItem(TOKEN_STORAGE_KEY, 'kept')
    const replaced: string[] = []
    expect(takeToken({ pathname: '/', search: '', hash: '' }, { replaceState: () => void replaced.push('x') }, storage)).toBe('kept')
    expect(replaced).toEqual([])
  })

  it('with storage disabled the first load still connects (a reload then needs the printed URL)', () => {
    const replaced: string[] = []
    const storage = memoryStorage(true)
    expect(
      takeToken(
        { pathname: '/', search: '', hash: '#token=t' },
        { replaceState: (_d, _u, url) => void replaced.push(String(url)) },
        storage,
      ),
    ).toBe('t')
    expect(replaced).toEqual(['/'])
    expect(takeToken({ pathname: '/', search: '', hash: '' }, { replaceState: () => undefined }, storage)).toBe('')
  })
})
