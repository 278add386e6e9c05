import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appPerTest, type FreshApp } from '../support/fresh-app'
import { startHostProcess } from '../support/host-process'
import { waitForTerminal } from '../support/page'

// One Chromium for the file (it holds no app state); every test gets its own host, user-data
// folder and browser context, so each passes alone and none inherits another's tabs.
describe('browser host in Chromium: the walking skeleton', () => {
  const apps = appPerTest()

  const start = async (): Promise<FreshApp> => apps.open({ consoleErrors: true })

  /** A local shell tab, focused and at its prompt. */
  async function openLocalShell(page: Page): Promise<void> {
    await page.getByRole('button', { name: '+ Local shell' }).click()
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/Local shell/)
    await page.locator('.terminal:not([hidden]) .xterm-screen').click()
  }

  it('prints exactly one line with the URL', async () => {
    // The banner is the built host process's own: start that process for this test alone.
    const host = await startHostProcess()
    try {
      expect(host.output().trim().split('\n')).toEqual([`Lab Console at ${host.url}`])
    } finally {
      await host.stop()
      // Lab data of a throwaway process: its practice lab may still be flushing, so retry.
      fs.rmSync(host.userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })
    }
  })

  it('shows the three panes as labelled regions', async () => {
    const { page } = await start()
    for (const name of ['Console', 'Certificate workbench', 'Checklist']) {
      await expect.poll(() => page.getByRole('region', { name, exact: true }).count()).toBe(1)
    }
  })

  it('takes the token out of the address bar', async () => {
    const { page } = await start()
    expect(page.url()).not.toContain('token=')
  })

  it('runs a local shell: typing echo hello shows hello', async () => {
    const { page } = await start()
    await openLocalShell(page)
    await page.keyboard.type('echo hel""lo')
    await page.keyboard.press('Enter')
    await waitForTerminal(page, /[^"]hello/)
  })

  it('propagates the pane size to the pty', async () => {
    const { page } = await start()
    await openLocalShell(page)
    await page.keyboard.type('stty size')
    await page.keyboard.press('Enter')
    const text = await waitForTerminal(page, /\n?\s*\d+ \d+/)
    const [rows, cols] = (text.match(/(\d+) (\d+)\s*\S*[#$]/) ?? []).slice(1).map(Number)
    // Not the 80×24 the session was opened with: the pane's own size (its width depends on the
    // split of the three panes, so only the height is sure to differ from the default).
    expect(cols).toBeGreaterThanOrEqual(80)
    expect(rows).toBeGreaterThan(24)
  })

  it('survives a reload (cookie, no token) and cleans up the old session', async () => {
    const { page, pageErrors } = await start()
    // A session of the page before the reload, for the host to clean up.
    await openLocalShell(page)
    await page.reload()
    await expect.poll(() => page.getByRole('region', { name: 'Console' }).count()).toBe(1)
    expect(pageErrors).toEqual([])
  })
})
