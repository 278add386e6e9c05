import type { LabTransport } from '../../shared/contract'
import { createBridgeTransport, type LabBridge } from './bridge-transport'
import { createWsTransport } from './ws-transport'

declare global {
  interface Window {
    lab?: LabBridge
  }
}

/**
 * The renderer's only way to the main process: window.lab in Electron, the WebSocket in the
 * browser host. The token arrives once in the URL; it is taken out of the address bar at once
 * (the host has also set a cookie, so a reload still works).
 */
export function connectPlatform(onConnectionChange?: (connected: boolean) => void): LabTransport {
  if (window.lab) return createBridgeTransport(window.lab)
  const params = new URLSearchParams(window.location.search)
  const token = params.get('token')
  if (token) {
    params.delete('token')
    const rest = params.toString()
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}`)
  }
  const url = `ws://${window.location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`
  return createWsTransport(onConnectionChange ? { url, onConnectionChange } : { url })
}
