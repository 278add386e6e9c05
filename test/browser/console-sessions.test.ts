import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appPerTest } from '../support/fresh-app'
import { startTelnetd, type Telnetd } from '../support/telnetd'
import { startRfc2217Server, type Rfc2217Server } from '../support/rfc2217-server'
import { startSocatPair, type SocatPair } from '../support/socat'
import { SlowRouterPeer } from '../support/slow-router-peer'
import { startSshd, type Sshd } from '../support/sshd'
import { pasteIntoTerminal, showConnections, terminalText, typeInTerminal, waitForFocus, waitForTerminal } from '../support/page'

// Each test gets its own app (host, user-data folder, browser context; one Chromium for the file)
// and opens its own tab from quick connect, so none depends on another's state. The servers (a
// real telnetd, pyserial's RFC 2217 server on a socat pty, a slow router on another pty, a legacy
// sshd) hold no app state: they are started once for the file and stopped by PID afterwards.

/** Connects from the quick-connect line; `legacy` ticks "Legacy IOS algorithms (SSH)" first. */
async function quickConnect(page: Page, target: string, { legacy = false } = {}): Promise<void> {
  await showConnections(page)
  await page.getByLabel('Quick connect').fill(target)
  if (legacy) await page.getByLabel('Legacy IOS algorithms (SSH)').check()
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
}

/** A fresh telnet tab at the shell prompt, so each test starts from its own session. */
async function openTelnetTab(page: Page, port: number): Promise<void> {
  await quickConnect(page, `telnet 127.0.0.1 ${port}`)
  await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain(`telnet 127.0.0.1:${port}`)
  // Generous: telnetd starts a shell per connection, slow on a loaded machine.
  await waitForTerminal(page, /telnet-lab\$/, 20_000)
}

/** Rows of the visible terminal as xterm laid them out: what NAWS must have told the server. */
const visibleRows = (page: Page): Promise<number> => page.locator('.terminal:not([hidden]) .xterm-rows > div').count()

/** The last "SIZE rows cols" printed (xterm's rows come as one string without line breaks). */
const lastSize = (text: string): string | undefined => [...text.matchAll(/SIZE (\d+) (\d+)/g)].at(-1)?.slice(1, 3).join(' ')

// Generous: a shell started by telnetd, or a paced paste at 9600 baud, on a loaded machine.
const SLOW = { timeout: 20_000 }

