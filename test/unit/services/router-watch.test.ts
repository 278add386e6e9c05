import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RouterWatch } from '../../../electron/services/router-watch/router-watch'

const fixture = (name: string): string => fs.readFileSync(path.resolve('test/fixtures/ios', name), 'utf8')

function watchWith() {
  const fingerprints: Array<{
    fingerprints: Array<{ algorithm: string; hex: string; section?: number; sectionLabel?: string }>
    asking?: boolean
  }> = []
  const certificates: Array<{ trustpoint?: string; blocks: Array<{ label: string; pem: string }> }> = []
  const clocks: Array<{ text: string; utcMs?: number; authoritative: boolean }> = []
  const watch = new RouterWatch({
    fingerprints: (p) => fingerprints.push(p),
    certificates: (p) => certificates.push(p),
    clock: (p) => clocks.push(p),
  })
  return { watch, fingerprints, certificates, clocks }
}

/** Feeds text in small uneven pieces, as a serial line delivers it. */
function feedInPieces(watch: RouterWatch, text: string): void {
  for (let i = 0; i < text.length; i += 7) watch.feed(text.slice(i, i + 7))
}

describe('RouterWatch', () => {
  // The quiet-time fallback is a plain setTimeout: fake timers fire it on demand, so the tests
  // neither sleep through it nor depend on how late a loaded machine runs it.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reports the fingerprints of crypto pki authenticate once, even when split across reads', () => {
    const { watch, fingerprints } = watchWith()
    feedInPieces(
      watch,
      'VG-CME-1(config)#crypto pki authenticate SecureCFB\r\nCertificate has the following attributes:\r\n' +
        '       Fingerprint MD5: 383BA13D C37D0E5D 9E9086E4 8C8D1E75 \r\n' +
        '      Fingerprint SHA1: 6DB8F323 14BBFBFF C36C224B B3404513 2FDD97C5 \r\n\r\n% Do you accept this certificate? [yes/no]: ',
    )
    // Reported at the question itself: no timer involved.
    expect(fingerprints).toHaveLength(1)
    const section = { section: 0, sectionLabel: 'Certificate offered by crypto pki authenticate' }
    expect(fingerprints[0]?.fingerprints).toEqual([
      { algorithm: 'md5', hex: '383BA13DC37D0E5D9E9086E48C8D1E75', ...section },
      { algorithm: 'sha1', hex: '6DB8F32314BBFBFFC36C224BB34045132FDD97C5', ...section },
    ])
    expect(fingerprints[0]?.asking).toBe(true)
    expect(watch.state().prompt?.kind).toBe('yes-no')
    // The quiet-time fallback must not report the same group again.
    vi.runAllTimers()
    expect(fingerprints).toHaveLength(1)
  })

  it('reports each certificate of show crypto pki certificates verbose in its own section, not asking', () => {
    const { watch, fingerprints } = watchWith()
    const text = fixture('show-crypto-pki-certificates-verbose.txt').replace(/\r?\n/g, '\r\n')
    feedInPieces(watch, `${text.endsWith('#') ? text : `${text}\r\nVG-CME-1#`}`)
    expect(fingerprints).toHaveLength(1)
    expect(fingerprints[0]?.asking).toBe(false)
    const sections = [...new Set(fingerprints[0]?.fingerprints.map((f) => `${f.section ?? '?'} ${f.sectionLabel ?? ''}`))]
    expect(sections).toEqual([
      '0 Certificate cn=SecureCFB (trustpoints SecureCFB)',
      '1 CA Certificate cn=testCA (trustpoints SecureCFB testCA)',
      '2 CA Certificate cn=CUCMPUB15.uc.com (trustpoints cucm-pub Trustpool)',
    ])
  })

  it('without IOS prompts (a shell) reports only the new fingerprints each time', () => {
    const { watch, fingerprints } = watchWith()
    watch.feed('       Fingerprint MD5: 383BA13D C37D0E5D 9E9086E4 8C8D1E75 \r\n$ ')
    // A shell prompt is no IOS prompt: nothing until the quiet time has passed.
    expect(fingerprints).toHaveLength(0)
    vi.runAllTimers()
    expect(fingerprints).toHaveLength(1)
    watch.feed('       Fingerprint MD5: 7E795D9C E98A5B32 A738CD54 379D9BCA \r\n$ ')
    vi.runAllTimers()
    expect(fingerprints).toHaveLength(2)
    expect(fingerprints[1]?.fingerprints.map((f) => f.hex)).toEqual(['7E795D9CE98A5B32A738CD54379D9BCA'])
  })

  it('reports again, asking, when the question comes after the quiet time (a slow line)', () => {
    const { watch, fingerprints } = watchWith()
    watch.feed('Certificate has the following attributes:\r\n       Fingerprint MD5: 383BA13D C37D0E5D 9E9086E4 8C8D1E75 \r\n')
    expect(fingerprints).toHaveLength(0)
    vi.runAllTimers()
    expect(fingerprints).toHaveLength(1)
    expect(fingerprints[0]?.asking).toBe(false)
    watch.feed('\r\n% Do you accept this certificate? [yes/no]: ')
    expect(fingerprints).toHaveLength(2)
    expect(fingerprints[1]?.asking).toBe(true)
  })

  it('hands over the certificates of crypto pki export … pem terminal when the prompt returns, never a key', () => {
    const { watch, certificates } = watchWith()
    const text = fixture('export-securecfb-3des.crlf.txt')
    feedInPieces(watch, text.endsWith('#') ? text : `${text}\r\nVG-CME-1#`)
    expect(certificates).toHaveLength(1)
    const blocks = certificates[0]?.blocks ?? []
    expect(blocks.map((b) => b.label).sort()).toEqual(['CA certificate', 'General Purpose Certificate'])
    for (const b of blocks) expect(b.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n?$/)
    expect(JSON.stringify(certificates)).not.toContain('PRIVATE KEY')
  })

  it('reports show clock output, with its authority mark', () => {
    const { watch, clocks } = watchWith()
    feedInPieces(watch, 'VG-CME-1#show clock\r\n*10:21:36.643 UTC Mon Feb 22 2026\r\nVG-CME-1#')
    expect(clocks).toEqual(
      [{ text: '10:21:36.643 UTC Mon Feb 22 2026', utcMs: Date.UTC(2026, 1, 22, 10, 21, 36), authoritative: false }].map((c) =>
        expect.objectContaining(c),
      ),
    )
  })

  it('knows the prompt at the end of the output', () => {
    const { watch } = watchWith()
    feedInPieces(watch, '\r\nVG-CME-1(ca-trust')
    expect(watch.state().prompt).toBeNull()
    watch.feed('point)#')
    expect(watch.state().prompt).toMatchObject({ kind: 'config', mode: 'ca-trustpoint' })
  })

  it('after a coloured megabyte in large reads, still finds the fingerprints, their section and the prompt', () => {
    // The prompt check reads only the end of each read and only lines that can matter are
    // cleaned; a flood must not hide what follows it.
    const { watch, fingerprints } = watchWith()
    const colour = (s: string): string => `\x1b[1;36m${s}\x1b[0m`
    const flood = Array.from({ length: 20_000 }, (_, i) => `${colour('interface')} GigabitEthernet0/0/${i % 48}\r\n`).join('')
    watch.feed(`VG-CME-1#show running-config\r\n${flood}`)
    expect(watch.state().prompt).toBeNull()
    const text = fixture('show-crypto-pki-certificates-verbose.txt').replace(/\r?\n/g, '\r\n')
    watch.feed(`VG-CME-1#show crypto pki certificates verbose\r\n${text}\r\n${colour('VG-CME-1')}#`)
    expect(watch.state().prompt).toMatchObject({ kind: 'privileged', hostname: 'VG-CME-1' })
    expect(fingerprints).toHaveLength(1)
    expect(fingerprints[0]?.fingerprints.map((f) => f.section)).toContain(2)
    expect(watch.state().text.endsWith('VG-CME-1#')).toBe(true)
  })
})
