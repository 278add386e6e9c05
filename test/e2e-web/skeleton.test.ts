import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { startHostProcess, type HostProcess } from '../support/host-process'
import { waitForTerminal } from '../support/page'

describe('browser host in Chromium: the walking skeleton', () => {
  let host: HostProcess
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    host = await startHostProcess()
    browser = await launchChromium()
    page = await browser.context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text())
    })
    await page.goto(host.url)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('prints exactly one line with the URL', () => {
    expect(host.output().trim().split('\n')).toEqual([`Lab Console at ${host.url}`])
  })

  it('shows the three panes as labelled regions', async () => {
    for (const name of ['Console', 'Certificate workbench', 'Checklist']) {
      await expect.poll(() => page.getByRole('region', { name, exact: true }).count()).toBe(1)
    }
  })

  it('takes the token out of the address bar', () => {
    expect(page.url()).not.toContain('token=')
  })

  it('runs a local shell: typing echo hello shows hello', async () => {
    await page.getByRole('button', { name: '+ Local shell' }).click()
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/Local shell/)
    await page.locator('.terminal:not([hidden]) .xterm-screen').click()
    await page.keyboard.type('echo hel""lo')
    await page.keyboard.press('Enter')
    await waitForTerminal(page, /[^"]hello/)
  })

  it('propagates the pane size to the pty', async () => {
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
    await page.reload()
    await expect.poll(() => page.getByRole('region', { name: 'Console' }).count()).toBe(1)
    expect(pageErrors).toEqual([])
  })
})
