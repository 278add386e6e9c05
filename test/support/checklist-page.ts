import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'

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
