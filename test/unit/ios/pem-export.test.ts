import { describe, expect, it } from 'vitest'
import { parsePkiExport } from '../../../shared/ios/pem-export'
import { fixture } from './fixture'

const pemOf = (name: string): string => fixture(name).replace(/\r\n/g, '\n').trim() + '\n'

describe('parsePkiExport', () => {
  it('splits the CA and general purpose certificates by their % labels', () => {
    const result = parsePkiExport(fixture('export-securecfb.txt'))
    if (!result.ok) throw new Error(result.reason)
    expect(result.value.caCertificate?.pem).toBe(pemOf('testCA.pem'))
    expect(result.value.certificate?.pem).toBe(pemOf('SecureCFB.pem'))
    expect(result.value.caCertificate?.label).toBe('CA certificate')
    expect(result.value.certificate?.label).toBe('General Purpose Certificate')
    expect(result.value.problems).toEqual([])
    expect(result.value.privateKey).toBeUndefined()
  })

  it('reads the key export with CRLF, in a different block order, by label and marker', () => {
    const result = parsePkiExport(fixture('export-securecfb-3des.crlf.txt'))
    if (!result.ok) throw new Error(result.reason)
    const v = result.value
    expect(v.caCertificate?.pem).toBe(pemOf('testCA.pem'))
    expect(v.certificate?.pem).toBe(pemOf('SecureCFB.pem'))
    expect(v.keyName).toBe('SecureCFB')
    expect(v.publicKey?.pem).toBe(pemOf('SecureCFB.pub'))
    expect(v.privateKey).toMatchObject({ type: 'RSA PRIVATE KEY', encrypted: true, dekCipher: 'DES-EDE3-CBC' })
    expect(v.privateKey?.dekIv).toMatch(/^[0-9A-F]{16}$/)
    expect(v.privateKey?.pem).toBe(pemOf('SecureCFB.enc.key'))
    expect(v.blocks.map((b) => b.role)).toEqual(['certificate', 'public-key', 'private-key', 'ca-certificate'])
  })

  it('rebuilds PEM from a paste whose newlines were flattened to spaces', () => {
    const result = parsePkiExport(fixture('export-flattened.txt'))
    if (!result.ok) throw new Error(result.reason)
    expect(result.value.caCertificate?.pem).toBe(pemOf('testCA.pem'))
    expect(result.value.certificate?.pem).toBe(pemOf('SecureCFB.pem'))
  })

  it('reads the DOMAIN.md not-enrolled message', () => {
    const result = parsePkiExport('% The specified trustpoint is not enrolled (X).')
    expect(result).toMatchObject({ ok: false, code: 'not-enrolled' })
  })

  it('reads the CA certificate IOS still exports from a trustpoint that is not enrolled', () => {
    // IOS goes on after the not-enrolled line and prints the CA certificate: testCA.pem that way.
    const result = parsePkiExport(fixture('export-not-enrolled.txt'))
    if (!result.ok) throw new Error(result.reason)
    expect(result.value.caCertificate?.pem).toBe(pemOf('testCA.pem'))
    expect(result.value.certificate).toBeUndefined()
    expect(result.value.problems).toEqual(['The trustpoint testCA is not enrolled: the router exported its CA certificate only.'])
  })

  it('accepts the Self-signed CA certificate label used by some IOS builds', () => {
    const ca = pemOf('testCA.pem')
    const result = parsePkiExport(`% Self-signed CA certificate:\n${ca}\n% General Purpose Certificate:\n${pemOf('SecureCFB.pem')}`)
    expect(result.ok && result.value.caCertificate?.pem).toBe(ca)
  })

  it('keeps an unlabelled certificate but gives it no role', () => {
    const result = parsePkiExport(pemOf('testCA.pem'))
    expect(result.ok && result.value.blocks[0]?.role).toBe('other')
    expect(result.ok && result.value.caCertificate).toBeUndefined()
  })

  it('reports damage: a truncated block and characters that are not base64', () => {
    const lines = pemOf('SecureCFB.pem').split('\n')
    const truncated = `% CA certificate:\n${pemOf('testCA.pem')}\n% General Purpose Certificate:\n${lines.slice(0, 5).join('\n')}`
    const result = parsePkiExport(truncated)
    expect(result.ok && result.value.problems.join(' ')).toContain('no matching END')
    const damaged = pemOf('testCA.pem').replace('MII', 'MI~I')
    const r2 = parsePkiExport(`% CA certificate:\n${damaged}`)
    expect(r2.ok && r2.value.caCertificate?.problems.join(' ')).toContain('not base64')
  })

  it('quotes the router when it answered with an error and never throws on garbage', () => {
    expect(parsePkiExport("% Invalid input detected at '^' marker.")).toMatchObject({ ok: false, code: 'router-error' })
    expect(parsePkiExport('')).toMatchObject({ ok: false, code: 'empty' })
    expect(parsePkiExport('lorem ipsum')).toMatchObject({ ok: false, code: 'not-recognised' })
    expect(parsePkiExport(undefined as unknown as string)).toMatchObject({ ok: false, code: 'empty' })
  })
})
