import type { CdpPage } from './cdp'
import { paintedWatch, type PaintedTimes } from './painted'

/** The visible session's xterm host (xterm's own element also has the class "terminal"). */
export const VISIBLE = '.terminal[data-session]:not([hidden])'
const ROWS = `document.querySelector('${VISIBLE} .xterm-rows')`

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls an in-page condition (the app's CSP forbids the eval a page-side wait would need). */
export async function waitInPage(page: CdpPage, condition: string, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await page.evaluate<boolean>(`Boolean(${condition})`))) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`)
    await sleep(50)
  }
}

const tabButton = (name: string): string =>
  `[...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.trim() === ${JSON.stringify(name)})`

export async function openApp(page: CdpPage, url: string): Promise<void> {
  await page.goto(url)
  await waitInPage(page, `document.querySelector('[role=tab]')`, 'the first session tab')
}

const showConnections = `(() => {
  const toggle = [...document.querySelectorAll('button[aria-controls="console-connections"]')][0]
  if (toggle && toggle.getAttribute('aria-expanded') !== 'true') toggle.click()
})()`

/** Clicks "Open <profile>" and resolves once it is clicked (no waiting for the session). */
export async function openProfile(page: CdpPage, profile: string): Promise<void> {
  await page.evaluate(showConnections)
  await waitInPage(page, `document.querySelector('button[aria-label="Open ${profile}"]')`, `the Open ${profile} button`)
  await page.evaluate(`document.querySelector('button[aria-label="Open ${profile}"]').click()`)
}

/**
 * Clicks a profile; returns the time from the click to the first painted output (`first`, the
 * output's first line), and the page times of that frame and of the one that paints `marker`.
 */
export async function openAndTimeUntilPainted(
  page: CdpPage,
  profile: string,
  first: string,
  marker: string,
): Promise<PaintedTimes & { clickToFirst: number }> {
  await page.evaluate(showConnections)
  await waitInPage(page, `document.querySelector('button[aria-label="Open ${profile}"]')`, `the Open ${profile} button`)
  return page.evaluate<PaintedTimes & { clickToFirst: number }>(`(async () => {
    const button = document.querySelector('button[aria-label="Open ${profile}"]')
    const painted = ${paintedWatch(ROWS, first, marker)}
    const t0 = performance.now()
    button.click()
    const times = await painted
    return { ...times, clickToFirst: times.first - t0 }
  })()`)
}

export async function waitForTabState(page: CdpPage, name: string, state: 'open' | 'closed', timeoutMs = 600_000): Promise<void> {
  await waitInPage(page, `${tabButton(name)}?.querySelector('.dot.state-${state}')`, `tab ${name} ${state}`, timeoutMs)
}

export async function activateTab(page: CdpPage, name: string): Promise<void> {
  await page.evaluate(`${tabButton(name)}.click()`)
}

export async function terminalBox(page: CdpPage): Promise<{ width: number; height: number }> {
  return page.evaluate(
    `(() => { const r = document.querySelector('${VISIBLE}').getBoundingClientRect(); return { width: r.width, height: r.height } })()`,
  )
}

export async function focusTerminal(page: CdpPage): Promise<void> {
  await page.evaluate(`document.querySelector('${VISIBLE} textarea').focus()`)
}
