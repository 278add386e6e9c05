import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core'
import { waitForTerminal } from '../support/page'

/** The same smoke test as the browser tier, through the real Electron shell (app://, preload, IPC). */
describe('Electron app smoke test', () => {
  let app: ElectronApplication
  let page: Page
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-electron-'))

  beforeAll(async () => {
    const executablePath = process.env.LAB_ELECTRON_BINARY
    if (!executablePath) throw new Error('run through scripts/e2e-electron.mjs, which finds the Electron binary')
    app = await electron.launch({ executablePath, args: [path.resolve('.')], env: { ...process.env, LAB_USER_DATA: userData } })
    page = await app.firstWindow()
  })
  afterAll(async () => {
    await app?.close()
    fs.rmSync(userData, { recursive: true, force: true })
  })

  it('loads from app://lab with isolation and no Node in the page', async () => {
    expect(page.url()).toBe('app://lab/index.html')
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { lab: object }).lab).sort())).toEqual(['invoke', 'subscribe'])
  })

  it('shows the three panes as labelled regions', async () => {
    for (const name of ['Console', 'Certificate workbench', 'Checklist']) {
      await expect.poll(() => page.getByRole('region', { name, exact: true }).count()).toBe(1)
    }
  })

  it('runs a local shell: typing echo hello shows hello', async () => {
    await page.getByRole('button', { name: '+ Local shell' }).click()
    await page.locator('.terminal:not([hidden]) .xterm-screen').click()
    await page.keyboard.type('echo hel""lo')
    await page.keyboard.press('Enter')
    await waitForTerminal(page, /[^"]hello/)
  })
})
