import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appPerTest, type FreshApp } from '../support/fresh-app'

const VISIBLE = '.terminal[data-session]:not([hidden])'
const rows = (page: Page): Promise<string> =>
  page
    .locator(`${VISIBLE} .xterm-rows`)
    .textContent()
    .then((t) => t ?? '')

/**
 * Renderer choice and the terminal's own toolbar, on the practice router the app opens at start.
 * Each test has its own host, user-data folder and browser context (one Chromium for the file),
 * so a renderer or font size one test chose never reaches the next.
 */
describe('console terminal in Chromium: renderers, zoom, clear', () => {
  const apps = appPerTest()
  let app: FreshApp | undefined
  let pageErrors: string[] = []

  async function openPage(query: string): Promise<Page> {
    app = await apps.open({ query })
    pageErrors = app.pageErrors
    const { page } = app
    await page.locator(`${VISIBLE} .xterm-screen`).waitFor()
    return page
  }

  it('uses the DOM renderer on software-only WebGL when left on automatic, and says why', async () => {
    const page = await openPage('')
    const label = page.getByText(/renderer$/)
    await expect.poll(() => label.textContent()).toBe('DOM renderer')
    expect(await label.getAttribute('title')).toMatch(/software-rendered|not available/)
    await expect.poll(() => rows(page)).toMatch(/VG-CME-1>/)
    await page.close()
  })

  it('falls back to the DOM renderer, keeping the text, when the WebGL context is lost', async () => {
    const page = await openPage('?renderer=webgl')
    const label = page.getByText(/renderer$/)
    await expect.poll(() => label.textContent()).toBe('WebGL renderer')
    await page.locator(`${VISIBLE} .xterm-screen`).click()
    await page.keyboard.type('show clock')
    await page.keyboard.press('Enter')
    await page.waitForTimeout(300)
    const lost = await page.evaluate(`(() => {
      let lost = 0
      for (const canvas of document.querySelectorAll('${VISIBLE} canvas')) {
        const gl = canvas.getContext('webgl2')
        if (gl) {
          gl.getExtension('WEBGL_lose_context').loseContext()
          lost += 1
        }
      }
      return lost
    })()`)
    expect(lost).toBe(1)
    // xterm waits 3 s for the context to come back before giving up on it.
    await expect.poll(() => label.textContent(), { timeout: 10_000 }).toBe('DOM renderer')
    expect(await label.getAttribute('title')).toMatch(/context was lost/)
    await expect.poll(() => rows(page)).toMatch(/show clock[\s\S]*VG-CME-1>/)
    await page.close()
  })

  it('zooms with the keyboard and the toolbar within bounds, and clears the screen', async () => {
    const page = await openPage('?renderer=dom')
    const size = page.getByRole('button', { name: 'Reset font size' })
    await expect.poll(() => size.textContent()).toBe('14px')
    await page.locator(`${VISIBLE} .xterm-screen`).click()
    await page.keyboard.press('Control+=')
    await page.keyboard.press('Control+=')
    await expect.poll(() => size.textContent()).toBe('16px')
    await page.keyboard.press('Control+-')
    await expect.poll(() => size.textContent()).toBe('15px')
    await page.keyboard.press('Control+0')
    await expect.poll(() => size.textContent()).toBe('14px')
    for (let i = 0; i < 10; i += 1) await page.getByRole('button', { name: 'Smaller font' }).click()
    await expect.poll(() => size.textContent()).toBe('6px')
    await size.click()

    await expect.poll(() => rows(page)).toMatch(/practice router/)
    await page.getByRole('button', { name: 'Clear' }).click()
    await expect.poll(() => rows(page)).not.toMatch(/practice router/)
    expect(await rows(page)).toMatch(/VG-CME-1>/)
    expect(pageErrors).toEqual([])
    await page.close()
  })
})