describe('console sessions in Chromium: telnet, RFC 2217, reconnect, logging, slow-line paste', () => {
  let telnetd: Telnetd
  let comPair: SocatPair
  let comServer: Rfc2217Server
  let serialPair: SocatPair
  let peer: SlowRouterPeer
  let legacySshd: Sshd
  const apps = appPerTest()
  let page: Page
  let pageErrors: string[]
  let userDataDir: string

  beforeAll(async () => {
    telnetd = await startTelnetd()
    comPair = await startSocatPair()
    comServer = await startRfc2217Server(comPair.a)
    serialPair = await startSocatPair()
    peer = await SlowRouterPeer.open({ path: serialPair.b, bufferSize: 64, prompt: 'Router(config)#' })
    legacySshd = await startSshd({ legacy: true, routerName: 'OldRouter' })
  })
  beforeEach(async () => {
    ;({ page, pageErrors, userDataDir } = await apps.open({ query: '?renderer=dom' }))
  })
  afterAll(async () => {
    await peer?.close()
    await serialPair?.dispose()
    await comServer?.stop()
    await comPair?.dispose()
    await telnetd?.stop()
    await legacySshd?.stop()
  })

  it('opens a telnet session through a real telnet server, with TERM and the window size negotiated (NAWS on resize)', async () => {
    await openTelnetTab(page, telnetd.port)
    await typeInTerminal(page, 'echo "T=$TERM"; echo SIZE $(stty size)')
    const first = await waitForTerminal(page, /SIZE \d+ \d+/, SLOW.timeout)
    expect(first).toContain('T=xterm-256color')
    const [rowsBefore] = (lastSize(first) ?? '').split(' ')
    expect(Number(rowsBefore)).toBe(await visibleRows(page))

    await page.setViewportSize({ width: 1000, height: 600 })
    await expect.poll(() => visibleRows(page)).not.toBe(Number(rowsBefore))
    const rowsAfter = await visibleRows(page)
    await typeInTerminal(page, 'clear; echo SIZE $(stty size)')
    await expect.poll(async () => lastSize(await terminalText(page))?.split(' ')[0], SLOW).toBe(String(rowsAfter))
    await page.setViewportSize({ width: 1400, height: 900 })
  })

  it('reconnects in the same terminal: the earlier scrollback stays above a separator', async () => {
    await openTelnetTab(page, telnetd.port)
    await typeInTerminal(page, 'echo BEFORE-$((20+1))')
    await waitForTerminal(page, /BEFORE-21/)
    // Disconnect from the keyboard, as a user would after typing.
    await page.keyboard.press('Control+Shift+D')
    await expect.poll(() => page.locator('.session-banner').textContent()).toMatch(/^closed: Closed by you/)
    await page.keyboard.press('Control+Shift+R')
    const text = await waitForTerminal(page, /— reconnected \d\d:\d\d:\d\d —[\s\S]*telnet-lab\$/, SLOW.timeout)
    expect(text.indexOf('BEFORE-21')).toBeGreaterThanOrEqual(0)
    expect(text.indexOf('BEFORE-21')).toBeLessThan(text.indexOf('— reconnected'))
    // The same terminal: it still works after the reconnect.
    await typeInTerminal(page, 'echo AFTER-$((40+2))')
    await waitForTerminal(page, /reconnected[\s\S]*AFTER-42/)
    expect(await page.getByRole('button', { name: 'Disconnect' }).count()).toBe(1)
  })

  it('starts and stops a log on the running quick-connect session, in a file the user names', async () => {
    await openTelnetTab(page, telnetd.port)
    await page.getByRole('button', { name: 'Start log…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Start logging' })
    await dialog.getByLabel('Log file name').fill('console-server.log')
    await dialog.getByRole('button', { name: 'Start logging' }).click()
    const logPath = path.join(userDataDir, 'logs', 'console-server.log')
    await expect.poll(() => page.locator('.banner-log').textContent()).toContain(`Logging to ${logPath}`)
    await expect.poll(() => page.getByRole('contentinfo').textContent()).toContain('· logging')

    await typeInTerminal(page, 'echo LOGGED-$((1+1))')
    await waitForTerminal(page, /LOGGED-2/)
    // The log is flushed every second.
    await expect.poll(() => (fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8') : ''), SLOW).toContain('LOGGED-2')

    await page.getByRole('button', { name: 'Stop log' }).click()
    await expect.poll(() => page.locator('.banner-log').count()).toBe(0)
    await typeInTerminal(page, 'echo NOT-$((2+2))-LOGGED')
    await waitForTerminal(page, /NOT-4-LOGGED/)
    await page.waitForTimeout(1500)
    expect(fs.readFileSync(logPath, 'utf8')).not.toContain('NOT-4-LOGGED')

    // The tab's menu has the same actions; Disconnect from there.
    await page
      .getByRole('tab', { selected: true })
      .locator('xpath=..')
      .getByRole('button', { name: /^Session menu of telnet/ })
      .click()
    await page.getByRole('menuitem', { name: /Disconnect/ }).click()
    await expect.poll(() => page.locator('.session-banner').textContent()).toMatch(/^closed: /)
  })

  it('opens an RFC 2217 console-server port at 19200 baud, sends BREAK over the network and changes speed', async () => {
    await quickConnect(page, `telnet 127.0.0.1 ${comServer.port} 19200 8N1`)
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain(`telnet 127.0.0.1:${comServer.port}`)
    await expect.poll(comServer.log, SLOW).toMatch(/set baud rate: 19200[\s\S]*set stop bits: 1/)
    // The serial line behind the server (a pty) really runs at 19200 now.
    expect(execFileSync('stty', ['-F', comPair.a, 'speed'], { encoding: 'utf8' }).trim()).toBe('19200')

    await page.getByRole('button', { name: 'Send BREAK' }).click()
    await expect.poll(comServer.log, SLOW).toMatch(/changed BREAK to active[\s\S]*changed BREAK to inactive/)
    expect(await page.getByRole('alert').filter({ hasText: 'BREAK not sent' }).count()).toBe(0)

    // A new speed while connected, from the toolbar: the far line follows.
    const speed = page.getByRole('combobox', { name: 'Line speed' })
    expect(await speed.inputValue()).toBe('19200')
    await speed.selectOption('38400')
    await expect.poll(comServer.log, SLOW).toContain('set baud rate: 38400')
    await expect.poll(() => execFileSync('stty', ['-F', comPair.a, 'speed'], { encoding: 'utf8' }).trim(), SLOW).toBe('38400')
    await expect.poll(() => speed.inputValue()).toBe('38400')
  })

  it('paces a 40-line paste into a 9600-baud serial tab by default, showing the line time first, and loses nothing', async () => {
    await quickConnect(page, `serial ${serialPair.a} 9600`)
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain(`${serialPair.a} 9600`)
    await expect.poll(() => page.getByRole('tab', { selected: true }).locator('.dot.state-open').count(), SLOW).toBe(1)
    peer.reset()
    const lines = Array.from({ length: 40 }, (_, i) => `interface Loopback${i}`)
    await pasteIntoTerminal(page, `${lines.join('\n')}\n`)
    const dialog = page.getByRole('dialog', { name: 'Paste 40 lines?' })
    await dialog.waitFor()
    const bytes = lines.join('\r').length + 1
    expect(await dialog.getByRole('status').textContent()).toBe(
      `At least ${((bytes * 10) / 9600).toFixed(1)} s at 9600 baud for ${bytes.toLocaleString('en-US')} bytes.`,
    )
    // The default button is paced sending: Enter takes it.
    await waitForFocus(dialog.getByRole('button', { name: 'Paste paced' }))
    expect(await dialog.getByRole('button', { name: 'Paste all at once' }).count()).toBe(1)
    await page.keyboard.press('Enter')
    const paced = page.getByRole('dialog', { name: 'Paste paced' })
    await expect.poll(() => paced.getByRole('status').textContent(), { timeout: 60_000 }).toMatch(/^Sent 40 of 40 lines/)
    await peer.waitIdle()
    expect(peer.dropped).toBe(0)
    expect(peer.kept.toString('latin1')).toBe(lines.map((l) => `${l}\r`).join(''))
    await paced.getByRole('button', { name: 'Close' }).click()
    expect(pageErrors).toEqual([])
  }, 90_000)

  it("shows an algorithm mismatch as short lists, switch first; quick connect's legacy switch gets through; the host-key dialog answers to Escape and Enter", async () => {
    const target = `ssh ${legacySshd.user}@127.0.0.1 -p ${legacySshd.port}`
    await quickConnect(page, target)
    const reason = page.locator('.session-banner .banner-reason')
    await expect.poll(() => reason.textContent(), SLOW).toMatch(/^error: Could not agree on SSH algorithms/)
    // innerText keeps the line breaks the banner shows.
    const shown = (await reason.innerText()).split('\n')
    expect(shown[1]).toBe("Turn on 'Legacy IOS algorithms' (profile editor or quick connect) and connect again.")
    expect(shown.slice(2, 4)).toEqual([
      'Key exchange (no match):',
      'router offers: diffie-hellman-group1-sha1, diffie-hellman-group14-sha1',
    ])

    await quickConnect(page, target, { legacy: true })
    const hostKey = page.getByRole('dialog', { name: 'Unknown host key' })
    await hostKey.waitFor()
    // The dialog takes the keyboard: Escape refuses the key.
    await waitForFocus(hostKey.getByRole('button', { name: 'Trust and connect' }))
    await page.keyboard.press('Escape')
    await expect.poll(() => reason.textContent(), SLOW).toMatch(/^(error|closed): /)

    await page.getByRole('button', { name: 'Reconnect' }).click()
    await hostKey.waitFor()
    await page.keyboard.press('Enter')
    const passwordDialog = page.getByRole('dialog').filter({ has: page.getByLabel('Password') })
    await passwordDialog.getByLabel('Password').fill(legacySshd.password)
    await page.keyboard.press('Enter')
    await waitForTerminal(page, /OldRouter>/, SLOW.timeout)
  })

  it('saves what was typed in quick connect as a profile', async () => {
    const toggle = page.getByRole('button', { name: 'Connections' })
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    await page.getByLabel('Quick connect').fill(`telnet 127.0.0.1 ${telnetd.port}`)
    await page.getByRole('button', { name: 'Save as profile' }).click()
    await expect
      .poll(() => page.locator('.quick-connect [role=status]').textContent())
      .toBe(`Saved as profile "telnet 127.0.0.1:${telnetd.port}"`)
    await page.getByRole('button', { name: `Open telnet 127.0.0.1:${telnetd.port}` }).click()
    await waitForTerminal(page, /telnet-lab\$/, SLOW.timeout)
    expect(pageErrors).toEqual([])
  })

  it('makes "do not connect" the default on a changed host key: Enter refuses and the key on record stays', async () => {
    // A different RSA key on record for this host and port: what a man in the middle would look like.
    const keyDir = fs.mkdtempSync(path.join(userDataDir, 'otherkey-'))
    execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', path.join(keyDir, 'k')])
    const [type, blob] = fs.readFileSync(path.join(keyDir, 'k.pub'), 'utf8').trim().split(' ')
    const knownHosts = path.join(userDataDir, 'known_hosts')
    const recorded = `[127.0.0.1]:${legacySshd.port} ${type} ${blob}\n`
    fs.writeFileSync(knownHosts, recorded, { mode: 0o600 })

    await quickConnect(page, `ssh ${legacySshd.user}@127.0.0.1 -p ${legacySshd.port}`, { legacy: true })
    const warning = page.getByRole('dialog', { name: 'WARNING: HOST KEY HAS CHANGED' })
    await warning.waitFor()
    await waitForFocus(warning.getByRole('button', { name: 'Do not connect' }))
    await page.keyboard.press('Enter')
    await expect.poll(() => warning.count()).toBe(0)
    await expect.poll(() => page.locator('.session-banner .banner-reason').textContent(), SLOW).toMatch(/^error: /)
    expect(fs.readFileSync(knownHosts, 'utf8')).toBe(recorded)
  })

  it('stops a log on a full disk with a notice in the tab and the status bar (/dev/full)', async () => {
    await openTelnetTab(page, telnetd.port)
    const logsDir = path.join(userDataDir, 'logs')
    fs.mkdirSync(logsDir, { recursive: true })
    fs.symlinkSync('/dev/full', path.join(logsDir, 'full-disk.log'))
    await page.getByRole('button', { name: 'Start log…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Start logging' })
    await dialog.getByLabel('Log file name').fill('full-disk.log')
    await dialog.getByRole('button', { name: 'Start logging' }).click()
    await typeInTerminal(page, 'echo FILL-$((3*3))')
    // The log flushes every second; the first write fails with ENOSPC.
    const statusAlert = page.getByRole('contentinfo').getByRole('alert')
    await expect.poll(() => statusAlert.textContent(), SLOW).toMatch(/^Log stopped: the disk is full \(ENOSPC\)/)
    expect(await page.getByRole('tab', { selected: true }).getByRole('img', { name: 'log stopped' }).count()).toBe(1)
    expect(await page.locator('.banner-log-error').textContent()).toMatch(/^Log stopped: the disk is full/)
    expect(await page.getByRole('button', { name: 'Start log…' }).count()).toBe(1)
    // The session goes on.
    await typeInTerminal(page, 'echo STILL-$((5+5))')
    await waitForTerminal(page, /STILL-10/)
  })
})
