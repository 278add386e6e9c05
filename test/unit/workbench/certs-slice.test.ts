import { describe, expect, it } from 'vitest'
import { parseInput } from '../../../shared/pki'
import { matchRouterFingerprint, selectLibrary, selectLoadedCertificates } from '../../../renderer/store/certs-slice'
import { selectPersisted } from '../../../renderer/store/persistence'
import { fixtureText, opensslValue } from '../pki/helpers'
import { routerExportText, storeWithoutHost } from './helpers'

const hex = (file: string, alg: string): string => opensslValue(file, '-fingerprint', `-${alg}`).replace(/:/g, '')

function loadedStore() {
  const store = storeWithoutHost()
  store.getState().addParsedCertificates(parseInput(routerExportText(fixtureText('testCA.pem'), fixtureText('SecureCFB.pem'))), 'Paste')
  return store
}

describe('certificate library in the store', () => {
  it('adds a pasted router export as two named entries with roles and selects the first', () => {
    const store = loadedStore()
    const s = store.getState()
    expect(s.certificates.map((c) => [c.name, c.role])).toEqual([
      ['testCA (CA)', 'CA'],
      ['SecureCFB (General Purpose)', 'General Purpose'],
    ])
    expect(s.intakeReport?.added).toEqual(['testCA (CA)', 'SecureCFB (General Purpose)'])
    expect(s.selectedCertificateId).toBe(s.certificates[0]?.id)
    expect(selectPersisted(s).certificates).toHaveLength(2)
  })

  it('does not add the same certificate twice, and says which entry it already is', () => {
    const store = loadedStore()
    const report = store.getState().addParsedCertificates(parseInput(fixtureText('testCA.pem')), 'testCA.pem')
    expect(report.added).toEqual([])
    expect(report.duplicates).toEqual(['testCA (CA)'])
    expect(store.getState().certificates).toHaveLength(2)
  })

  it('recognises an entry another pane kept under its own id, and selects it', () => {
    const store = storeWithoutHost()
    store.setState({
      certificates: [{ id: 'cm-1', name: 'CallManager.pem', pem: fixtureText('CallManager.pem'), addedAt: '2026-01-01T00:00:00Z' }],
    })
    const report = store.getState().addParsedCertificates(parseInput(fixtureText('CallManager.pem')), 'Paste')
    expect(report.duplicates).toEqual(['CallManager.pem'])
    expect(store.getState().certificates).toHaveLength(1)
    expect(store.getState().selectedCertificateId).toBe('cm-1')
  })

  it('keeps the good blocks of a damaged paste and reports the bad one with its line', () => {
    const store = storeWithoutHost()
    const text = `${fixtureText('testCA.pem')}\n${fixtureText('damaged-badchar.pem')}\n${fixtureText('SecureCFB.pem')}`
    const report = store.getState().addParsedCertificates(parseInput(text), 'Paste')
    expect(report.added).toEqual(['testCA', 'SecureCFB'])
    expect(report.problems.find((p) => p.severity === 'error')?.message).toMatch(/^Block 2 \(line \d+\).*line \d+ column \d+/)
  })

  it('lists key blocks but never keeps them', () => {
    const store = storeWithoutHost()
    const report = store.getState().addParsedCertificates(parseInput(fixtureText('router-export-with-key.txt')), 'Paste')
    expect(report.keys.map((k) => [k.pemLabel, k.encrypted, k.weakEncryption])).toContainEqual(['RSA PRIVATE KEY', true, true])
    expect(store.getState().certificates.some((c) => c.pem.includes('PRIVATE KEY'))).toBe(false)
  })

  it('takes router exports from session.certificates with roles from the labels', () => {
    const store = storeWithoutHost()
    const report = store.getState().routerCertificatesArrived({
      id: 's1',
      trustpoint: 'SecureCFB',
      blocks: [
        { label: 'CA certificate', pem: fixtureText('testCA.pem') },
        { label: 'General Purpose Certificate', pem: fixtureText('SecureCFB.pem') },
      ],
    })
    expect(report.source).toBe('Router export of SecureCFB')
    expect(store.getState().certificates.map((c) => c.name)).toEqual(['testCA (CA)', 'SecureCFB (General Purpose)'])
  })

  it('parses persisted entries again on load, memoised between unrelated changes', () => {
    const source = loadedStore().getState().certificates
    const store = storeWithoutHost()
    store.setState({ certificates: source.map((c) => ({ ...c })) })
    const first = selectLibrary(store.getState())
    expect(first.map((e) => e.cert?.commonName)).toEqual(['testCA', 'SecureCFB'])
    store.getState().selectCertificate(source[1]?.id)
    expect(selectLibrary(store.getState())).toBe(first)
    store.getState().renameCertificate(source[1]?.id ?? '', 'Bridge')
    expect(selectLibrary(store.getState()).map((e) => e.kept.name)).toEqual(['testCA (CA)', 'Bridge'])
  })

  it('shows an unreadable persisted entry instead of dropping it', () => {
    const store = storeWithoutHost()
    const pem = fixtureText('damaged-truncated.pem')
    store.setState({ certificates: [{ id: 'broken', name: 'Broken', pem, addedAt: '2026-01-01T00:00:00Z' }] })
    const [entry] = selectLibrary(store.getState())
    expect(entry?.cert).toBeUndefined()
    expect(entry && 'error' in entry ? entry.error : '').toMatch(/Block 1/)
    expect(selectLoadedCertificates(store.getState())).toEqual([])
  })

  it('renames, removes and clears', () => {
    const store = loadedStore()
    const [ca, bridge] = store.getState().certificates
    expect(store.getState().renameCertificate(ca?.id ?? '', '   ')).toBe(false)
    store.getState().toggleMarked(bridge?.id ?? '')
    store.getState().removeCertificate(bridge?.id ?? '')
    expect(store.getState().certificates.map((c) => c.name)).toEqual(['testCA (CA)'])
    expect(store.getState().markedCertificateIds).toEqual([])
    store.getState().clearCertificates()
    expect(store.getState().certificates).toEqual([])
    expect(store.getState().selectedCertificateId).toBeUndefined()
  })
})

