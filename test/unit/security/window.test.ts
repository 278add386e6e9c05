import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY, isAllowedExternalUrl, isAppUrl, isTrustedSender, secureWebPreferences } from '../../../electron/window-policy'
import { denyAllPermissions, guardContents, type GuardedContents } from '../../../electron/window-guards'

describe('secure window options (security item 1)', () => {
  const prefs = secureWebPreferences('/app/preload.cjs')

  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webviewTag).toBe(false)
  })

  it('turns on none of the insecure switches', () => {
    expect(prefs.webSecurity).not.toBe(false)
    expect(prefs.allowRunningInsecureContent).not.toBe(true)
    expect(prefs.experimentalFeatures).not.toBe(true)
    expect(Object.keys(prefs)).not.toContain('enableBlinkFeatures')
  })
})

describe('app origin (security item 2)', () => {
  it('serves the renderer from app://lab, not file://', () => {
    expect(APP_ENTRY).toBe('app://lab/index.html')
    expect(isAppUrl('app://lab/assets/x.js')).toBe(true)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('https://lab/')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })
})

describe('sender frame check (security item 3)', () => {
  it('accepts only the main frame of the app origin', () => {
    expect(isTrustedSender({ url: 'app://lab/index.html', parent: null })).toBe(true)
    expect(isTrustedSender({ url: 'app://lab/index.html', parent: {} })).toBe(false)
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
    expect(isTrustedSender(undefined)).toBe(false)
  })
})

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined
  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler
  }
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true), url }, url)
    return prevented
  }
}

describe('navigation, window.open and permissions (security item 5)', () => {
  const contents = new FakeContents()
  const opened: string[] = []
  guardContents(contents as unknown as GuardedContents, (url) => opened.push(url))

  it('blocks navigation and redirects off the app origin', () => {
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(contents.navigate('will-navigate', 'app://lab/index.html')).toBe(false)
  })

  it('refuses webviews', () => {
    expect(contents.navigate('will-attach-webview', '')).toBe(true)
  })

  it('denies every window.open, handing only allow-listed https links to the system browser', () => {
    expect(contents.openHandler?.({ url: 'https://www.cisco.com/c/en/us/support/index.html' })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: 'http://www.cisco.com/' })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: 'https://user:pw@www.cisco.com/' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://www.cisco.com/c/en/us/support/index.html'])
  })

  it('allows only https on the allow list for openExternal', () => {
    expect(isAllowedExternalUrl('https://github.com/x')).toBe(true)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isAllowedExternalUrl('smb://host/share')).toBe(false)
  })

  it('denies every permission request and check', () => {
    const answers: boolean[] = []
    let check: ((wc: unknown, p: string) => boolean) | undefined
    let device: ((d: unknown) => boolean) | undefined
    denyAllPermissions({
      setPermissionRequestHandler: (h) => h?.({}, 'serial', (granted) => answers.push(granted)),
      setPermissionCheckHandler: (h) => (check = h ?? undefined),
      setDevicePermissionHandler: (h) => (device = h ?? undefined),
    })
    expect(answers).toEqual([false])
    expect(check?.({}, 'media')).toBe(false)
    expect(device?.({})).toBe(false)
  })
})
