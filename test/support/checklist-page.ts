import { afterAll, beforeAll, expect } from 'vitest'
import type { Download, Locator, Page } from 'playwright-core'
import { launchChromium } from './browser'
import { startHostProcess, type HostProcess } from './host-process'

/** The app a checklist story drives, for a whole test file (the story's steps build on each other). */
export interface ChecklistApp {
  readonly host: HostProcess
  readonly page: Page
  /** Uncaught page errors, for the story's last test to check. */
  readonly pageErrors: string[]
  /** Every download of the page, in order (exported certificates, reports). */
  readonly downloads: Download[]
}

/**
 * Registers the hooks that start the built browser host (its practice router on the default
 * session) and one Chromium page on it, and stop both after the file. The page uses the DOM
 * renderer, so that the terminal text is readable by the test; `defaultTimeoutMs` makes a missing
 * element fail with its locator well before the test's own timeout.
 */
export function checklistApp(options: { defaultTimeoutMs: number }): ChecklistApp {
  let host: HostProcess | undefined
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined
  let page: Page | undefined
  const pageErrors: string[] = []
  const downloads: Download[] = []
  beforeAll(async () => {
    host = await startHostProcess()
    browser = await launchChromium()
    page = await browser.context.newPage()
    page.setDefaultTimeout(options.defaultTimeoutMs)
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('download', (d) => downloads.push(d))
    await page.goto(host.urlWith('?renderer=dom'))
    await page.getByRole('region', { name: 'Checklist', exact: true }).getByRole('button', { name: 'Add site' }).waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('checklistApp: the app is not started yet (use it inside a test)')
    return value
  }
  return {
    get host() {
      return started(host)
    },
    get page() {
      return started(page)
    },
    pageErrors,
    downloads,
  }
}

/**
 * How the checklist browser tests read and drive the pane: its steps by title, their state
 * badges, the secret dialogs. `stepWaitMs` bounds how long a step may take on the practice
 * router (generous: the machine may be busy).
 */
export function checklistPage(page: () => Page, stepWaitMs: number) {
  const pane = (): Locator => page().getByRole('region', { name: 'Checklist', exact: true })
  const workbench = (): Locator => page().getByRole('region', { name: 'Certificate workbench' })
  const library = (): Locator => workbench().getByRole('list', { name: 'Certificate library' })
  const step = (title: RegExp): Locator => pane().getByRole('article', { name: title })
  const badge = (title: RegExp): Locator => step(title).locator('.state-badge')

  async function open(title: RegExp): Promise<Locator> {
    const article = step(title)
    const toggle = article.locator('.step-head button')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    return article
  }

  /** Waits for a step's state; a failure on the way fails at once, with what the step says. */
  async function waitState(title: RegExp, state: string, timeout = stepWaitMs): Promise<void> {
    await expect
      .poll(
        async () => {
          const now = await badge(title).textContent()
          if (now === 'failed' && state !== 'failed') throw new Error(`${title} failed: ${await step(title).textContent()}`)
          return now
        },
        { timeout, interval: 250 },
      )
      .toBe(state)
  }

  async function answerSecret(label: string, value: string): Promise<void> {
    const dialog = page().getByRole('dialog', { name: new RegExp(label, 'i') })
    await dialog.waitFor({ timeout: stepWaitMs })
    await dialog.getByLabel(label, { exact: true }).fill(value)
    await dialog.getByLabel(`Confirm ${label}`, { exact: true }).fill(value)
    await dialog.getByRole('button', { name: 'Send to router' }).click()
  }

  return { pane, workbench, library, step, badge, open, waitState, answerSecret }
}