describe('matchRouterFingerprint', () => {
  it('finds the certificate whose MD5 and SHA-1 the router printed (openssl computes them)', () => {
    const state = loadedStore().getState()
    const match = matchRouterFingerprint(state, [
      { algorithm: 'md5', hex: hex('testCA.pem', 'md5') },
      { algorithm: 'sha1', hex: hex('testCA.pem', 'sha1') },
    ])
    expect(match?.kept.name).toBe('testCA (CA)')
    expect(matchRouterFingerprint(state, [{ algorithm: 'sha256', hex: hex('SecureCFB.pem', 'sha256') }])?.kept.name).toBe(
      'SecureCFB (General Purpose)',
    )
  })

  it('ignores case, spaces and colons', () => {
    const state = loadedStore().getState()
    const colon = opensslValue('testCA.pem', '-fingerprint', '-md5').toLowerCase()
    expect(matchRouterFingerprint(state, [{ algorithm: 'md5', hex: colon }])?.kept.name).toBe('testCA (CA)')
  })

  it('returns null for an unknown certificate, for a half match and for no fingerprints', () => {
    const state = loadedStore().getState()
    expect(matchRouterFingerprint(state, [{ algorithm: 'md5', hex: hex('CallManager.pem', 'md5') }])).toBeNull()
    expect(
      matchRouterFingerprint(state, [
        { algorithm: 'md5', hex: hex('testCA.pem', 'md5') },
        { algorithm: 'sha1', hex: hex('testCA-impostor.pem', 'sha1') },
      ]),
    ).toBeNull()
    expect(matchRouterFingerprint(state, [])).toBeNull()
    expect(matchRouterFingerprint(storeWithoutHost().getState(), [{ algorithm: 'md5', hex: hex('testCA.pem', 'md5') }])).toBeNull()
  })

  it('is what the pane shows after a session.fingerprints event', () => {
    const store = loadedStore()
    store.getState().routerFingerprintsSeen({
      id: 's1',
      fingerprints: [{ algorithm: 'md5', hex: hex('testCA.pem', 'md5') }],
      context: 'crypto pki authenticate SecureCFB',
    })
    const seen = store.getState().routerFingerprints
    expect(seen?.sessionId).toBe('s1')
    expect(matchRouterFingerprint(store.getState(), seen?.fingerprints ?? [])?.kept.name).toBe('testCA (CA)')
  })
})
