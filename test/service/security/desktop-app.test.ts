import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserWindowConstructorOptions } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDesktopApp, type AppLike, type DesktopRunning } from '../../../electron/desktop-app'
import { attachElectronAdapter, type InvokeEventLike, type IpcMainLike } from '../../../electron/ipc/electron-adapter'
import { EVENT_CHANNEL } from '../../../electron/preload-api'
import { createSecureWindow } from '../../../electron/window'
import { APP_ENTRY } from '../../../electron/window-policy'
import type { Envelope } from '../../../shared/contract'
import { testServices } from '../../support/services'

/*
 * There is no Electron binary here, so the desktop wiring is driven through fakes that record
 * what Electron would be asked to do: the options a window is built with, the handlers installed
 * on its WebContents and session, the IPC handler. Each fake behaves as Electron documents
 * (events by name, setWindowOpenHandler replacing the previous one).
 */

type NavEvent = { preventDefault(): void; url: string }
type PermissionRequest = (wc: unknown, permission: string, callback: (granted: boolean) => void) => void

class FakeSession {
  request: PermissionRequest | null = null
  check: ((wc: unknown, permission: string) => boolean) | null = null
  device: ((details: unknown) => boolean) | null = null
  setPermissionRequestHandler(h: PermissionRequest | null): void {
    this.request = h
  }
  setPermissionCheckHandler(h: ((wc: unknown, permission: string) => boolean) | null): void {
    this.check = h
  }
  setDevicePermissionHandler(h: ((details: unknown) => boolean) | null): void {
    this.device = h
  }
  /** What the renderer would get when asking for a permission. */
  grants(permission: string): { requested: boolean; checked: boolean } {
    let requested = true // no handler installed: Electron grants by default
    this.request?.({}, permission, (granted) => (requested = granted))
    return { requested, checked: this.check ? this.check({}, permission) : true }
  }
}

let nextContentsId = 1

class FakeContents extends EventEmitter {
  readonly id = nextContentsId++
  readonly session = new FakeSession()
  readonly sent: unknown[][] = []
  destroyed = false
  openHandler: ((d: { url: string }) => { action: 'deny' | 'allow' }) | undefined
  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  send(...args: unknown[]): void {
    this.sent.push(args)
  }
  /** Emits a navigation event; true when a handler prevented it. */
  tryNavigate(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false
    const e: NavEvent = { preventDefault: () => (prevented = true), url }
    this.emit(event, e, url)
    return prevented
  }
  /** What window.open would do: Electron allows it when no handler is set. */
  windowOpen(url: string): 'deny' | 'allow' {
    return this.openHandler?.({ url }).action ?? 'allow'
  }
  reload(): void {
    this.emit('did-start-navigation', { url: APP_ENTRY, isMainFrame: true, isSameDocument: false })
  }
  destroy(): void {
    this.destroyed = true
    this.emit('destroyed')
  }
  sessionEvents(): unknown[][] {
    return this.sent.filter(([, name]) => String(name).startsWith('session.'))
  }
}

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = []
  static getAllWindows(): FakeWindow[] {
    return FakeWindow.created.filter((w) => !w.webContents.destroyed)
  }
  readonly webContents = new FakeContents()
  loaded: string | undefined
  shown = false
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    FakeWindow.created.push(this)
  }
  show(): void {
    this.shown = true
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  focus(): void {}
}

class FakeApp extends EventEmitter implements AppLike {
  readonly calls: string[] = []
  enableSandbox(): void {
    this.calls.push('enableSandbox')
  }
  requestSingleInstanceLock(): boolean {
    return true
  }
  quit(): void {
    this.calls.push('quit')
  }
  async whenReady(): Promise<void> {
    this.calls.push('whenReady')
  }
  getPath(): string {
    return '/nonexistent'
  }
  getVersion(): string {
    return '0.0.0-test'
  }
}

