import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser). The flags keep it
 * off the network: this machine has none, and Chromium's background fetches only slow it down.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The window size every test page gets, large enough for the three panes side by side. */
export const VIEWPORT = { width: 1400, height: 900 } as const

export function checkChromium(): void {
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`)
}

export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  checkChromium()
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: VIEWPORT,
    args: [...CHROMIUM_ARGS],
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * One Chromium process for a whole test file, holding no app state itself: each test opens its
 * own incognito-like context in it (own storage, own sessionStorage token), which is cheap, while
 * a Chromium launch per test would not be.
 */
export async function launchSharedChromium(): Promise<Browser> {
  checkChromium()
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] })
}
