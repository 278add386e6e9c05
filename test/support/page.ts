import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'

/** The text of the visible terminal, as xterm's DOM renderer shows it. */
export async function terminalText(page: Page): Promise<string> {
  return (await page.locator('.terminal[data-session]:not([hidden]) .xterm-rows').textContent()) ?? ''
}

/** Waits until the visible terminal shows text matching the pattern. */
export async function waitForTerminal(page: Page, pattern: RegExp, timeout = 15_000): Promise<string> {
  await expect.poll(() => terminalText(page), { timeout }).toMatch(pattern)
  return terminalText(page)
}

/** Types a line into the visible terminal and presses Enter. */
export async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.locator('.terminal:not([hidden]) .xterm-screen').click()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
}

/** A paste as the browser delivers it (the clipboard itself is out of reach in headless Chromium). */
export async function pasteIntoTerminal(page: Page, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const target = document.querySelector('.terminal:not([hidden]) .xterm-helper-textarea')
    const data = new DataTransfer()
    data.setData('text/plain', ${JSON.stringify(text)})
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })()`)
}

/** Opens the connections panel (profiles, quick connect), which closes whenever a session opens. */
export async function showConnections(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Connections' })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
}

/** Waits until the element has the keyboard focus (a dialog's default button, a search box). */
export async function waitForFocus(element: Locator): Promise<void> {
  await expect.poll(() => element.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
}
