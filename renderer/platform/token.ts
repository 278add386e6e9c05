/** The parts of window.location, history and sessionStorage the token needs (DOM-free, so Node tests can call it). */
export interface LocationLike {
  readonly hash: string
  readonly pathname: string
  readonly search: string
}
export interface HistoryLike {
  replaceState(data: null, unused: string, url: string): void
}
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** Where the token is kept for reloads: this tab and this origin (port included) only. */
export const TOKEN_STORAGE_KEY = 'lab-console-token'

/**
 * Takes the browser host's token out of the URL fragment (`#token=…`, printed by the host) and
 * out of history at once: replaceState rewrites the current entry, so Back never shows it. It is
 * kept in sessionStorage, which survives reloads of this tab, is never sent over the network
 * and is readable only by this exact origin — unlike a cookie, which the browser would also send
 * to every other port of 127.0.0.1.
 */
export function takeToken(location: LocationLike, history: HistoryLike, storage: StorageLike): string {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''))
  const fromUrl = fragment.get('token')
  if (fromUrl) {
    fragment.delete('token')
    const rest = fragment.toString()
    history.replaceState(null, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`)
    try {
      storage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    } catch {
      // Storage disabled: this load still works; a reload will need the printed URL again.
    }
    return fromUrl
  }
  try {
    return storage.getItem(TOKEN_STORAGE_KEY) ?? ''
  } catch {
    return ''
  }
}
