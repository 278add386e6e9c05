import type { WebPreferences } from 'electron'

/** The one origin the app's own pages are served from (a custom protocol, not file://). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'lab'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/**
 * The web preferences of every window the app opens. Kept as plain data so a unit test can check
 * each property without an Electron binary.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // Middle-click would otherwise open links in new windows, around the window.open handler.
    disableBlinkFeatures: 'Auxclick',
  }
}

/** True only for the app's own origin: app://lab. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

/** Links the user may open in the system browser: https only, on hosts we chose. */
export const EXTERNAL_ALLOW_LIST: readonly string[] = ['www.cisco.com', 'github.com']

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && EXTERNAL_ALLOW_LIST.includes(parsed.hostname) && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/** Every IPC call must come from the app's main frame, not an iframe or a navigated-away page. */
export interface SenderFrameLike {
  readonly url: string
  readonly parent: unknown
}

export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame) return false
  return frame.parent === null && isAppUrl(frame.url)
}
