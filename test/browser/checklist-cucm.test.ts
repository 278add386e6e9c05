import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { waitForTerminal } from '../support/page'
import { followStory } from '../support/story'
import { checklistApp, checklistPage } from '../support/checklist-page'

// Router steps wait on NTP, key generation and enrolment; the bridge registers within the
// router's 10 s CCM connect interval. On a loaded machine these take seconds each.
const STEP_WAIT = 90_000

/**
 * The whole procedure on the practice lab from the checklist, both halves, no file copied by
 * hand: the router half through the console, the CUCM half through the practice CUCM's APIs
 * (certificate API, Control Center, AXL, RisPort70), each change shown and confirmed first.
 */
describe('checklist in Chromium: both halves on the practice lab', { timeout: 900_000 }, () => {
  // One procedure told in order on one practice router: each test needs the ones before it done
  // (the site, then steps 1–5 before step 6…). Once one fails, the rest skip themselves naming it,
  // rather than failing for a reason that is not theirs.
  followStory()
  const app = checklistApp({ defaultTimeoutMs: 30_000 })
  const { pane, badge, open, waitState, answerSecret } = checklistPage(() => app.page, STEP_WAIT)
  const cucmPanel = (): Locator => pane().locator('.cucm-panel')

  async function send(title: RegExp, state = 'verified'): Promise<void> {
    const article = await open(title)
    await article.getByRole('button', { name: 'Send to console' }).click()
    if (state) await waitState(title, state)
  }

  /** Plans a CUCM action, checks what the plan says, and confirms it. */
  async function planAndConfirm(
    article: Locator,
    label: string | RegExp,
    confirm: string | RegExp,
    expectText: RegExp[] = [],
  ): Promise<string> {
    await article.getByRole('button', { name: label }).click()
    const plan = article.getByRole('alertdialog')
    await plan.waitFor({ timeout: STEP_WAIT })
    const text = (await plan.textContent()) ?? ''
    for (const re of expectText) expect(text).toMatch(re)
    await plan.getByRole('button', { name: confirm }).click()
    await plan.waitFor({ state: 'detached', timeout: STEP_WAIT })
    return text
  }

  it('connects the site to the practice CUCM, showing the tomcat fingerprint before trusting it', async () => {
    await waitForTerminal(app.page, /VG-CME-1>/)
    await pane().getByRole('button', { name: 'Add site' }).click()
    await pane().getByLabel('New site name').fill('Practice lab')
    await pane().getByRole('button', { name: 'Create site' }).click()
    await pane().getByRole('button', { name: 'Use practice-lab addresses' }).click()
    expect(await cucmPanel().getByLabel('Practice CUCM').isChecked()).toBe(true)
    await cucmPanel().getByRole('button', { name: 'Connect to CUCM' }).click()
    const question = cucmPanel().getByRole('alertdialog', { name: 'CUCM certificate' })
    await question.waitFor({ timeout: STEP_WAIT })
    expect(await question.textContent()).toMatch(/First connection to CUCMPUB15.*SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}/s)
    await question.getByRole('button', { name: 'Trust this certificate' }).click()
    await expect.poll(() => cucmPanel().locator('summary .badge').textContent(), { timeout: STEP_WAIT }).toBe('connected')
    expect(await cucmPanel().getByRole('status').textContent()).toContain('CUCM 15.0.1.11900(23) (AXL 15.0); certificate API available')
  })

  it('runs the router half up to step 7', async () => {
    await send(/^Step 1: Point the router at NTP/)
    await send(/^Step 2: Define the certificate server testCA/)
    await send(/^Step 3: Create the CA trustpoint testCA/)
    await send(/^Step 4: Start the certificate server/, '')
    await answerSecret('CA passphrase', 'practice-passphrase')
    await waitState(/^Step 4: Start the certificate server/, 'verified')
    await send(/^Step 5: Create the bridge trustpoint SecureCFB/)
    await send(/^Step 6: Authenticate the CA for SecureCFB/)
    await send(/^Step 7: Enroll SecureCFB with the CA/, '')
    await answerSecret('Challenge password', 'challenge-1')
    await waitState(/^Step 7: Enroll SecureCFB with the CA/, 'verified')
  })

  it('step 8 fetches CallManager.pem from CUCM into the workbench; step 9 imports it; step 10 exports', async () => {
    const eight = await open(/^Step 8: Download CUCM's CallManager certificate/)
    await eight.getByRole('button', { name: 'Fetch CallManager.pem from CUCM' }).click()
    await waitState(/^Step 8:/, 'verified')
    expect(await (await open(/^Step 8:/)).getByLabel('Evidence').textContent()).toMatch(/CUCMPUB15: CallManager.pem SHA-256 [0-9A-F:]{95}/)
    await send(/^Step 9: Import CallManager.pem into trustpoint cucm-pub/)
    await send(/^Step 10: Export the CA and bridge certificates/)
  })

  it('step 11 uploads testCA and SecureCFB to CallManager-trust, then restarts CallManager after naming the node', async () => {
    const eleven = await open(/^Step 11: Upload the bridge certificate/)
    await planAndConfirm(eleven, /^Upload testCA.pem and SecureCFB.pem to CallManager-trust/, 'Upload', [
      /Upload to CallManager-trust on CUCMPUB15 — new: testCA\.pem \(.*CN=testCA/,
    ])
    await planAndConfirm(await open(/^Step 11:/), 'Restart Cisco CallManager', 'Restart Cisco CallManager on CUCMPUB15 now', [
      /drops the calls in progress on those nodes/,
    ])
    await waitState(/^Step 11:/, 'verified')
    const evidence = (await (await open(/^Step 11:/)).getByLabel('Evidence').textContent()) ?? ''
    expect(evidence).toContain('CUCM answered: ')
    expect(evidence).toMatch(/Cisco CallManager Started at/)
  })

  it("step 12 on the router; step 13 adds the bridge from CUCM's lists and holds only when both sides agree", async () => {
    await send(/^Step 12: Configure the secure DSP farm and SCCP/)
    const thirteen = await open(/^Step 13: Add the bridge in CUCM/)
    await thirteen.getByRole('button', { name: 'Read device pools and locations from CUCM' }).click()
    await thirteen.getByLabel('Device pool').selectOption('DP_HQ')
    await planAndConfirm(thirteen, 'Add conference bridge SecureCFB', 'Add the conference bridge', [
      /Add conference bridge SecureCFB: product Cisco IOS Enhanced Conference Bridge, device pool DP_HQ, location Hub_None/,
    ])
    // The router tries again within its CCM connect interval: verify until the router says ASSOCIATED.
    await expect
      .poll(
        async () => {
          if ((await badge(/^Step 13:/).textContent()) !== 'router OK, confirm CUCM')
            await (await open(/^Step 13:/)).getByRole('button', { name: 'Verify from router' }).click()
          return badge(/^Step 13:/).textContent()
        },
        { timeout: STEP_WAIT, interval: 3_000 },
      )
      .toBe('router OK, confirm CUCM')
    await (await open(/^Step 13:/)).getByRole('button', { name: 'Check registration on CUCM (RisPort70)' }).click()
    await waitState(/^Step 13:/, 'verified')
    const evidence = (await (await open(/^Step 13:/)).getByLabel('Evidence').textContent()) ?? ''
    expect(evidence).toMatch(/Active Call Manager: 10\.10\.10\.10, Port Number: 2443/)
    expect(evidence).toContain("CUCM side confirmed by CUCM's API")
    expect(evidence).toContain('RisPort70 selectCmDevice: SecureCFB is Registered with CUCMPUB15 from 10.10.10.1 (SCCP).')
  })

  it('Task 3: MRG_ and MRGL_ once, then the MRGL on phones picked from CUCM', async () => {
    const task3 = pane().getByRole('button', { name: /^Task 3 — / })
    if ((await task3.getAttribute('aria-expanded')) !== 'true') await task3.click()
    const mrg = await open(/^Step 1: Media resource group MRG_SecureCFB/)
    await planAndConfirm(mrg, 'Create MRG_SecureCFB and MRGL_SecureCFB', 'Create them', [
      /Add media resource group MRG_SecureCFB with member SecureCFB/,
    ])
    await waitState(/^Step 1: Media resource group MRG_SecureCFB/, 'verified')
    await waitState(/^Step 2: Media resource group list MRGL_SecureCFB/, 'verified')
    const phones = await open(/^Step 3: Assign MRGL_SecureCFB to every phone/)
    await phones.getByLabel('Find phones (name or description)').fill('DN 100')
    await phones.getByRole('button', { name: 'Search CUCM' }).click()
    for (const name of ['SEP00A3D15E7B01', 'SEP00A3D15E7B02', 'SEP00A3D15E7B03']) await phones.getByLabel(new RegExp(name)).check()
    await planAndConfirm(phones, 'Assign MRGL_SecureCFB to the chosen phones', 'Assign and apply config', [
      /SEP00A3D15E7B03.*"None" → MRGL_SecureCFB/s,
    ])
    await waitState(/^Step 3: Assign MRGL_SecureCFB to every phone/, 'verified')
  })

  it("the report shows the router's show sccp and CUCM's RisPort70 answer for the bridge", async () => {
    const before = app.downloads.length
    await pane().getByRole('button', { name: 'Export report' }).click()
    await expect.poll(() => app.downloads.length).toBe(before + 2)
    const markdown = readFileSync((await app.downloads[before]?.path()) ?? '', 'utf8')
    expect(markdown).toContain('Active Call Manager: 10.10.10.10, Port Number: 2443')
    expect(markdown).toContain('RisPort70 selectCmDevice: SecureCFB is Registered with CUCMPUB15 from 10.10.10.1 (SCCP).')
    expect(markdown).not.toContain('practice-passphrase')
    expect(markdown).not.toContain('Practice-AXL-1')
    expect(app.pageErrors).toEqual([])
  })
})
