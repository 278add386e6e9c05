import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { startHostProcess, type HostProcess } from '../support/host-process'
import { waitForTerminal } from '../support/page'

describe('a fresh start opens on the practice router', () => {
  let host: HostProcess
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page

  beforeAll(async () => {
    host = await startHostProcess()
    browser = await launchChromium()
    page = await browser.context.newPage()
    await page.goto(host.url)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('shows the practice router in the console, saying it is simulated', async () => {
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/Practice router/)
    await waitForTerminal(page, /simulated Cisco CISCO2921[\s\S]*VG-CME-1>/)
  })

  it('answers show version', async () => {
    await page.locator('.terminal:not([hidden]) .xterm-screen').click()
    await page.keyboard.type('show version')
    await page.keyboard.press('Enter')
    await waitForTerminal(page, /Cisco IOS Software, C2900 Software[\s\S]*Configuration register is 0x2102/)
  })
})
