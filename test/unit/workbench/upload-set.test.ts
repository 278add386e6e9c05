import { describe, expect, it } from 'vitest'
import { parseInput } from '../../../shared/pki'
import { defaultSite } from '../../../shared/procedure'
import { selectLoadedCertificates } from '../../../renderer/store/certs-slice'
import { bundleFile, derFile, pemFile, pickUploadSet, uploadSetFiles } from '../../../renderer/panes/certs/upload-set'
import { checksFor } from '../../../renderer/panes/certs/certificate-checks'
import { fixtureText, openssl } from '../pki/helpers'
import { routerExportText, storeWithoutHost } from './helpers'

/** A library as a user builds it: the router export plus CUCM's own certificate and an unrelated EC one. */
function library() {
  const store = storeWithoutHost()
  const add = (text: string): void => void store.getState().addParsedCertificates(parseInput(text), 'test')
  add(fixtureText('CallManager.pem'))
  add(routerExportText(fixtureText('testCA.pem'), fixtureText('SecureCFB.pem')))
  add(fixtureText('ec-p256-leaf.pem'))
  return store
}

const defaults = { caName: 'testCA', bridgeName: 'SecureCFB' }

describe('CUCM upload set', () => {
  it('picks the bridge certificate and the CA that issued it, named testCA.pem and SecureCFB.pem', () => {
    const loaded = selectLoadedCertificates(library().getState())
    const set = pickUploadSet(loaded, [], defaults)
    expect(set.map((e) => e.kept.name)).toEqual(['testCA (CA)', 'SecureCFB (General Purpose)'])
    const files = uploadSetFiles(set, defaults)
    expect(files.ok && files.files.map((f) => f.name)).toEqual(['testCA.pem', 'SecureCFB.pem'])
    expect(
      files.ok &&
        files.files.every(
          (f) => f.encoding === 'utf8' && /^-----BEGIN CERTIFICATE-----\n[^]*-----END CERTIFICATE-----\n$/.test(f.contents),
        ),
    ).toBe(true)
    expect(files.ok && files.files.some((f) => f.contents.includes('PRIVATE KEY'))).toBe(false)
  })

  it('names the files from the site variables', () => {
    const loaded = selectLoadedCertificates(library().getState())
    const names = { caName: 'LabRoot', bridgeName: 'SecureCFB' }
    const files = uploadSetFiles(pickUploadSet(loaded, [], names), names)
    expect(files.ok && files.files.map((f) => f.name)).toEqual(['LabRoot.pem', 'SecureCFB.pem'])
  })

  it('uses the ticked entries when there are any', () => {
    const state = library().getState()
    const loaded = selectLoadedCertificates(state)
    const callManager = loaded.find((e) => e.cert.commonName === 'CUCMPUB15.uc.com')
    const set = pickUploadSet(loaded, [callManager?.kept.id ?? ''], defaults)
    expect(set.map((e) => e.kept.name)).toEqual(['CUCMPUB15.uc.com'])
  })

  it('refuses an empty set', () => {
    expect(uploadSetFiles([], defaults)).toEqual({ ok: false, reason: expect.stringMatching(/empty/) })
    expect(pickUploadSet([], [], defaults)).toEqual([])
  })

  it('exports DER that openssl reads as the same certificate, and PEM bundles', () => {
    const loaded = selectLoadedCertificates(library().getState())
    const ca = loaded.find((e) => e.kept.role === 'CA')
    if (!ca) throw new Error('no CA')
    const der = derFile(ca)
    expect(der).toMatchObject({ name: 'testCA.der', encoding: 'base64' })
    const fromDer = openssl(['x509', '-inform', 'DER', '-noout', '-fingerprint', '-sha256'], Buffer.from(der.contents, 'base64'))
    const fromPem = openssl(['x509', '-noout', '-fingerprint', '-sha256'], pemFile(ca).contents)
    expect(fromDer).toBe(fromPem)
    expect(bundleFile(loaded).contents.match(/BEGIN CERTIFICATE/g)).toHaveLength(4)
  })
})

describe('checks in the workbench context', () => {
  const now = new Date('2027-01-01T00:00:00Z')

  it('checks the bridge name only on the bridge certificate', () => {
    const loaded = selectLoadedCertificates(library().getState())
    const site = { ...defaultSite(), bridgeName: 'OtherCFB' }
    const byName = (cn: string) => loaded.find((e) => e.cert.commonName === cn)
    const bridge = byName('SecureCFB')
    const ec = loaded.find((e) => e.cert.publicKey.algorithm === 'EC')
    if (!bridge || !ec) throw new Error('fixtures missing')
    expect(
      checksFor(bridge, loaded, site, now)
        .filter((c) => c.severity === 'error')
        .map((c) => c.code),
    ).toEqual(['cn-mismatch'])
    expect(checksFor(ec, loaded, site, now).map((c) => c.code)).not.toContain('cn-mismatch')
    expect(checksFor(bridge, loaded, defaultSite(), now).map((c) => c.code)).toContain('cn-match')
  })

  it('warns when lifetime certificate asks for more than the CA has left', () => {
    const loaded = selectLoadedCertificates(library().getState())
    const ca = loaded.find((e) => e.kept.role === 'CA')
    if (!ca) throw new Error('no CA')
    const codes = checksFor(ca, loaded, { ...defaultSite(), lifetimeCertificateDays: 100_000 }, now).map((c) => c.code)
    expect(codes).toContain('lifetime-capped')
    expect(codes).toContain('weak-key')
  })
})
