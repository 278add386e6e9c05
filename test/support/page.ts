import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** The text of the visible terminal, as xterm's DOM renderer shows it. */
export async function terminalText(page: Page): Promise<string> {
  return (await page.locator('.terminal[data-session]:not([hidden]) .xterm-rows').textContent()) ?? ''
}

/** Waits until the visible terminal shows text matching the pattern. */
export async function waitForTerminal(page: Page, pattern: RegExp, timeout = 15_000): Promise<string> {
  await expect.poll(() => terminalText(page), { timeout }).toMatch(pattern)
  return terminalText(page)
}
