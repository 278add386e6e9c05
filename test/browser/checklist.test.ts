import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { practiceCucmCertificate } from '../../electron/services/practice-router'
import { waitForTerminal } from '../support/page'
import { followStory } from '../support/story'
import { checklistApp, checklistPage } from '../support/checklist-page'
import { fixtureText, openssl } from '../unit/pki/helpers'

/** `openssl x509 -fingerprint` of a PEM, IOS style (upper-case hex in groups of 8). */
function iosFingerprint(pem: string, alg: 'md5' | 'sha1'): string {
  const out = openssl(['x509', '-noout', '-fingerprint', `-${alg}`], pem)
  const hex = out.slice(out.indexOf('=') + 1).replace(/:/g, '')
  return (hex.match(/.{1,8}/g) ?? []).join(' ')
}

const STEP_WAIT = 60_000

describe('checklist in Chromium: Task 1 driven on the practice router', { timeout: 120_000 }, () => {
  // One procedure told in order on one practice router: each test needs the ones before it done
  // (the site, then steps 1–5 before step 6…). Once one fails, the rest skip themselves naming it,
  // rather than failing for a reason that is not theirs.
  followStory()
  const app = checklistApp({ defaultTimeoutMs: 20_000 })
  const { pane, workbench, library, step, badge, open, waitState, answerSecret } = checklistPage(() => app.page, STEP_WAIT)

  async function send(title: RegExp): Promise<void> {
    const article = await open(title)
    await article.getByRole('button', { name: 'Send to console' }).click()
  }

  it('adds a site whose variables are checked as they are typed, and re-renders the commands', async () => {
    // The default session is the practice router.
    await waitForTerminal(app.page, /VG-CME-1>/)
    await pane().getByRole('button', { name: 'Add site' }).click()
    await pane().getByLabel('New site name').fill('Practice lab')
    await pane().getByRole('button', { name: 'Create site' }).click()
    await expect.poll(() => pane().getByLabel('Site', { exact: true }).locator('option:checked').textContent()).toBe('Practice lab')

    const ntp = pane().getByLabel('NTP server IP', { exact: true })
    await ntp.fill('10.10.10')
    const ntpField = pane().locator('.site-field', { has: app.page.getByLabel('NTP server IP', { exact: true }) })
    await expect.poll(() => ntpField.locator('.field-issue').textContent()).toMatch(/4 numbers separated by dots; this has 3/)
    expect(await ntp.getAttribute('aria-invalid')).toBe('true')
    await ntp.fill('10.10.10.5')
    await pane().getByLabel('CA IP (this router)', { exact: true }).fill('10.10.10.1')
    await pane().getByLabel('Node 1 name', { exact: true }).fill('CUCMPUB15')
    await pane().getByLabel('Node 1 IP', { exact: true }).fill('10.10.10.20')
    await expect.poll(() => pane().locator('.site-form .badge').textContent()).not.toMatch(/to fix/)

    const first = await open(/^Step 1: Point the router at NTP/)
    expect(await first.getByLabel('Commands', { exact: true }).textContent()).toBe(
      'configure terminal\nntp server 10.10.10.5\nip http server\nend',
    )
    // A second node of the bridge's CUCM group: one sccp ccm and one associate ccm each.
    await pane().getByRole('button', { name: 'Add node' }).click()
    await pane().getByLabel('Node 2 name', { exact: true }).fill('CUCMSUB1')
    await pane().getByLabel('Node 2 IP', { exact: true }).fill('10.10.10.21')
    const twelve = await open(/^Step 12: Configure the secure DSP farm and SCCP/)
    const twelveCommands = (await twelve.getByLabel('Commands', { exact: true }).textContent()) ?? ''
    expect(twelveCommands).toContain('sccp ccm 10.10.10.20 identifier 666 version 7.0+\nsccp ccm 10.10.10.21 identifier 667 version 7.0+')
    expect(twelveCommands).toContain('sccp ccm group 666\n associate ccm 666 priority 1\n associate ccm 667 priority 2')
    expect(await (await open(/^Step 13: Add the bridge in CUCM/)).textContent()).toContain(
      'Registered with Cisco Unified Communications Manager CUCMPUB15 or CUCMSUB1',
    )
    await pane().getByRole('button', { name: 'Remove node 2' }).click()
    await expect.poll(() => twelve.getByLabel('Commands', { exact: true }).textContent()).not.toContain('10.10.10.21')

    const bridge = pane().getByLabel('Bridge name', { exact: true })
    await bridge.fill('BridgeX')
    const five = await open(/^Step 5: Create the bridge trustpoint BridgeX/)
    expect(await five.getByLabel('Commands', { exact: true }).textContent()).toContain(' subject-name cn=BridgeX')
    await bridge.fill('SecureCFB')
    expect(
      await step(/^Step 5: Create the bridge trustpoint SecureCFB/)
        .getByLabel('Commands', { exact: true })
        .textContent(),
    ).toContain(' subject-name cn=SecureCFB')
  })

  it('runs steps 1–5 from the checklist, asking for the CA passphrase', async () => {
    await send(/^Step 1: Point the router at NTP/)
    // NTP takes a few seconds to synchronise on the practice router: the step waits on the router, not on a timer here.
    await waitState(/^Step 1: Point the router at NTP/, 'verified')
    for (const title of [/^Step 2: Define the certificate server testCA/, /^Step 3: Create the CA trustpoint testCA/]) {
      await send(title)
      await waitState(title, 'verified')
    }
    await send(/^Step 4: Start the certificate server/)
    await answerSecret('CA passphrase', 'practice-passphrase')
    await waitState(/^Step 4: Start the certificate server/, 'verified')
    await send(/^Step 5: Create the bridge trustpoint SecureCFB/)
    await waitState(/^Step 5: Create the bridge trustpoint SecureCFB/, 'verified')
  })

  it("authenticates the CA against the router's own CA even with a stale testCA in the workbench, names the stale copy and replaces it", async () => {
    // Issue 11: a stale testCA used to block step 6 with "Fingerprint mismatch"; the router's
    // show crypto pki server is the truth, the workbench follows it.
    await workbench().getByLabel('PEM input').fill(fixtureText('testCA.pem'))
    await workbench().getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(() => library().textContent()).toContain('testCA')
    await send(/^Step 6: Authenticate the CA for SecureCFB/)
    await waitState(/^Step 6: Authenticate the CA for SecureCFB/, 'verified')
    const six = await open(/^Step 6:/)
    const notice = six.getByRole('status').filter({ hasText: /^Stale copy: testCA/ })
    expect(await notice.textContent()).toContain(iosFingerprint(fixtureText('testCA.pem'), 'md5'))
    await six.getByRole('button', { name: /^Remove stale testCA/ }).click()
    // The library list goes away altogether when it empties.
    await expect.poll(async () => ((await library().count()) === 0 ? '' : await library().textContent())).not.toContain('testCA')
    expect(await six.textContent()).toContain('The stale copy is no longer in the workbench.')
    await send(/^Step 7: Enroll SecureCFB with the CA/)
    await answerSecret('Challenge password', 'challenge-1')
    await waitState(/^Step 7: Enroll SecureCFB with the CA/, 'verified')
  })

  it('stops at [yes/no] when the pasted CallManager certificate is not the one chosen in the workbench', async () => {
    const lab = JSON.parse(readFileSync(path.join(app.host.userDataDir, 'practice-labs', 'default.json'), 'utf8')) as { seed: string }
    const practicePem = practiceCucmCertificate(lab.seed).pem
    // The workbench holds a different CUCM certificate (the fixture), chosen as CallManager.pem.
    await workbench().getByLabel('PEM input').fill(fixtureText('CallManager.pem'))
    await workbench().getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(() => library().textContent()).toContain('CUCMPUB15.uc.com')
    const eight = await open(/^Step 8: Download CUCM's CallManager certificate/)
    const chooser = eight.getByLabel('CallManager certificate')
    await expect.poll(() => chooser.locator('option').count()).toBe(1)
    // Someone pastes the lab's real certificate by hand in the console.
    await app.page.locator('.terminal:not([hidden]) textarea').focus()
    for (const line of [
      'configure terminal',
      'crypto pki trustpoint cucm-pub',
      'enrollment terminal',
      'revocation-check none',
      'exit',
      'crypto pki authenticate cucm-pub',
    ]) {
      await app.page.keyboard.type(line)
      await app.page.keyboard.press('Enter')
    }
    await waitForTerminal(app.page, /on a line by itself/)
    for (const line of [...practicePem.trim().split('\n'), 'quit']) {
      await app.page.keyboard.type(line)
      await app.page.keyboard.press('Enter')
    }
    await waitForTerminal(app.page, /Do you accept this certificate\? \[yes\/no\]:/)
    // The checklist picks up the question the router is asking and compares with the workbench.
    await send(/^Step 9: Import CallManager.pem into trustpoint cucm-pub/)
    const alert = pane().getByRole('alert').filter({ hasText: 'Fingerprint mismatch' })
    await alert.waitFor({ timeout: STEP_WAIT })
    const text = (await alert.textContent()) ?? ''
    expect(text).toContain(iosFingerprint(practicePem, 'sha1'))
    expect(text).toContain(iosFingerprint(fixtureText('CallManager.pem'), 'sha1'))
    // Accepting anyway takes a second, explicit yes; cancelling it leaves the question open.
    await alert.getByRole('button', { name: 'Accept anyway' }).click()
    const confirm = app.page.getByRole('alertdialog', { name: 'Accept this certificate anyway?' })
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    expect(await alert.count()).toBe(1)
    await alert.getByRole('button', { name: 'Answer no' }).click()
    await waitState(/^Step 9: Import CallManager.pem/, 'failed')
  })

  it('loads the practice CUCM certificate and imports it in step 9, checking its fingerprint', async () => {
    const eight = await open(/^Step 8: Download CUCM's CallManager certificate/)
    await eight.getByRole('button', { name: 'Load practice CUCM certificate' }).click()
    // The host makes the lab's 2048-bit CallManager key in pure JS on first use: seconds on a
    // loaded machine, so wait like a step does rather than the 1 s poll default.
    await expect.poll(() => eight.getByLabel('CallManager certificate').locator('option').count(), { timeout: STEP_WAIT }).toBe(2)
    await eight.getByRole('button', { name: 'Mark done' }).click()
    await eight.getByLabel('Note (optional)').fill('Practice lab certificate')
    await eight.getByRole('button', { name: 'Confirm done' }).click()
    await waitState(/^Step 8:/, 'done by hand')
    await send(/^Step 9: Import CallManager.pem/)
    await waitState(/^Step 9: Import CallManager.pem/, 'verified')
  })

  it('exports the certificates (step 10), offers the CUCM upload set (step 11) and registers the bridge (12–13)', async () => {
    await send(/^Step 10: Export the CA and bridge certificates/)
    await waitState(/^Step 10:/, 'verified')
    // The export reaches the workbench by itself.
    await expect.poll(() => library().textContent()).toMatch(/testCA \(CA\).*SecureCFB \(General Purpose\)/s)

    // Issue 11: the router prints three certificates at once; each matches its own workbench entry,
    // nothing is being asked, so no alarm.
    await app.page.locator('.terminal:not([hidden]) textarea').focus()
    await app.page.keyboard.type('end')
    await app.page.keyboard.press('Enter')
    await app.page.keyboard.type('show crypto pki certificates verbose')
    await app.page.keyboard.press('Enter')
    const routerFps = workbench().getByRole('list', { name: 'Router fingerprints' })
    await expect.poll(() => routerFps.locator(':scope > li').count(), { timeout: STEP_WAIT }).toBe(3)
    await expect
      .poll(() =>
        routerFps
          .locator(':scope > li')
          .filter({ hasText: /✔ matches/ })
          .count(),
      )
      .toBe(3)
    expect(
      await workbench()
        .getByRole('alert')
        .filter({ hasText: /fingerprint/i })
        .count(),
    ).toBe(0)
    expect(await routerFps.textContent()).toMatch(/CA Certificate cn=testCA.*✔ matches testCA \(CA\)/s)

    const eleven = await open(/^Step 11: Upload the bridge certificate/)
    const before = app.downloads.length
    await eleven.getByRole('button', { name: 'Export CUCM upload set' }).click()
    await expect.poll(() => app.downloads.length).toBe(before + 2)
    expect(app.downloads.slice(before).map((d) => d.suggestedFilename())).toEqual(['testCA.pem', 'SecureCFB.pem'])
    await eleven.getByRole('button', { name: 'Mark done' }).click()
    await eleven.getByRole('button', { name: 'Confirm done' }).click()

    await send(/^Step 12: Configure the secure DSP farm and SCCP/)
    await waitState(/^Step 12:/, 'verified')
    const thirteen = await open(/^Step 13: Add the bridge in CUCM/)
    await thirteen.getByRole('button', { name: 'Verify from router' }).click()
    // Router output alone cannot verify a step that depends on CUCM (issue 11): confirm CUCM's side.
    await waitState(/^Step 13:/, 'router OK, confirm CUCM')
    await thirteen.getByRole('button', { name: 'I checked CUCM' }).click()
    await thirteen.getByLabel('What CUCM shows (optional)').fill('Registered with Cisco Unified Communications Manager CUCMPUB15')
    await thirteen.getByRole('button', { name: 'Confirm CUCM side' }).click()
    await waitState(/^Step 13:/, 'verified')
    const evidence = await (await open(/^Step 13:/)).getByLabel('Evidence').textContent()
    expect(evidence).toContain('show dspfarm profile 666')
    expect(evidence).toMatch(/Profile Operation State : ACTIVE/)
    expect(evidence).toMatch(/Application : SCCP\s+Status : ASSOCIATED/)
    expect(evidence).toMatch(/CUCM side confirmed by the engineer at .*: Registered with Cisco Unified Communications Manager CUCMPUB15/)
    const progress = pane().getByRole('progressbar', { name: 'Task 1 progress' })
    expect(await progress.getAttribute('value')).toBe('13')
  })

  it('exports the report as Markdown and HTML with the certificate fingerprints', async () => {
    const lab = JSON.parse(readFileSync(path.join(app.host.userDataDir, 'practice-labs', 'default.json'), 'utf8')) as { seed: string }
    const practicePem = practiceCucmCertificate(lab.seed).pem
    const before = app.downloads.length
    await pane().getByRole('button', { name: 'Export report' }).click()
    await expect.poll(() => app.downloads.length).toBe(before + 2)
    const [md, html] = app.downloads.slice(before)
    expect(md?.suggestedFilename()).toBe('Practice-lab-report.md')
    expect(html?.suggestedFilename()).toBe('Practice-lab-report.html')
    const markdown = readFileSync((await md?.path()) ?? '', 'utf8')
    expect(markdown).toContain(`SHA-1: \`${iosFingerprint(practicePem, 'sha1')}\``)
    expect(markdown).toContain(`MD5: \`${iosFingerprint(practicePem, 'md5')}\``)
    expect(markdown).toMatch(
      /### t1-13 · Add the bridge in CUCM and confirm registration\n\n\*\*Status:\*\* done \(verified on the router; CUCM side confirmed by the engineer\)/,
    )
    expect(markdown).toContain('**Status:** done (by hand)')
    expect(markdown).not.toContain('practice-passphrase')
    expect(markdown).not.toContain('challenge-1')
    const page2 = readFileSync((await html?.path()) ?? '', 'utf8')
    expect(page2).toContain(iosFingerprint(practicePem, 'sha1'))
  })

  it('keeps the progress across a reload, and resets it only after confirmation', async () => {
    // Let the debounced save reach the state file before reloading.
    await expect
      .poll(() => {
        try {
          return readFileSync(path.join(app.host.userDataDir, 'lab-console-state.json'), 'utf8').includes('"t1-13"')
        } catch {
          return false
        }
      })
      .toBe(true)
    await app.page.reload()
    const task1 = pane().getByRole('button', { name: /^Task 1 — / })
    await task1.waitFor().catch(async (err: Error) => {
      await app.page.screenshot({ path: path.join(app.host.userDataDir, 'reload.png') })
      throw new Error(`${err.message}\n${await app.page.locator('body').textContent()}`)
    })
    if ((await task1.getAttribute('aria-expanded')) !== 'true') await task1.click()
    await expect.poll(() => badge(/^Step 13: Add the bridge in CUCM/).textContent()).toBe('verified')
    expect(await badge(/^Step 8:/).textContent()).toBe('done by hand')
    await pane().getByRole('button', { name: 'Reset progress' }).click()
    const confirm = app.page.getByRole('alertdialog', { name: /Reset the progress of Practice lab/ })
    await confirm.getByRole('button', { name: 'Reset progress' }).click()
    await expect.poll(() => pane().getByRole('progressbar', { name: 'Task 1 progress' }).getAttribute('value')).toBe('0')
    expect(app.pageErrors).toEqual([])
  })
})
