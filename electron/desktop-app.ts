import path from 'node:path'
import type { BrowserWindowConstructorOptions } from 'electron'
import { createServices, type HostHooks, type Services } from './services/compose'
import { attachElectronAdapter, type ElectronAdapter, type IpcMainLike, type WindowContentsLike } from './ipc/electron-adapter'
import { createSecureWindow, type SecureWindowLike } from './window'
import { denyAllPermissions, guardContents, type GuardedContents, type GuardedSession } from './window-guards'
import { isAllowedExternalUrl } from './window-policy'

/** Any WebContents the app ever gets: windows, but also anything Chromium creates on its own. */
export type AnyContentsLike = GuardedContents & { readonly session: GuardedSession }

/** What the desktop app needs of Electron's `app` (structural, so a fake can stand in). */
export interface AppLike {
  enableSandbox(): void
  requestSingleInstanceLock(): boolean
  quit(): void
  whenReady(): Promise<unknown>
  getPath(name: 'userData'): string
  getVersion(): string
  on(event: 'web-contents-created', listener: (event: unknown, contents: AnyContentsLike) => void): unknown
  on(event: 'second-instance' | 'activate' | 'before-quit' | 'window-all-closed', listener: () => void): unknown
}

export interface DesktopWindowLike extends SecureWindowLike {
  readonly webContents: SecureWindowLike['webContents'] & WindowContentsLike
  isMinimized(): boolean
  restore(): void
  focus(): void
}

export interface DesktopElectron<W extends DesktopWindowLike> {
  readonly app: AppLike
  readonly BrowserWindow: (new (options: BrowserWindowConstructorOptions) => W) & { getAllWindows(): W[] }
  readonly ipcMain: IpcMainLike
  readonly shell: { openExternal(url: string): Promise<void> }
}

export interface DesktopOptions {
  /** out/ of the build: renderer/, preload/ and main/ live under it. */
  readonly outDir: string
  /** Registers app:// as privileged; must run before the app is ready. */
  readonly registerScheme: () => void
  /** Serves the built renderer from app://lab once the app is ready. */
  readonly serveRenderer: (rendererDir: string) => void
  readonly userDataDir: () => string
  readonly hooks?: HostHooks
  /** Runs as soon as the services exist (main.ts installs the process guards here). */
  readonly onServices?: (services: Services) => void
}

export interface DesktopRunning<W> {
  readonly services: Services
  readonly adapter: ElectronAdapter
  window(): W
}

/**
 * The desktop app's wiring, from Electron's objects (or fakes): sandbox for every renderer, a
 * guard on every WebContents ever created, one instance, the services, the IPC adapter and the
 * one window. main.ts passes the real modules; tests pass recorders.
 */
export function startDesktopApp<W extends DesktopWindowLike>(
  electron: DesktopElectron<W>,
  options: DesktopOptions,
): Promise<DesktopRunning<W> | undefined> {
  const { app, BrowserWindow, ipcMain, shell } = electron
  const openExternal = (url: string): void => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
  }
  options.registerScheme()
  // Sandbox every renderer, whatever its webPreferences say (Electron's app-wide switch).
  app.enableSandbox()
  // Whatever WebContents appears (a window, a devtools or a future popup): navigation stays on the
  // app origin, window.open is denied and no permission is granted, not only in our own window.
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, openExternal)
    denyAllPermissions(contents.session)
  })

  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return Promise.resolve(undefined)
  }
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  return app.whenReady().then(() => {
    options.serveRenderer(path.join(options.outDir, 'renderer'))
    const services = createServices({
      userDataDir: options.userDataDir(),
      host: 'electron',
      version: app.getVersion(),
      ...(options.hooks ? { hooks: options.hooks } : {}),
    })
    options.onServices?.(services)
    const adapter = attachElectronAdapter(ipcMain, services)
    const open = (): W => {
      const created = createSecureWindow(options.outDir, { BrowserWindow, openExternal })
      adapter.track(created.webContents)
      return created
    }
    let win = open()
    app.on('second-instance', () => {
      if (win.isMinimized()) win.restore()
      win.focus()
    })
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) win = open()
    })
    app.on('before-quit', () => services.dispose())
    return { services, adapter, window: () => win }
  })
}
