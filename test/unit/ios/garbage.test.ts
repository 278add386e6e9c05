import { describe, expect, it } from 'vitest'
import * as ios from '../../../shared/ios'
import { fixture } from './fixture'

/** Deterministic pseudo-random text so a failure can be replayed. */
function noise(seed: number, length: number): string {
  let x = seed
  let out = ''
  const alphabet = 'ABCDEFabcdef0123456789 :%=-#>()[]\r\n\t\x1b\b.,/+'
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    out += alphabet[x % alphabet.length]
  }
  return out
}

const parsers: Array<[string, (text: string) => { ok: boolean }]> = [
  ['parseFingerprints', ios.parseFingerprints],
  ['parsePkiExport', ios.parsePkiExport],
  ['parseShowCertificates', ios.parseShowCertificates],
  ['parseShowPkiServer', ios.parseShowPkiServer],
  ['parseTrustpointsStatus', ios.parseTrustpointsStatus],
  ['parseShowNtpStatus', ios.parseShowNtpStatus],
  ['parseShowDspfarmProfile', ios.parseShowDspfarmProfile],
  ['parseShowSccp', ios.parseShowSccp],
  ['parseShowSccpCcmGroup', ios.parseShowSccpCcmGroup],
]

describe('every parser on garbage', () => {
  it.each(parsers)('%s never throws and says "not recognised" with a reason', (_name, parse) => {
    const inputs = ['', ' ', '\r\n\r\n', 'hello world', '\x1b[31m\x1b[0m', '%', noise(1, 5000), noise(7, 300), 'é漢字🙂']
    for (const input of inputs) {
      const result = parse(input) as ios.Parsed<unknown, string>
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(10)
    }
    expect(() => parse(null as unknown as string)).not.toThrow()
    expect(() => parse('x'.repeat(2_000_000))).not.toThrow()
  })

  it.each(parsers)("%s does not mistake another command's output for its own", (name, parse) => {
    const own: Record<string, string> = {
      parseFingerprints: 'authenticate-securecfb.txt',
      parsePkiExport: 'export-securecfb.txt',
      parseShowCertificates: 'show-crypto-pki-certificates-verbose.txt',
      parseShowPkiServer: 'show-crypto-pki-server.txt',
      parseTrustpointsStatus: 'show-crypto-pki-trustpoints-status.txt',
      parseShowNtpStatus: 'show-ntp-status-synced.txt',
      parseShowDspfarmProfile: 'show-dspfarm-profile-666-active.txt',
      parseShowSccp: 'show-sccp-secure.txt',
      parseShowSccpCcmGroup: 'show-sccp-ccm-group-666.txt',
    }
    expect(parse(fixture(own[name] ?? '')).ok).toBe(true)
    // Outputs that share no structure with this parser's command.
    const others = [
      'show-ntp-status-synced.txt',
      'show-dspfarm-profile-666-active.txt',
      'show-sccp-ccm-group-666.txt',
      'errors.txt',
    ].filter((f) => f !== own[name])
    for (const other of others) {
      if (name === 'parseShowSccp' && other === 'show-sccp-ccm-group-666.txt') continue
      expect(parse(fixture(other)).ok, `${name} on ${other}`).toBe(false)
    }
  })

  it('detectPrompt and cleaning never throw on noise', () => {
    for (let seed = 1; seed < 50; seed++) {
      const text = noise(seed, 2000)
      expect(() => ios.detectPrompt(text)).not.toThrow()
      const clean = ios.cleanTerminalText(text)
      expect(clean.includes('\u001b') || clean.includes('\b')).toBe(false)
    }
  })
})
