import { describe, expect, it } from 'vitest'
import { parseInput } from '../../../shared/pki'
import {
  matchRouterFingerprints,
  routerFingerprintVerdict,
  selectLibrary,
  selectLoadedCertificates,
  type RouterSectionMatch,
} from '../../../renderer/store/certs-slice'
import { readPrintedFingerprints } from '../../../shared/ios/printed-fingerprints'
import { fixture } from '../ios/fixture'
import { selectPersisted } from '../../../renderer/store/persistence'
import { fixtureText, openssl, opensslValue } from '../pki/helpers'
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

  it('recognises an entry another pane kept under its own id, and selects it', async () => {
    const store = storeWithoutHost()
    store.setState({
      certificates: [{ id: 'cm-1', name: 'CallManager.pem', pem: fixtureText('CallManager.pem'), addedAt: '2026-01-01T00:00:00Z' }],
    })
    // Its fingerprint is known once the parse worker has read it.
    await expect.poll(() => selectLoadedCertificates(store.getState()).length).toBe(1)
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

  it('takes router exports from session.certificates with roles from the labels', async () => {
    const store = storeWithoutHost()
    const report = await store.getState().routerCertificatesArrived({
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

  it('parses persisted entries again on load, memoised between unrelated changes', async () => {
    const source = loadedStore().getState().certificates
    const store = storeWithoutHost()
    // Other PEM texts than the ones added above: the cache cannot already hold them.
    store.setState({ certificates: source.map((c) => ({ ...c, pem: c.pem.replace(/\n/g, '\r\n') })) })
    await expect.poll(() => selectLibrary(store.getState()).length).toBe(2)
    const first = selectLibrary(store.getState())
    expect(first.map((e) => e.cert?.commonName)).toEqual(['testCA', 'SecureCFB'])
    store.getState().selectCertificate(source[1]?.id)
    expect(selectLibrary(store.getState())).toBe(first)
    store.getState().renameCertificate(source[1]?.id ?? '', 'Bridge')
    const renamed = selectLibrary(store.getState())
    expect(renamed.map((e) => e.kept.name)).toEqual(['testCA (CA)', 'Bridge'])
    // The entry that did not change is the same object (its memoised row does not redraw).
    expect(renamed[0]).toBe(first[0])
    expect(renamed[1]).not.toBe(first[1])
  })

  it('keeps what it read of the library when asked about another list in between', () => {
    const store = loadedStore()
    const whole = store.getState().certificates
    expect(selectLibrary(store.getState()).map((e) => e.cert?.commonName)).toEqual(['testCA', 'SecureCFB'])
    // Another caller asks about an older list (one certificate): the pasted bridge, parsed once
    // at intake, must still be there for the current list, not read again by the worker.
    selectLibrary({ certificates: whole.slice(0, 1) })
    expect(selectLibrary(store.getState()).map((e) => e.cert?.commonName)).toEqual(['testCA', 'SecureCFB'])
  })

  it('shows an unreadable persisted entry instead of dropping it', async () => {
    const store = storeWithoutHost()
    const pem = fixtureText('damaged-truncated.pem')
    store.setState({ certificates: [{ id: 'broken', name: 'Broken', pem, addedAt: '2026-01-01T00:00:00Z' }] })
    await expect.poll(() => selectLibrary(store.getState()).length).toBe(1)
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

describe('matchRouterFingerprints', () => {
  const names = (sections: RouterSectionMatch[]): Array<[string, string | undefined]> => sections.map((s) => [s.status, s.entry?.kept.name])

  /** The router transcripts' own certificates (test/fixtures/ios), as openssl fingerprints them. */
  const iosHex = (file: string, alg: 'md5' | 'sha1'): string => {
    const out = openssl(['x509', '-noout', '-fingerprint', `-${alg}`], fixture(file))
    return out
      .slice(out.indexOf('=') + 1)
      .trim()
      .replace(/:/g, '')
  }

  function storeWithCallManager() {
    const store = storeWithoutHost()
    store.getState().addParsedCertificates(parseInput(routerExportText(fixture('testCA.pem'), fixture('SecureCFB.pem'))), 'Paste')
    store.getState().addParsedCertificates(parseInput(fixture('CallManager.pem')), 'Paste')
    return store
  }

  it('matches each certificate of show crypto pki certificates verbose with its own entry: no alarm, three matches', () => {
    const store = storeWithCallManager()
    // Every fingerprint of the transcript is checked against openssl first: the test is about matching, not parsing.
    const printed = readPrintedFingerprints(fixture('show-crypto-pki-certificates-verbose.txt'))
    expect(printed.map((p) => p.hex)).toEqual(
      ['SecureCFB.pem', 'testCA.pem', 'CallManager.pem'].flatMap((f) => [iosHex(f, 'md5'), iosHex(f, 'sha1')]),
    )
    const fingerprints = printed.map((p) => ({
      algorithm: p.algorithm === 'MD5' ? ('md5' as const) : ('sha1' as const),
      hex: p.hex,
      section: p.section,
      sectionLabel: p.sectionLabel,
    }))
    const sections = matchRouterFingerprints(store.getState(), fingerprints)
    expect(names(sections)).toEqual([
      ['match', 'SecureCFB (General Purpose)'],
      ['match', 'testCA (CA)'],
      ['match', 'CUCMPUB15.uc.com'],
    ])
    expect(sections[1]?.label).toBe('CA Certificate cn=testCA (trustpoints SecureCFB testCA)')
    expect(routerFingerprintVerdict({ asking: false }, sections)).toBe('listed')
  })

  it('was the bug: one certificate had to hold every fingerprint of the batch, so a batch always failed', () => {
    // The same batch without section numbers (an older report): pairs are told apart by repetition.
    const sections = matchRouterFingerprints(loadedStore().getState(), [
      { algorithm: 'md5', hex: hex('SecureCFB.pem', 'md5') },
      { algorithm: 'sha1', hex: hex('SecureCFB.pem', 'sha1') },
      { algorithm: 'md5', hex: hex('testCA.pem', 'md5') },
      { algorithm: 'sha1', hex: hex('testCA.pem', 'sha1') },
    ])
    expect(names(sections)).toEqual([
      ['match', 'SecureCFB (General Purpose)'],
      ['match', 'testCA (CA)'],
    ])
  })

  it('ignores case, spaces and colons', () => {
    const state = loadedStore().getState()
    const colon = opensslValue('testCA.pem', '-fingerprint', '-md5').toLowerCase()
    expect(names(matchRouterFingerprints(state, [{ algorithm: 'md5', hex: colon }]))).toEqual([['match', 'testCA (CA)']])
  })

  it('alarms only where the router asks to accept an unknown certificate, or a pair disagrees', () => {
    const state = loadedStore().getState()
    const unknown = matchRouterFingerprints(state, [{ algorithm: 'md5', hex: hex('CallManager.pem', 'md5') }])
    expect(names(unknown)).toEqual([['unknown', undefined]])
    expect(routerFingerprintVerdict({ asking: true }, unknown)).toBe('accept-unknown')
    // Listed by a show command and not in the library: a note, not an alarm.
    expect(routerFingerprintVerdict({ asking: false }, unknown)).toBe('listed')
    const half = matchRouterFingerprints(state, [
      { algorithm: 'md5', hex: hex('testCA.pem', 'md5'), section: 0 },
      { algorithm: 'sha1', hex: hex('testCA-impostor.pem', 'sha1'), section: 0 },
    ])
    expect(names(half)).toEqual([['conflict', undefined]])
    expect(routerFingerprintVerdict({ asking: false }, half)).toBe('conflict')
    const offered = matchRouterFingerprints(state, [
      { algorithm: 'md5', hex: hex('testCA.pem', 'md5'), section: 0 },
      { algorithm: 'sha1', hex: hex('testCA.pem', 'sha1'), section: 0 },
    ])
    expect(routerFingerprintVerdict({ asking: true }, offered)).toBe('accept-ok')
    expect(matchRouterFingerprints(state, [])).toEqual([])
    // An empty library and nothing asked: no alarm either. (Last: the selectors remember one
    // library, the page's; another store's would have to be read again.)
    const empty = matchRouterFingerprints(storeWithoutHost().getState(), [{ algorithm: 'md5', hex: hex('testCA.pem', 'md5') }])
    expect(routerFingerprintVerdict({ asking: false }, empty)).toBe('listed')
  })

  it('keeps whether the router is asking from the session.fingerprints event', () => {
    const store = loadedStore()
    store.getState().routerFingerprintsSeen({
      id: 's1',
      fingerprints: [{ algorithm: 'md5', hex: hex('testCA.pem', 'md5') }],
      context: 'crypto pki authenticate SecureCFB',
      asking: true,
    })
    const seen = store.getState().routerFingerprints
    expect(seen).toMatchObject({ sessionId: 's1', asking: true })
    expect(names(matchRouterFingerprints(store.getState(), seen?.fingerprints ?? []))).toEqual([['match', 'testCA (CA)']])
  })
})
