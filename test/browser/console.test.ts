import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appPerTest, saveProfiles, trustHostKeys, type FreshApp } from '../support/fresh-app'
import { startSshd, type Sshd } from '../support/sshd'
import { startSocatPair, type SocatPair } from '../support/socat'
import { SlowRouterPeer } from '../support/slow-router-peer'
import { TASK1_CONFIG_PATH, task1ConfigAsTyped } from '../support/paced-bench'
import { pasteIntoTerminal, showConnections, terminalText, typeInTerminal, waitForFocus, waitForTerminal } from '../support/page'

const count = (text: string, word: string): number => text.split(word).length - 1

// One Chromium for the file and the real servers (sshd, a socat pair with a slow router on its far
// end) once per file: none holds app state. Every test gets its own app (host, user-data folder,
// browser context); what a test needs that earlier tests used to leave behind (the saved profiles,
// the trusted host key, an open SSH or serial tab) it sets up itself, so any test passes alone.
describe('console pane in Chromium: profiles, SSH, search, paste, serial', () => {
  let sshd: Sshd
  let pair: SocatPair
  let peer: SlowRouterPeer
  const apps = appPerTest()

  beforeAll(async () => {
    sshd = await startSshd()
    pair = await startSocatPair()
    peer = await SlowRouterPeer.open({ path: pair.b })
  })
  afterAll(async () => {
    await peer?.close()
    await pair?.dispose()
    await sshd?.stop()
  })

  /** A fresh app with nothing saved: what a first start looks like. */
  const start = (): Promise<FreshApp> => apps.open({ query: '?renderer=dom' })

  /**
   * A fresh app that already has what a user of this lab has: the "Lab SSH" and "Console cable"
   * profiles saved and the sshd's host keys trusted, saved through the contract before the page loads.
   */
  const startWithLab = (): Promise<FreshApp> =>
    apps.open({
      query: '?renderer=dom',
      prepare: async ({ client, userDataDir }) => {
        await saveProfiles(client, [
          {
            id: 'lab-ssh',
            name: 'Lab SSH',
            spec: { kind: 'ssh', host: sshd.host, port: sshd.port, username: sshd.user, auth: 'password' },
          },
          { id: 'console-cable', name: 'Console cable', spec: { kind: 'serial', path: pair.a, baudRate: 9600 } },
        ])
        trustHostKeys(
          userDataDir,
          sshd.host,
          sshd.port,
          sshd.hostKeys.map((k) => k.publicKey),
        )
      },
    })

  /** Answers the password dialog of an SSH session that is opening. */
  async function givePassword(page: Page): Promise<void> {
    const password = page.getByRole('dialog').filter({ has: page.getByLabel('Password') })
    await password.getByLabel('Password').fill(sshd.password)
    await password.getByRole('button', { name: 'OK' }).click()
  }

  /** Opens the saved "Lab SSH" profile (its key already trusted) and waits for the router prompt. */
  async function openLabSsh(page: Page): Promise<void> {
    await showConnections(page)
    await page.getByRole('button', { name: 'Open Lab SSH' }).click()
    await givePassword(page)
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain('Lab SSH')
    await waitForTerminal(page, /Router>/)
  }

  /** Opens the saved "Console cable" profile on the socat pty and waits until the line is open. */
  async function openConsoleCable(page: Page): Promise<void> {
    await showConnections(page)
    await page.getByRole('button', { name: 'Open Console cable' }).click()
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain('Console cable')
    await expect.poll(() => page.getByRole('tab', { selected: true }).locator('.dot.state-open').count(), { timeout: 10_000 }).toBe(1)
  }

  it('refuses an incomplete SSH profile with the reason next to each field', async () => {
    const { page } = await start()
    await showConnections(page)
    await page.getByRole('button', { name: 'New profile' }).click()
    const editor = page.getByRole('dialog', { name: 'New profile' })
    await editor.getByLabel('Port', { exact: true }).fill('99999')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => editor.getByLabel('Host', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    const alerts = await editor.getByRole('alert').allTextContents()
    expect(alerts).toEqual(expect.arrayContaining(['required', 'at most 65535']))
    // The browser host runs on Node, whose OpenSSL still has the group diffie-hellman-group1-sha1 needs.
    expect(await editor.getByRole('group', { name: 'SSH' }).textContent()).toContain('This host can offer diffie-hellman-group1-sha1.')
    await editor.getByRole('button', { name: 'Cancel' }).click()
  })

  it('saves an SSH profile, accepts the host key and the password in dialogs, and runs show version', async () => {
    const { page } = await start()
    await showConnections(page)
    await page.getByRole('button', { name: 'New profile' }).click()
    const editor = page.getByRole('dialog', { name: 'New profile' })
    await editor.getByLabel('Profile name').fill('Lab SSH')
    await editor.getByLabel('Kind').selectOption('ssh')
    await editor.getByLabel('Host', { exact: true }).fill(sshd.host)
    await editor.getByLabel('Port', { exact: true }).fill(String(sshd.port))
    await editor.getByLabel('Username').fill(sshd.user)
    await editor.getByLabel('Authentication').selectOption('password')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => editor.count()).toBe(0)

    await showConnections(page)
    await page.getByRole('button', { name: 'Open Lab SSH' }).click()
    const hostKey = page.getByRole('dialog', { name: 'Unknown host key' })
    await hostKey.waitFor()
    expect(await hostKey.textContent()).toContain(sshd.hostKeyFingerprints['ssh-ed25519'])
    await hostKey.getByRole('button', { name: 'Trust and connect' }).click()

    const password = page.getByRole('dialog').filter({ has: page.getByLabel('Password') })
    await password.getByLabel('Password').fill(sshd.password)
    await password.getByRole('button', { name: 'OK' }).click()
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain('Lab SSH')
    await waitForTerminal(page, /Router>/)
    await typeInTerminal(page, 'show version')
    await waitForTerminal(page, /Cisco IOS XE Software, Version 17\.09\.04a[\s\S]*Router>/)
  })

  it('finds a word that has scrolled out of view', async () => {
    const { page } = await startWithLab()
    await openLabSsh(page)
    // The word to find: show version's "Cisco IOS Software [Cupertino]", then pushed out of view.
    await typeInTerminal(page, 'show version')
    await waitForTerminal(page, /Cupertino[\s\S]*Router>/)
    await typeInTerminal(page, 'show flood 200')
    await waitForTerminal(page, /flood done/)
    expect(await terminalText(page)).not.toContain('Cupertino')

    await page.keyboard.press('Control+Shift+F')
    const search = page.getByRole('textbox', { name: 'Search terminal' })
    await waitForFocus(search)
    await search.fill('cupertino')
    await search.press('Enter')
    await expect.poll(() => page.getByRole('search').getByRole('status').textContent()).toBe('1 of 1')
    await waitForTerminal(page, /Cupertino/)

    await page.getByRole('button', { name: 'Match case' }).click()
    await search.press('Enter')
    await expect.poll(() => page.getByRole('search').getByRole('status').textContent()).toBe('No matches')

    await page.getByRole('button', { name: 'Regular expression' }).click()
    await search.fill('flood line 0[0-4]5 of')
    await search.press('Enter')
    await expect.poll(() => page.getByRole('search').getByRole('status').textContent()).toMatch(/^\d+ of 5$/)
    await search.press('Escape')
    await expect.poll(() => search.count()).toBe(0)
  })

  it('asks before a multi-line paste, sends nothing on Cancel, and pastes on Paste', async () => {
    const { page } = await startWithLab()
    await openLabSsh(page)
    await typeInTerminal(page, '')
    const before = count(await terminalText(page), 'Width:')
    await pasteIntoTerminal(page, 'show terminal\nshow terminal\n')
    const dialog = page.getByRole('dialog', { name: 'Paste 2 lines?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await page.waitForTimeout(500)
    expect(count(await terminalText(page), 'Width:')).toBe(before)

    await pasteIntoTerminal(page, 'show terminal\nshow terminal\n')
    await dialog.getByRole('button', { name: 'Paste', exact: true }).click()
    await expect.poll(async () => count(await terminalText(page), 'Width:')).toBe(before + 2)
  })

  it('opens the same SSH target from quick connect, and offers Reconnect after a refused login', async () => {
    const { page } = await startWithLab()
    await showConnections(page)
    await page.getByLabel('Quick connect').fill(`ssh ${sshd.user}@${sshd.host} -p ${sshd.port}`)
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    // The key is on record (startWithLab): only the password is asked.
    const password = page.getByRole('dialog').filter({ has: page.getByLabel('Password') })
    await password.waitFor()
    await password.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain(`${sshd.user}@${sshd.host}:${sshd.port}`)
    const reconnect = page.getByRole('button', { name: 'Reconnect' })
    await reconnect.waitFor()
    expect(await page.locator('.session-banner').textContent()).toMatch(/^(closed|error): /)

    await reconnect.click()
    await password.getByLabel('Password').fill(sshd.password)
    await password.getByRole('button', { name: 'OK' }).click()
    await waitForTerminal(page, /Router>/)
    await expect.poll(() => reconnect.count()).toBe(0)
  })

  it('creates a serial profile and pastes the Task 1 configuration paced, arriving complete', async () => {
    const { page, userDataDir } = await start()
    await showConnections(page)
    await page.getByRole('button', { name: 'New profile' }).click()
    const editor = page.getByRole('dialog', { name: 'New profile' })
    await editor.getByLabel('Profile name').fill('Console cable')
    await editor.getByLabel('Kind').selectOption('serial')
    await editor.getByLabel('Device path').fill(pair.a)
    await editor.getByLabel('Baud rate').selectOption('9600')
    await editor.getByLabel('Start logging when the session opens').check()
    await editor.getByRole('button', { name: 'Save' }).click()
    await showConnections(page)
    await page.getByRole('button', { name: 'Open Console cable' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Connections' }).getAttribute('aria-expanded')).toBe('false')
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain('Console cable')
    await expect.poll(() => page.locator('.session-banner').textContent()).toMatch(/Logging to .*Console.cable/)

    await page.getByRole('button', { name: 'Open log folder' }).click()
    await expect.poll(() => page.locator('.banner-log [role=status]').textContent()).toBe(`Log folder: ${userDataDir}/logs`)

    peer.reset()
    await page.getByRole('button', { name: 'Paste paced…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Paste paced' })
    await dialog.getByLabel('Load from file').setInputFiles(fileURLToPath(TASK1_CONFIG_PATH))
    const expected = task1ConfigAsTyped()
    const lines = expected.split('\r').length - 1
    await expect
      .poll(() => dialog.getByRole('textbox', { name: /Text to send/ }).inputValue())
      .toBe(readFileSync(TASK1_CONFIG_PATH, 'utf8'))
    await dialog.getByLabel('Wait for').selectOption('echo')
    await dialog.getByRole('button', { name: 'Send' }).click()
    await dialog.getByRole('progressbar', { name: 'Sending' }).waitFor()
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`^Sent ${lines} of ${lines} lines`))
    await peer.waitIdle()
    expect(peer.dropped).toBe(0)
    expect(peer.kept.toString('latin1')).toBe(expected)
    await dialog.getByRole('button', { name: 'Close' }).click()
  }, 90_000)

  it('cancels a paced paste part way and says where it stopped', async () => {
    const { page } = await startWithLab()
    await openConsoleCable(page)
    await page.getByRole('button', { name: 'Paste paced…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Paste paced' })
    await dialog.getByRole('textbox', { name: /Text to send/ }).fill('hostname A\nhostname B\nhostname C\nhostname D\nhostname E\n')
    await dialog.getByLabel('Per-line delay (ms)').fill('400')
    await dialog.getByRole('button', { name: 'Send' }).click()
    const progress = dialog.getByRole('progressbar', { name: 'Sending' })
    await expect.poll(() => progress.getAttribute('value')).toBe('1')
    await dialog.getByRole('button', { name: 'Cancel sending' }).click()
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/^Cancelled after [12] of 5 lines: /)
    await dialog.getByLabel('Per-line delay (ms)').fill('0')
    await dialog.getByRole('button', { name: 'Close' }).click()
  })

  it('sends BREAK from the toolbar and says why a pty cannot', async () => {
    const { page } = await startWithLab()
    await openConsoleCable(page)
    await page.getByRole('button', { name: 'Send BREAK' }).click()
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'BREAK not sent' }).count()).toBe(1)
  })

  it('shows an unplugged cable in the tab banner, and clears it when the cable is back', async () => {
    const { page } = await startWithLab()
    await openConsoleCable(page)
    let peerClosed = false
    try {
      peerClosed = true
      await peer.close()
      await pair.stop()
      const detail = page.locator('.banner-detail')
      await expect.poll(() => detail.textContent(), { timeout: 10_000 }).toBe(`cable disconnected — waiting for ${pair.a}`)
      await pair.restart()
      peer = await SlowRouterPeer.open({ path: pair.b })
      peerClosed = false
      await expect.poll(() => detail.count(), { timeout: 10_000 }).toBe(0)
      expect(await page.getByRole('tab', { selected: true }).locator('.dot.state-open').count()).toBe(1)
    } finally {
      // The pair is the file's, not this test's: plug it back in even when the test failed half way.
      if (pair.pid === undefined) await pair.restart()
      if (peerClosed) peer = await SlowRouterPeer.open({ path: pair.b })
    }
  })

  it('shows the SSH tab without a BREAK button and kept every tab', async () => {
    const { page, pageErrors } = await startWithLab()
    // The tabs a session of this file's stories ends with: the practice router it starts on, the
    // saved SSH profile, the same target from quick connect, and the serial cable.
    await openLabSsh(page)
    await showConnections(page)
    await page.getByLabel('Quick connect').fill(`ssh ${sshd.user}@${sshd.host} -p ${sshd.port}`)
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    await givePassword(page)
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain(`${sshd.user}@${sshd.host}:${sshd.port}`)
    await waitForTerminal(page, /Router>/)
    await openConsoleCable(page)
    await page.getByRole('tab', { name: /Lab SSH/ }).click()
    expect(await page.getByRole('button', { name: 'Send BREAK' }).count()).toBe(0)
    expect(await page.getByRole('tab').count()).toBe(4)
    expect(pageErrors).toEqual([])
  })

  it('edits and deletes profiles, and keeps them across a reload', async () => {
    const { page } = await startWithLab()
    await showConnections(page)
    await page.getByRole('button', { name: 'Edit Lab SSH' }).click()
    const editor = page.getByRole('dialog', { name: 'Edit profile Lab SSH' })
    await editor.getByLabel('Profile name').fill('Core router')
    await editor.getByLabel('Legacy IOS algorithms').check()
    await editor.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('button', { name: 'Open Core router' }).waitFor()
    expect(await page.getByRole('button', { name: 'Open Lab SSH' }).count()).toBe(0)

    // Saving is debounced; give it time before the reload.
    await page.waitForTimeout(1000)
    await page.reload()
    await showConnections(page)
    await page.getByRole('button', { name: 'Edit Core router' }).click()
    const again = page.getByRole('dialog', { name: 'Edit profile Core router' })
    expect(await again.getByLabel('Legacy IOS algorithms').isChecked()).toBe(true)
    await again.getByRole('button', { name: 'Delete' }).click()
    await again.getByRole('button', { name: 'Really delete Core router' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Open Core router' }).count()).toBe(0)
    expect(await page.getByRole('list', { name: 'Profiles' }).getByRole('listitem').count()).toBe(1)
  })
})
