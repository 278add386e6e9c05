import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host'
import { launchChromium } from '../../support/browser'
import { testServices } from '../../support/services'

// Chromium on a loaded two-core machine can take many seconds to start the app; these waits
// are for events (a session opened, a request arrived), never a measure of speed.
const APP_START_MS = 30_000

/** Waits until `check` holds (expect.poll only works inside a test, not in beforeAll). */
async function waitUntil(check: () => boolean, what: string, timeoutMs = APP_START_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

interface Seen {
  readonly url: string
  readonly cookie: string | undefined
  readonly referer: string | undefined
}

/**
 * The token in a real browser: what another local port receives after the app has loaded, what
 * history keeps, and whether a reload still connects. Needs `npm run build` (out/renderer).
 */
describe('browser host token in Chromium (issue 10 point 7)', () => {
  const services = testServices()
  let host: BrowserHost
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  // Another local listener, as any program on this machine could run.
  const seen: Seen[] = []
  const other = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', cookie: req.headers.cookie, referer: req.headers.referer })
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end('<p>another local service</p>')
  })
  let otherPort = 0

  const sessionIds = (): string[] => services.sessions.list().map((s) => s.id)

  beforeAll(async () => {
    host = await startBrowserHost({ services, rendererDir: path.resolve('out/renderer') })
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    otherPort = (other.address() as AddressInfo).port
    browser = await launchChromium()
    page = await browser.context.newPage()
    await page.goto(host.url)
    // The console opens the practice router at start: a session proves the socket authenticated.
    await waitUntil(() => sessionIds().length === 1, 'the app to open its practice session')
  })
  afterAll(async () => {
    await browser?.close()
    await host?.close()
    await new Promise((resolve) => other.close(resolve))
    services.cleanup()
  })

  it('takes the token out of the address bar and the tab history: without replaceState, Back/Forward would show it', async () => {
    expect(page.url()).toBe(`http://127.0.0.1:${host.port}/`)
    const cdp = await browser.context.newCDPSession(page)
    const { entries } = await cdp.send('Page.getNavigationHistory')
    await cdp.detach()
    expect(entries.map((e) => e.url)).toContain(`http://127.0.0.1:${host.port}/`)
    for (const entry of entries) expect(entry.url).not.toContain(host.token)
  })

  it('another local port receives no token and no cookie: a cookie holding it would reach every port of 127.0.0.1', async () => {
    await page.goto(`http://127.0.0.1:${otherPort}/probe`)
    await expect.poll(() => seen.length, { timeout: APP_START_MS }).toBeGreaterThan(0)
    for (const request of seen) {
      expect(request.cookie).toBeUndefined()
      expect(`${request.url} ${request.referer ?? ''}`).not.toContain(host.token)
    }
    expect(await browser.context.cookies()).toEqual([])
  })

  it('a reload keeps working (sessionStorage of this tab) and closes the old session', async () => {
    await page.goBack()
    expect(page.url()).toBe(`http://127.0.0.1:${host.port}/`)
    const before = sessionIds()
    await page.reload()
    await expect.poll(sessionIds, { timeout: APP_START_MS }).toHaveLength(1)
    await expect.poll(() => sessionIds()[0] !== before[0], { timeout: APP_START_MS }).toBe(true)
  })

  it(
    'a new tab without the printed URL is not let in: without the token check, any page could open a shell',
    async () => {
      const stranger = await browser.context.newPage()
      const before = sessionIds()
      const refused = stranger.waitForEvent('websocket').then((ws) => ws.waitForEvent('close', { timeout: APP_START_MS }))
      await stranger.goto(`http://127.0.0.1:${host.port}/`)
      await refused
      expect(sessionIds()).toEqual(before)
      // And it says what to do instead of pretending to retry (was: "connection lost — retrying…").
      await expect.poll(() => stranger.locator('.statusbar').textContent(), { timeout: APP_START_MS }).toMatch(/refused this page/)
      await stranger.close()
    },
    2 * APP_START_MS,
  )
})
