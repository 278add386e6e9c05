import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appPerTest } from '../support/fresh-app'
import { typeInTerminal, waitForTerminal } from '../support/page'

// Every test starts the app afresh (own host, user-data folder and browser context in one shared
// Chromium): the practice router it opens on is each test's own, never one an earlier test changed.
describe('a fresh start opens on the practice router', () => {
  const apps = appPerTest()

  const start = async (): Promise<Page> => (await apps.open()).page

  /** The practice router's banner and first prompt, before anything is typed into it. */
  const atPracticePrompt = (page: Page): Promise<string> => waitForTerminal(page, /simulated Cisco CISCO2921[\s\S]*VG-CME-1>/)

  it('shows the practice router in the console, saying it is simulated', async () => {
    const page = await start()
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/Practice router/)
    await waitForTerminal(page, /simulated Cisco CISCO2921[\s\S]*VG-CME-1>/)
  })

  it('answers show version', async () => {
    const page = await start()
    await atPracticePrompt(page)
    await typeInTerminal(page, 'show version')
    // Longer than IOS's default 24-line screen: it stops at --More-- until Space.
    await waitForTerminal(page, /Cisco IOS Software, C2900 Software[\s\S]*--More--/)
    await page.keyboard.press('Space')
    await waitForTerminal(page, /Configuration register is 0x2102/)
  })

  it('resets the practice lab after confirmation', async () => {
    const page = await start()
    await atPracticePrompt(page)
    const term = page.locator('.terminal[data-session]:not([hidden]) .xterm-screen')
    await term.click()
    await page.keyboard.type('enable\rconfigure terminal\rhostname REHEARSAL\rend\r')
    await waitForTerminal(page, /REHEARSAL#\s*$/)
    await expect.poll(() => page.getByRole('note', { name: 'Practice router' }).textContent()).toMatch(/Simulated router/)
    await page.getByRole('button', { name: 'Reset practice lab…' }).click()
    await page.getByRole('button', { name: 'Reset lab', exact: true }).click()
    await waitForTerminal(page, /simulated Cisco CISCO2921[\s\S]*VG-CME-1>\s*$/)
  })

  it('fills a new site with the practice lab addresses in one click', async () => {
    const page = await start()
    const pane = page.getByRole('region', { name: 'Checklist' })
    await pane.getByRole('button', { name: 'Add site' }).click()
    await pane.getByLabel('New site name').fill('Rehearsal')
    await pane.getByRole('button', { name: 'Create site' }).click()
    await pane.getByRole('button', { name: 'Use practice-lab addresses' }).click()
    await expect.poll(() => pane.getByLabel('CA IP (this router)').inputValue()).toBe('10.10.10.1')
    await expect.poll(() => pane.locator('.site-form .badge').textContent()).toMatch(/all valid|warning/)
    // Step 3's commands (the CA trustpoint) now point at the practice router's own address.
    await pane
      .locator('button[aria-expanded="false"]', { hasText: /trustpoint/i })
      .first()
      .click()
    await expect.poll(() => pane.getByText('enrollment url http://10.10.10.1:80').count()).toBeGreaterThan(0)
  })
})