class FakeIpc implements IpcMainLike {
  handler: ((event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>) | undefined
  handle(_channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    this.handler = listener
  }
  removeHandler(): void {
    this.handler = undefined
  }
  /** A call from the main frame of the app page in `contents`. */
  async call(contents: FakeContents, method: string, input: unknown): Promise<Envelope<unknown>> {
    if (!this.handler) throw new Error('no IPC handler')
    return (await this.handler(
      { senderFrame: { url: APP_ENTRY, parent: null }, sender: { id: contents.id } },
      method,
      input,
    )) as Envelope<unknown>
  }
}

/** Checks that `contents` carries the navigation, window.open and permission guards. */
function expectGuarded(contents: FakeContents): void {
  expect(contents.tryNavigate('will-navigate', 'https://evil.example/')).toBe(true)
  expect(contents.tryNavigate('will-redirect', 'file:///etc/passwd')).toBe(true)
  expect(contents.tryNavigate('will-navigate', APP_ENTRY)).toBe(false)
  expect(contents.tryNavigate('will-attach-webview', '')).toBe(true)
  expect(contents.windowOpen('https://evil.example/')).toBe('deny')
  expect(contents.session.grants('media')).toEqual({ requested: false, checked: false })
  expect(contents.session.grants('serial')).toEqual({ requested: false, checked: false })
  expect(contents.session.device?.({})).toBe(false)
}

describe('the window, built through a fake BrowserWindow (issue 10 point 11)', () => {
  const opened: string[] = []
  const win = createSecureWindow('/app/out', { BrowserWindow: FakeWindow, openExternal: (url) => opened.push(url) })

  it('without sandbox: true (or with nodeIntegration), the renderer would run with Node-capable privileges', () => {
    const prefs = win.options.webPreferences
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false })
    expect(prefs?.nodeIntegrationInWorker).toBe(false)
    expect(prefs?.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs?.preload).toBe(path.join('/app/out', 'preload', 'preload.cjs'))
    expect(win.loaded).toBe(APP_ENTRY)
  })

  it('without guardContents and denyAllPermissions, the window could navigate off the app, open windows and get permissions', () => {
    expectGuarded(win.webContents)
    expect(win.webContents.windowOpen('https://www.cisco.com/c/en/us/support/index.html')).toBe('deny')
    expect(opened).toEqual(['https://www.cisco.com/c/en/us/support/index.html'])
  })

  it('shows itself only once ready (no white flash of an unguarded page)', () => {
    expect(win.shown).toBe(false)
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
  })
})

describe('the desktop app wiring, with fake Electron objects (issue 10 points 9 and 11)', () => {
  const app = new FakeApp()
  const ipcMain = new FakeIpc()
  const externals: string[] = []
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-desktop-'))
  let running: DesktopRunning<FakeWindow> | undefined

  beforeAll(async () => {
    FakeWindow.created = []
    running = await startDesktopApp(
      { app, BrowserWindow: FakeWindow, ipcMain, shell: { openExternal: async (url) => void externals.push(url) } },
      {
        outDir: '/app/out',
        registerScheme: () => app.calls.push('registerScheme'),
        serveRenderer: () => app.calls.push('serveRenderer'),
        userDataDir: () => userDataDir,
        onServices: () => app.calls.push('onServices'),
      },
    )
  })
  afterAll(() => {
    running?.services.dispose()
    running?.adapter.detach()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  })

  it('without app.enableSandbox(), a window whose options forgot sandbox would get an unsandboxed renderer', () => {
    expect(app.calls.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0)
    // Electron only honours it before the app is ready.
    expect(app.calls.indexOf('enableSandbox')).toBeLessThan(app.calls.indexOf('whenReady'))
    expect(app.calls.indexOf('registerScheme')).toBeLessThan(app.calls.indexOf('whenReady'))
  })

  it('without the global web-contents-created guard, a WebContents the app did not build itself would be unguarded', () => {
    const stray = new FakeContents()
    app.emit('web-contents-created', {}, stray)
    expectGuarded(stray)
  })

  it('hands the services to main.ts (its process guards) before any window can call', () => {
    expect(app.calls.filter((c) => c === 'onServices')).toHaveLength(1)
  })

  it('opens one guarded, sandboxed window on app://lab', () => {
    expect(FakeWindow.created).toHaveLength(1)
    const win = running?.window()
    expect(win?.options.webPreferences?.sandbox).toBe(true)
    expect(win?.loaded).toBe(APP_ENTRY)
    if (win) expectGuarded(win.webContents)
  })

  it('serves calls from the window through the validating dispatcher', async () => {
    const win = running?.window()
    if (!win) throw new Error('no window')
    expect(await ipcMain.call(win.webContents, 'app.info', null)).toMatchObject({ ok: true, output: { host: 'electron' } })
  })
})

