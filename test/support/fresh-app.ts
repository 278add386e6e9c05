import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { z } from 'zod'
import type { KeptCertificate, Profile } from '../../shared/contract'
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host'
import type { Services } from '../../electron/services/compose'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launchSharedChromium, VIEWPORT } from './browser'
import { directClient, type TestClient } from './clients'
import { testServices } from './services'

/**
 * One test's own app: its own services over a fresh user-data folder, its own browser host
 * (in-process, on a free port) and its own browser context and page. Nothing a test does here
 * can reach the next test, so one failure no longer takes the tests after it down with it.
 */
export interface FreshApp {
  readonly page: Page
  readonly context: BrowserContext
  readonly host: BrowserHost
  readonly services: Services
  /** Calls the services directly, as a second window would (for setting state up, not for assertions). */
  readonly client: TestClient
  readonly userDataDir: string
  /** Uncaught page errors (and console errors, when asked for). */
  readonly pageErrors: string[]
  /** The app's URL with a query (e.g. "?renderer=dom"), the token still in the fragment. */
  urlWith(query: string): string
  dispose(): Promise<void>
}

export interface FreshAppOptions {
  /** Appended to the app's URL before the fragment, e.g. "?renderer=dom". */
  readonly query?: string
  /** Also count the page's console errors in pageErrors. */
  readonly consoleErrors?: boolean
  /**
   * Runs before the page loads: what the test needs that a user would have left behind (saved
   * profiles, a known host key), set up through the contract or the services' own files.
   */
  readonly prepare?: (app: { client: TestClient; services: Services; userDataDir: string }) => Promise<void> | void
  /** What to wait for after loading: the first tab (default), or nothing. */
  readonly waitFor?: 'tab' | 'none'
  /** Runs on the new page before it loads the app (init scripts, routes). */
  readonly beforeLoad?: (page: Page) => Promise<unknown>
}

/** Starts a fresh app in the shared Chromium and loads it; dispose() ends all of it. */
export async function freshApp(browser: Browser, options: FreshAppOptions = {}): Promise<FreshApp> {
  const services = testServices()
  const client = directClient(services, 'test-setup')
  let host: BrowserHost | undefined
  let context: BrowserContext | undefined
  const dispose = async (): Promise<void> => {
    await context?.close().catch(() => undefined)
    await host?.close()
    await client.close()
    await services.cleanup()
  }
  try {
    await options.prepare?.({ client, services, userDataDir: services.userDataDir })
    host = await startBrowserHost({ services, rendererDir: path.resolve('out/renderer') })
    const parsed = new URL(host.url)
    const urlWith = (query: string): string => `${parsed.origin}/${query}${parsed.hash}`
    context = await browser.newContext({ viewport: VIEWPORT })
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(e.message))
    if (options.consoleErrors)
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(m.text())
      })
    await options.beforeLoad?.(page)
    await page.goto(urlWith(options.query ?? ''))
    if ((options.waitFor ?? 'tab') === 'tab') await page.getByRole('tab').first().waitFor()
    return { page, context, host, services, client, userDataDir: services.userDataDir, pageErrors, urlWith, dispose }
  } catch (err) {
    await dispose()
    throw err
  }
}

/** Saves one persisted slice as a window would: on top of whatever revision is current. */
export async function saveProfiles(client: TestClient, profiles: readonly z.input<typeof Profile>[]): Promise<void> {
  const { revisions } = await client.invoke('state.load', null)
  const result = await client.invoke('state.save', { slice: 'profiles', value: profiles, base: revisions.profiles })
  if (!result.saved) throw new Error('Could not save the profiles slice: someone saved it first')
}

/**
 * Saves the workbench library (the certificates slice) as a window would, so that a test starts
 * with the certificates a user had kept: the page parses them again when it loads.
 */
export async function saveCertificates(client: TestClient, certificates: readonly z.input<typeof KeptCertificate>[]): Promise<void> {
  const { revisions } = await client.invoke('state.load', null)
  const result = await client.invoke('state.save', { slice: 'certificates', value: certificates, base: revisions.certificates })
  if (!result.saved) throw new Error('Could not save the certificates slice: someone saved it first')
}

/**
 * Records the server's host keys as trusted for host:port, in the known_hosts file the services
 * read (OpenSSH's format; there is no contract method to trust a key without connecting).
 */
export function trustHostKeys(userDataDir: string, host: string, port: number, publicKeys: readonly string[]): void {
  const name = port === 22 ? host : `[${host}]:${port}`
  const lines = publicKeys.map((line) => {
    const [type, blob] = line.trim().split(/\s+/)
    return `${name} ${type} ${blob}\n`
  })
  fs.writeFileSync(path.join(userDataDir, 'known_hosts'), lines.join(''), { mode: 0o600 })
}

/**
 * One Chromium for the file, a fresh app for each test: registers the hooks that start the
 * browser, dispose of each test's app and close the browser, and opens apps on request.
 */
export function appPerTest(): { open(options?: FreshAppOptions): Promise<FreshApp> } {
  let browser: Browser | undefined
  let app: FreshApp | undefined
  beforeAll(async () => {
    browser = await launchSharedChromium()
  })
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })
  afterAll(async () => {
    await browser?.close()
  })
  return {
    async open(options: FreshAppOptions = {}): Promise<FreshApp> {
      if (!browser) throw new Error('appPerTest: the browser is not started yet (call open() inside a test)')
      app = await freshApp(browser, options)
      return app
    },
  }
}
