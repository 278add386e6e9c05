import type { Page } from 'playwright-core'

/** The visible session's xterm host (xterm's own element also has the class "terminal"). */
export const VISIBLE = '.terminal[data-session]:not([hidden])'

export async function showConnections(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Connections' })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
}

/**
 * Clicks a profile and waits, in the page, until the visible terminal shows `marker`.
 * Timed from the click to the frame that shows it, both taken in the page (no round trips).
 */
export async function openAndTimeUntil(page: Page, profile: string, marker: string, timeoutMs = 600_000): Promise<number> {
  await page.evaluate(`(() => {
    window.__benchT0 = undefined
    document.addEventListener('click', () => { window.__benchT0 = performance.now() }, { capture: true, once: true })
  })()`)
  await showConnections(page)
  await page.getByRole('button', { name: `Open ${profile}`, exact: true }).click()
  // Polled in the page each frame: the app's CSP forbids the eval that waitForFunction needs.
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const deadline = performance.now() + ${timeoutMs}
    const tick = () => {
      const rows = document.querySelector('${VISIBLE} .xterm-rows')
      if (rows && rows.textContent.includes('${marker}') && window.__benchT0 !== undefined) resolve(performance.now() - window.__benchT0)
      else if (performance.now() > deadline) reject(new Error('${marker} did not appear'))
      else requestAnimationFrame(tick)
    }
    tick()
  })`)) as number
}

/** Waits until the tab named `name` reaches a state (its status dot's class). */
export async function waitForTabState(page: Page, name: string, state: 'open' | 'closed', timeoutMs = 600_000): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).locator(`.dot.state-${state}`).waitFor({ timeout: timeoutMs })
}
