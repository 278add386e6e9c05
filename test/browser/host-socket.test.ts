import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appPerTest } from '../support/fresh-app'
import { waitForTerminal } from '../support/page'

/** Counts WebSockets the window's own thread opens (a worker's are not seen by this script). */
const COUNT_WINDOW_SOCKETS = `(() => {
  window.__windowSockets = 0
  const Native = window.WebSocket
  window.WebSocket = class extends Native {
    constructor(...args) { super(...args); window.__windowSockets += 1 }
  }
})()`

async function echoInLocalShell(page: Page): Promise<void> {
  await page.getByRole('button', { name: '+ Local shell' }).click()
  await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/Local shell/)
  await page.locator('.terminal:not([hidden]) .xterm-screen').click()
  await page.keyboard.type('echo wor""ker')
  await page.keyboard.press('Enter')
  await waitForTerminal(page, /[^"]worker/)
}

// The browser host's socket runs in a worker, so a flood's bytes are read off the window's thread
// and an echo is not read in pieces between xterm's parse slices (the bench measures the echo).
describe('the browser host socket', () => {
  const apps = appPerTest()

  it('lives in a worker: the window opens no WebSocket of its own, and the console works', async () => {
    const { page, pageErrors } = await apps.open({ beforeLoad: (p) => p.addInitScript(COUNT_WINDOW_SOCKETS) })
    await echoInLocalShell(page)
    expect(await page.evaluate<number>('window.__windowSockets')).toBe(0)
    expect(page.workers().some((w) => /socket-worker/.test(w.url()))).toBe(true)
    expect(pageErrors).toEqual([])
  })

  it('runs on the window thread when the worker cannot be loaded', async () => {
    const { page } = await apps.open({
      beforeLoad: async (p) => {
        await p.addInitScript(COUNT_WINDOW_SOCKETS)
        await p.route(/socket-worker-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'not here' }))
      },
    })
    await echoInLocalShell(page)
    expect(await page.evaluate<number>('window.__windowSockets')).toBe(1)
  })
})
