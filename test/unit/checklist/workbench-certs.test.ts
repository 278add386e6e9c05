import { describe, expect, it } from 'vitest'
import { exampleSite } from '../../../shared/procedure'
import { buildRunContext } from '../../../renderer/panes/checklist/run-context'
import { buildSiteReport, reportBaseName } from '../../../renderer/panes/checklist/site-report'
import { chooseCallManager, cucmUploadSet, reportFingerprints, withCommonName } from '../../../renderer/panes/checklist/workbench-certs'
import { markVerified } from '../../../renderer/panes/checklist/step-state'
import { fixtureText } from '../pki/helpers'
import { ios, kept, opensslFingerprint, workbenchOf } from './helpers'

const site = exampleSite()
const testCA = fixtureText('testCA.pem')
const bridge = fixtureText('SecureCFB.pem')
const callManager = fixtureText('CallManager.pem')
const impostor = fixtureText('testCA-impostor.pem')

describe('certificates the checklist takes from the workbench', () => {
  it('finds the site CA and bridge by CN (newest first) and builds the CUCM upload set, one file each', () => {
    const list = workbenchOf(
      kept(impostor, 'old testCA', 'CA', '2025-01-01T00:00:00Z'),
      kept(testCA, 'testCA (CA)', 'CA', '2026-01-01T00:00:00Z'),
      kept(bridge, 'SecureCFB'),
    )
    expect(withCommonName(list, 'TESTCA').map((c) => c.kept.name)).toEqual(['testCA (CA)', 'old testCA'])
    const set = cucmUploadSet(list, site)
    if (!set.ok) throw new Error(set.reason)
    expect(set.files.map((f) => f.name)).toEqual(['testCA.pem', 'SecureCFB.pem'])
    expect(opensslFingerprint(set.files[0]?.contents ?? '', 'sha1')).toBe(opensslFingerprint(testCA, 'sha1'))
    expect(opensslFingerprint(set.files[1]?.contents ?? '', 'sha1')).toBe(opensslFingerprint(bridge, 'sha1'))
    expect(set.files.every((f) => !/PRIVATE KEY/.test(f.contents))).toBe(true)
  })

  it('says what is missing from the upload set', () => {
    const set = cucmUploadSet(workbenchOf(kept(testCA, 'testCA')), site)
    expect(set).toEqual({ ok: false, reason: expect.stringMatching(/no certificate for SecureCFB \(bridge\)/) })
  })

  it("chooses CallManager.pem: the engineer's choice, else the one labelled so, else one that is not the site's own", () => {
    const list = workbenchOf(kept(testCA, 'testCA'), kept(bridge, 'SecureCFB'), kept(callManager, 'CUCMPUB15.uc.com'))
    expect(chooseCallManager(list, site)?.kept.name).toBe('CUCMPUB15.uc.com')
    expect(chooseCallManager(list, site, list[0]?.kept.id)?.kept.name).toBe('testCA')
    const unlabelled = workbenchOf(kept(testCA, 'testCA'), kept(callManager, 'publisher'))
    expect(chooseCallManager(unlabelled, site)?.kept.name).toBe('publisher')
    expect(chooseCallManager(workbenchOf(kept(testCA, 'testCA')), site)).toBeUndefined()
  })

  it('gives the runner the CA references for step 6, the CallManager PEM to paste and its fingerprints for step 9', () => {
    const list = workbenchOf(kept(testCA, 'testCA'), kept(callManager, 'CallManager.pem', 'CallManager'))
    const context = buildRunContext({ id: 's', name: 'S', vars: site, progress: {} }, list)
    expect(context.references['ca-server-fingerprint'].map((r) => r.md5)).toEqual([opensslFingerprint(testCA, 'md5')])
    expect(context.references['callmanager-pem'].map((r) => r.sha1)).toEqual([opensslFingerprint(callManager, 'sha1')])
    expect(opensslFingerprint(context.callManagerPem ?? '', 'sha256')).toBe(opensslFingerprint(callManager, 'sha256'))
    expect(context.verification.expectedFingerprints?.callManagerPem?.md5).toBe(opensslFingerprint(callManager, 'md5'))
  })

  it('puts every workbench fingerprint, as openssl computes it, into the site report', () => {
    const list = workbenchOf(kept(testCA, 'testCA'), kept(callManager, 'CallManager.pem'))
    expect(reportFingerprints(list).map((f) => f.sha1)).toEqual([
      opensslFingerprint(testCA, 'sha1'),
      opensslFingerprint(callManager, 'sha1'),
    ])
    const record = {
      id: 's',
      name: 'Plant A / hall 2',
      vars: site,
      progress: { 't1-01': markVerified(undefined, 'VG-CME-1#show ntp status\nClock is synchronized', '2026-02-22T00:00:00Z') },
    }
    const [md, html] = buildSiteReport(record, list, undefined, new Date('2026-02-22T01:00:00Z'))
    expect(md?.name).toBe('Plant-A-hall-2-report.md')
    expect(html?.name).toBe('Plant-A-hall-2-report.html')
    expect(md?.contents).toContain(`SHA-1: \`${ios(opensslFingerprint(callManager, 'sha1'))}\``)
    expect(md?.contents).toContain('**Status:** done (verified on the router)')
    expect(html?.contents).toContain(ios(opensslFingerprint(testCA, 'md5')))
    expect(reportBaseName('../..')).toBe('site-report')
  })
})