describe('Electron adapter: each window owns its sessions and events (issue 10 point 9)', () => {
  const services = testServices()
  const ipc = new FakeIpc()
  const adapter = attachElectronAdapter(ipc, services)
  const windowA = new FakeContents()
  const windowB = new FakeContents()
  adapter.track(windowA)
  adapter.track(windowB)
  afterAll(() => {
    adapter.detach()
    services.cleanup()
  })

  const open = async (contents: FakeContents, lab: string): Promise<string> => {
    const result = await ipc.call(contents, 'session.open', { spec: { kind: 'practice', lab, seed: lab }, cols: 80, rows: 24 })
    if (!result.ok) throw new Error(result.error.message)
    const { id } = result.output as { id: string }
    // The practice router greets at once; its first output event proves the session is live.
    await expect
      .poll(() => contents.sessionEvents().some(([, name, p]) => name === 'session.data' && (p as { id: string }).id === id), {
        timeout: 15_000,
      })
      .toBe(true)
    return id
  }
  const openIds = (): string[] =>
    services.sessions
      .list()
      .filter((s) => s.state !== 'closed')
      .map((s) => s.id)

  it('without audience routing, window B would receive the terminal output and prompts of window A', async () => {
    const id = await open(windowA, 'audience')
    expect(windowA.sessionEvents().length).toBeGreaterThan(0)
    expect(windowB.sessionEvents().filter(([, , p]) => (p as { id: string }).id === id)).toEqual([])
    // Events that belong to no session still reach every window.
    services.hub.emit('app.notice', { level: 'info', message: 'for everyone' })
    for (const w of [windowA, windowB])
      expect(w.sent).toContainEqual([EVENT_CHANNEL, 'app.notice', { level: 'info', message: 'for everyone' }])
    await ipc.call(windowA, 'session.close', { id })
  })

  it('without closeOwnedBy on reload, a reloaded window would leave its sessions running with no one to see them', async () => {
    const id = await open(windowA, 'reload')
    const other = await open(windowB, 'reload-other')
    // A same-document navigation (a hash change) and a blocked foreign navigation keep the page.
    windowA.emit('did-start-navigation', { url: `${APP_ENTRY}#x`, isMainFrame: true, isSameDocument: true })
    windowA.emit('did-start-navigation', { url: 'https://evil.example/', isMainFrame: true, isSameDocument: false })
    windowA.emit('did-start-navigation', { url: APP_ENTRY, isMainFrame: false, isSameDocument: false })
    expect(openIds()).toContain(id)
    windowA.reload()
    expect(openIds()).not.toContain(id)
    expect(openIds()).toContain(other)
  })

  it('without resetting flow control when a page goes away, output it never acknowledged would keep other sessions throttled', async () => {
    const id = services.sessions.list().find((s) => s.state !== 'closed')?.id ?? ''
    // The fake windows never acknowledge: the router's answer stays unacknowledged.
    expect(await ipc.call(windowB, 'session.write', { id, data: 'show clock\r' })).toMatchObject({ ok: true })
    await expect.poll(() => services.sessions.get(id).flow.unacknowledged, { timeout: 15_000 }).toBeGreaterThan(0)
    windowA.reload()
    expect(services.sessions.get(id).flow.unacknowledged).toBe(0)
  })

  it('without closeOwnedBy on close or crash, a closed window would leave its sessions (and serial ports) held open', async () => {
    const crashed = await open(windowA, 'crash')
    windowA.emit('render-process-gone')
    expect(openIds()).not.toContain(crashed)
    const owned = openIds()
    expect(owned.length).toBeGreaterThan(0)
    windowB.destroy()
    expect(openIds()).toEqual([])
    // A destroyed window gets nothing more.
    const before = windowB.sent.length
    services.hub.emit('app.notice', { level: 'info', message: 'after close' })
    expect(windowB.sent.length).toBe(before)
  })
})
