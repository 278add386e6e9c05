import path from 'node:path'
import type { BrowserWindowConstructorOptions } from 'electron'
import { APP_ENTRY, isAllowedExternalUrl, secureWebPreferences } from './window-policy'
import { denyAllPermissions, guardContents, type GuardedContents, type GuardedSession } from './window-guards'

/** What createSecureWindow needs of a BrowserWindow (structural, so a fake can record it). */
export interface SecureWindowLike {
  readonly webContents: GuardedContents & { readonly session: GuardedSession }
  once(event: 'ready-to-show', listener: () => void): unknown
  show(): void
  loadURL(url: string): Promise<void>
}

export interface WindowDeps<W extends SecureWindowLike> {
  /** Electron's BrowserWindow, or a fake in tests. */
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => W
  /** shell.openExternal, for allow-listed https links. */
  readonly openExternal: (url: string) => unknown
}

/**
 * The window icon, relative to the app root (the folder holding out/ and package.json; inside
 * app.asar once packaged). electron-builder.yml's `files` ships exactly this path.
 */
export const WINDOW_ICON = 'resources/icon.png'

/** The one way the app opens a window: isolated, sandboxed, guarded, loading app://lab. */
export function createSecureWindow<W extends SecureWindowLike>(outDir: string, deps: WindowDeps<W>): W {
  const win = new deps.BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Lab Console',
    show: false,
    backgroundColor: '#1e1e1e',
    icon: path.join(outDir, '..', WINDOW_ICON),
    webPreferences: {
      ...secureWebPreferences(path.join(outDir, 'preload', 'preload.cjs')),
      // Repeated as literals so static scanners (electronegativity, in npm run lint) can see them.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  })
  guardContents(win.webContents, (url) => {
    if (isAllowedExternalUrl(url)) void deps.openExternal(url)
  })
  denyAllPermissions(win.webContents.session)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(APP_ENTRY)
  return win
}
