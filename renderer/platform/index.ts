import type { LabTransport } from '../../shared/contract'
import { createBridgeTransport, type LabBridge } from './bridge-transport'
import { createWsTransport } from './ws-transport'
import { takeToken } from './token'

declare global {
  interface Window {
    lab?: LabBridge
  }
}

/**
 * The renderer's only way to the main process: window.lab in Electron, the WebSocket in the
 * browser host, which is given the token as its first message (see takeToken).
 */
export function connectPlatform(onConnectionChange?: (connected: boolean, refused: boolean) => void): LabTransport {
  if (window.lab) return createBridgeTransport(window.lab)
  const token = takeToken(window.location, window.history, window.sessionStorage)
  const url = `ws://${window.location.host}/ws`
  return createWsTransport(onConnectionChange ? { url, token, onConnectionChange } : { url, token })
}
