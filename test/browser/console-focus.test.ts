import { describe, expect, it } from 'vitest'
import { appPerTest } from '../support/fresh-app'

// A terminal is put in the page a task after its tab appears (terminal-setup.ts). The page's
// clock is held from the start (Playwright's clock, paused), so that task waits while the user is
// already busy elsewhere; then it is let go. Without the focus rule the text went to the terminal.
describe('a terminal that becomes ready', () => {
  const apps = appPerTest()

  it('leaves the keyboard where the user put it meanwhile: text typed into the workbench stays there', async () => {
    const { page } = await apps.open({
      beforeLoad: async (p) => {
        const now = Date.now()
        await p.clock.install({ time: now })
        await p.clock.pauseAt(now + 1_000)
      },
    })
    const box = page.getByRole('region', { name: 'Certificate workbench' }).getByLabel('PEM input')
    await box.click()
    await page.keyboard.type('-----BEGIN')
    await page.clock.runFor(2_000)
    // The terminal is ready now (its rows are in the page), and the box still has the keyboard.
    await expect.poll(() => page.locator('.terminal:not([hidden]) .xterm-rows').count()).toBe(1)
    await page.keyboard.type(' CERTIFICATE-----')
    expect(await box.inputValue()).toBe('-----BEGIN CERTIFICATE-----')
  })
})
