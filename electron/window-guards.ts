import { isAllowedExternalUrl, isAppUrl } from './window-policy'

/**
 * The parts of WebContents / Session the guards touch. Typed structurally so the guards are
 * plain functions a unit test can drive.
 */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url: string }, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export interface GuardedSession {
  setPermissionRequestHandler(handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void
  setPermissionCheckHandler(handler: ((wc: unknown, permission: string) => boolean) | null): void
  setDevicePermissionHandler?(handler: ((details: unknown) => boolean) | null): void
}

export type OpenExternal = (url: string) => void

/** Navigation stays on the app origin; new windows are denied (allow-listed https links go to the browser). */
export function guardContents(contents: GuardedContents, openExternal: OpenExternal): void {
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault()
  }
  contents.on('will-navigate', blockForeign)
  contents.on('will-redirect', blockForeign)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}

/** The renderer never needs a permission: serial ports, files and notifications live in main. */
export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler?.(() => false)
}
