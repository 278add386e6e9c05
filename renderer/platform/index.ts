import type { LabTransport } from '../../shared/contract'
import { createBridgeTransport, type LabBridge } from './bridge-transport'
import { createWsTransport } from './ws-transport'

declare global {
  interface Window {
    lab?: LabBridge
  }
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
export function takeToken(location: Pick<Location, 'hash' | 'pathname' | 'search'>, history: Pick<History, 'replaceState'>, storage: Storage): string {
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

/**
 * The renderer's only way to the main process: window.lab in Electron, the WebSocket in the
 * browser host, which is given the token as its first message (see takeToken).
 */
export function connectPlatform(onConnectionChange?: (connected: boolean) => void): LabTransport {
  if (window.lab) return createBridgeTransport(window.lab)
  const token = takeToken(window.location, window.history, window.sessionStorage)
  const url = `ws://${window.location.host}/ws`
  return createWsTransport(onConnectionChange ? { url, token, onConnectionChange } : { url, token })
}
