import { describe, expect, it } from 'vitest'
import { parseInput } from '../../../shared/pki'
import { extensionLines, keyBlockText, publicKeyText, validityBadge, validityText } from '../../../renderer/panes/certs/format'
import { fixtureText, loadOne } from '../pki/helpers'

describe('details text', () => {
  const validity = { notBefore: '2026-01-01T00:00:00Z', notAfter: '2026-03-01T00:00:00Z' }

  it('says how many days are left, how long ago it expired, or that the clock is behind', () => {
    expect(validityText(validity, new Date('2026-02-27T12:00:00Z'))).toBe('1 day left')
    expect(validityText(validity, new Date('2026-03-11T00:00:00Z'))).toBe('expired 10 days ago')
    expect(validityText(validity, new Date('2025-12-30T00:00:00Z'))).toBe(
      "not valid for another 2 days by this computer's clock (clock skew?)",
    )
    expect(validityBadge(validity, new Date('2026-02-01T00:00:00Z'))).toEqual({ text: '28 d left', level: 'warn' })
    expect(validityBadge(validity, new Date('2026-04-01T00:00:00Z')).level).toBe('bad')
  })

  it('a start a minute after the clock is a clock difference, not "not yet valid"; the router clock wins when known', () => {
    const oneMinuteEarly = new Date('2025-12-31T23:59:00Z')
    expect(validityBadge(validity, oneMinuteEarly)).toEqual({ text: '59 d left', level: 'warn' })
    expect(validityText(validity, oneMinuteEarly)).toBe('59 days left')
    const tenMinutesEarly = new Date('2025-12-31T23:50:00Z')
    expect(validityBadge(validity, tenMinutesEarly).text).toBe('not yet valid')
    expect(validityText(validity, tenMinutesEarly)).toBe("starts 10 minutes after this computer's clock (clock skew?)")
    // This computer is behind, the router (which uses the certificate) is right: valid.
    expect(validityBadge(validity, tenMinutesEarly, new Date('2026-01-01T00:00:05Z')).text).toBe('59 d left')
    expect(validityText(validity, new Date('2026-01-01T00:00:05Z'), tenMinutesEarly)).toBe(
      "starts 10 minutes after the router's clock (clock skew?)",
    )
  })

  it('describes RSA and EC keys and the extensions openssl shows', () => {
    const ca = loadOne('testCA.pem')
    expect(publicKeyText(ca.publicKey)).toBe('RSA 1024 bits')
    expect(publicKeyText(loadOne('ec-p256-leaf.pem').publicKey)).toMatch(/^EC P-256/)
    const lines = Object.fromEntries(extensionLines(ca.extensions).map((l) => [l.name, l.value]))
    expect(lines['Basic constraints']).toBe('CA:TRUE (critical)')
    expect(lines['Key usage']).toMatch(/keyCertSign/)
    expect(lines['Subject key identifier']).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/)
  })

  it('describes a 3DES-encrypted router key as weak', () => {
    const [key] = parseInput(fixtureText('router-export-with-key.txt')).keys.filter((k) => k.kind === 'private')
    expect(key && keyBlockText(key)).toBe('RSA PRIVATE KEY — RSA, encrypted with DES-EDE3-CBC — weak (DES/3DES)')
  })
})
