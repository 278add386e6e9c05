import { describe, expect, it } from 'vitest'
import { extractFromText, parseInput, type ParseResult } from '../../../shared/pki'
import { fixtureBytes, fixturePath, fixtureText, loadOne, openssl, opensslValue } from './helpers'

function sha1(file: string): string {
  return opensslValue(file, '-fingerprint', '-sha1')
}

function summary(r: ParseResult): Array<[string | undefined, string | undefined]> {
  return r.certificates.map((c) => [c.commonName, c.roleLabel])
}

describe('router and pasted text', () => {
  it('reads `crypto pki export … pem terminal` with CRLF and records the % role labels', () => {
    const text = fixtureText('router-export.txt')
    expect(text).toContain('\r\n')
    const r = extractFromText(text)
    expect(summary(r)).toEqual([
      ['testCA', 'CA certificate'],
      ['SecureCFB', 'General Purpose Certificate'],
    ])
    expect(r.certificates.map((c) => c.role)).toEqual(['ca', 'identity'])
    expect(r.certificates[0]?.fingerprints.sha1.colon).toBe(sha1('testCA.pem'))
    expect(r.certificates[1]?.fingerprints.sha1.colon).toBe(sha1('SecureCFB.pem'))
    expect(r.certificates[1]?.source).toMatchObject({ kind: 'pem', block: 2, pemLabel: 'CERTIFICATE', start: { line: 17, column: 1 } })
    expect(r.problems).toEqual([])
  })

  it('reads the export flattened onto one line (newlines turned into spaces)', () => {
    const text = fixtureText('flattened-one-line.txt')
    expect(text.trim().split('\n')).toHaveLength(1)
    const r = extractFromText(text)
    expect(summary(r)).toEqual([
      ['testCA', 'CA certificate'],
      ['SecureCFB', 'General Purpose Certificate'],
    ])
    expect(r.certificates[1]?.fingerprints.md5.colon).toBe(opensslValue('SecureCFB.pem', '-fingerprint', '-md5'))
    expect(r.problems).toEqual([])
  })

  it('reads the export with a 3DES-encrypted key: key blocks reported, certificates still loaded', () => {
    const r = extractFromText(fixtureText('router-export-with-key.txt'))
    expect(summary(r)).toEqual([
      ['testCA', 'CA certificate'],
      ['SecureCFB', 'General Purpose Certificate'],
    ])
    expect(r.keys).toHaveLength(2)
    expect(r.keys[0]).toMatchObject({
      kind: 'public',
      pemLabel: 'PUBLIC KEY',
      format: 'spki',
      algorithm: 'RSA',
      bits: 1024,
      roleLabel: 'Key name: SecureCFB',
    })
    expect(r.keys[1]).toMatchObject({
      kind: 'private',
      pemLabel: 'RSA PRIVATE KEY',
      encrypted: true,
      cipher: 'DES-EDE3-CBC',
      weakEncryption: true,
      source: { block: 3, start: { line: 25 } },
    })
    const keyProblem = r.problems.find((p) => p.code === 'private-key')
    expect(keyProblem?.message).toMatch(/^Block 3 \(line 25\) is an RSA PRIVATE KEY, not a certificate\..*DES-EDE3-CBC, which is weak/)
    // No key material is kept anywhere in the result.
    const secretBody = fixtureText('SecureCFB-des3.key').split('\n')[4] ?? 'x'
    expect(JSON.stringify(r)).not.toContain(secretBody)
  })

  it('detects an `enrollment terminal` paste (bare base64 ended by quit) as the CA certificate', () => {
    const r = extractFromText(fixtureText('enrollment-terminal.txt'))
    expect(r.certificates).toHaveLength(1)
    expect(r.certificates[0]).toMatchObject({
      commonName: 'CUCMPUB15.uc.com',
      roleLabel: 'CA certificate',
      role: 'ca',
      source: { kind: 'bare-base64', start: { line: 6, column: 1 } },
    })
    expect(r.certificates[0]?.fingerprints.sha1.colon).toBe(sha1('CallManager.pem'))
    expect(r.problems).toEqual([])
  })

  it('detects bare base64 flattened onto one line between prompts', () => {
    const body = openssl(['x509', '-in', fixturePath('CallManager.pem')])
      .split('\n')
      .slice(1, -1)
      .join(' ')
    const r = extractFromText(
      `Router(config)#crypto pki authenticate cucm-pub Enter the base 64 encoded CA certificate. ${body} quit % Certificate successfully imported`,
    )
    expect(r.certificates.map((c) => c.fingerprints.sha1.colon)).toEqual([sha1('CallManager.pem')])
  })

  it('says that `show crypto pki certificates` output contains no certificates', () => {
    const r = extractFromText(fixtureText('show-crypto-pki-certificates.txt'))
    expect(r.certificates).toEqual([])
    const show = r.problems.find((p) => p.code === 'show-output')
    expect(show).toMatchObject({ severity: 'info', position: { line: 5 } })
    expect(show?.message).toContain('describes 2 certificate(s)')
  })

  it('reads PEM surrounded by show output and prompts, several blocks, one duplicate', () => {
    const text = `${fixtureText('show-crypto-pki-certificates.txt')}\nRouter#\n${fixtureText('two-certs.pem')}junk\n${fixtureText('testCA.pem')}`
    const r = extractFromText(text)
    expect(summary(r).map(([cn]) => cn)).toEqual(['testCA', 'SecureCFB'])
    expect(r.problems.find((p) => p.code === 'duplicate')?.message).toMatch(
      /^Block 3 \(line \d+\) is the same certificate as block 1 \(testCA\)/,
    )
  })

  it('ignores --More-- pager prompts inside a block', () => {
    const lines = fixtureText('testCA.pem').split('\n')
    lines.splice(5, 0, ' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b')
    const r = extractFromText(lines.join('\n'))
    expect(r.certificates[0]?.fingerprints.sha1.colon).toBe(sha1('testCA.pem'))
    expect(r.problems.map((p) => p.code)).toEqual(['pager-removed'])
  })

  it('names CSRs, CRLs and unknown blocks instead of failing', () => {
    const csr = openssl(['req', '-new', '-key', fixturePath('rsa-plain.key'), '-subj', '/CN=SecureCFB'])
    const text = `${csr}\n-----BEGIN FOO BAR-----\nAAAA\n-----END FOO BAR-----\n${fixtureText('SecureCFB.pem')}`
    const fooLine = text.split('\n').indexOf('-----BEGIN FOO BAR-----') + 1
    const r = extractFromText(text)
    expect(r.certificates.map((c) => c.commonName)).toEqual(['SecureCFB'])
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      ['not-a-certificate', 'Block 1 (line 1) is a certificate signing request (CSR), not a certificate: the CA has to sign it first.'],
      ['unknown-block', `Block 2 (line ${fooLine}) is a 'FOO BAR' block, which the workbench does not read.`],
    ])
  })
})

describe('files', () => {
  it('reads DER .der and .cer files', () => {
    for (const [file, pem] of [
      ['SecureCFB.der', 'SecureCFB.pem'],
      ['ec-p256-leaf.cer', 'ec-p256-leaf.pem'],
    ] as const) {
      const r = parseInput(fixtureBytes(file), file)
      expect(r.problems).toEqual([])
      expect(r.certificates[0]?.source).toEqual({ kind: 'der', block: 1, fileName: file })
      expect(r.certificates[0]?.fingerprints.sha1.colon).toBe(sha1(pem))
    }
  })

  it('reads PKCS#7 bundles, PEM and DER', () => {
    for (const file of ['bundle.p7b', 'bundle-der.p7b']) {
      const r = parseInput(fixtureBytes(file), file)
      expect(r.problems).toEqual([])
      expect(r.certificates.map((c) => [c.commonName, c.source.kind, c.source.indexInBundle])).toEqual([
        ['testCA', 'pkcs7', 0],
        ['SecureCFB', 'pkcs7', 1],
      ])
      expect(r.certificates.map((c) => c.fingerprints.sha1.colon)).toEqual([sha1('testCA.pem'), sha1('SecureCFB.pem')])
    }
  })

  it('reads a text file that starts with the digit 0 (0x30, like DER) as text', () => {
    const log = new TextEncoder().encode(`000123: *Feb 22 00:08:38 UTC: %PKI-6-CS_ENABLED\n${fixtureText('testCA.pem')}`)
    expect(parseInput(log, 'router.log').certificates.map((c) => c.commonName)).toEqual(['testCA'])
  })

  it('reads a UTF-16 text file with BOM (Windows Notepad)', () => {
    const text = fixtureText('SecureCFB.pem')
    const utf16 = new Uint8Array(2 + text.length * 2)
    utf16.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i)
    expect(parseInput(utf16, 'SecureCFB.pem').certificates[0]?.commonName).toBe('SecureCFB')
  })

  it('describes key files: encryption, cipher, weakness, algorithm', () => {
    const key = (file: string) => parseInput(fixtureBytes(file), file).keys[0]
    expect(key('SecureCFB-des3.key')).toMatchObject({ format: 'pkcs1', encrypted: true, cipher: 'DES-EDE3-CBC', weakEncryption: true })
    expect(key('pkcs8-encrypted.key')).toMatchObject({
      format: 'pkcs8-encrypted',
      encrypted: true,
      cipher: 'AES-256-CBC',
      weakEncryption: false,
    })
    expect(key('pkcs8-plain.key')).toMatchObject({ format: 'pkcs8', encrypted: false, algorithm: 'RSA', bits: 2048 })
    expect(key('rsa-plain.key')).toMatchObject({ format: 'pkcs1', encrypted: false, algorithm: 'RSA', bits: 1024 })
    expect(key('ec-sec1.key')).toMatchObject({ format: 'sec1', encrypted: false, algorithm: 'EC', curve: 'P-256' })
    expect(key('SecureCFB-pub.pem')).toMatchObject({ kind: 'public', format: 'spki', algorithm: 'RSA', bits: 1024 })
  })
})

describe('damaged and hostile input never throws and says where', () => {
  it('points at an invalid base64 character by line and column', () => {
    const r = parseInput(fixtureBytes('damaged-badchar.pem'))
    expect(r.certificates).toEqual([])
    expect(r.problems).toEqual([
      {
        severity: 'error',
        code: 'bad-base64',
        block: 1,
        position: { line: 5, column: 9, offset: expect.any(Number) as number },
        message: "Block 1 (line 1): invalid base64 character '§' at line 5 column 9.",
      },
    ])
  })

  it('still loads the rest of the paste around a damaged block', () => {
    const text = `${fixtureText('testCA.pem')}\n% next\n${fixtureText('damaged-badchar.pem')}\n${fixtureText('CallManager.pem')}`
    const r = extractFromText(text)
    expect(r.certificates.map((c) => c.commonName)).toEqual(['testCA', 'CUCMPUB15.uc.com'])
    expect(r.problems.map((p) => p.message)).toEqual(["Block 2 (line 15): invalid base64 character '§' at line 19 column 9."])
  })

  it('reports truncated DER with expected and found byte counts', () => {
    const full = fixtureBytes('CallManager.der').length
    const r = parseInput(fixtureBytes('damaged-truncated.pem'))
    expect(r.certificates).toEqual([])
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      ['der-truncated', `Block 1 (line 1): DER truncated: expected ${full} bytes, found ${full - 144}.`],
    ])
  })

  it('reads up to a missing END line, reports it, and loads the next block', () => {
    const r = parseInput(fixtureBytes('damaged-cut-off.pem'))
    expect(r.certificates.map((c) => c.commonName)).toEqual(['testCA'])
    const [missing, truncated] = r.problems
    expect(missing?.message).toBe('Block 1 (line 1): no -----END CERTIFICATE----- line; read the base64 up to line 7 column 31.')
    expect(truncated?.code).toBe('der-truncated')
    expect(truncated?.message).toMatch(
      new RegExp(
        `^Block 1 \\(line 1\\): DER truncated: expected ${fixtureBytes('SecureCFB.der').length} bytes, found 262; the base64 also ends with 2 character`,
      ),
    )
  })

  it('locates OCR damage inside the public key by byte, line and column', () => {
    const r = parseInput(fixtureBytes('damaged-ocr.pem'))
    const lines = fixtureText('damaged-ocr.pem').split('\n')
    const firstDamagedLine = lines.findIndex((l, i) => l !== fixtureText('CallManager.pem').split('\n')[i]) + 1
    expect(r.certificates).toEqual([])
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]?.code).toBe('bad-der')
    expect(r.problems[0]?.message).toMatch(
      /^Block 1 \(line 1\): the RSA public key inside the certificate is damaged \(byte \d+, base64 at line \d+ column \d+\)\.$/,
    )
    expect(r.problems[0]?.position?.line).toBe(firstDamagedLine)
  })

  it('empty, whitespace and binary junk get a clear message', () => {
    expect(extractFromText('').problems.map((p) => p.message)).toEqual(['The paste is empty.'])
    expect(extractFromText(' \r\n\t ').problems[0]?.code).toBe('empty')
    expect(parseInput(new Uint8Array(0), 'a.cer').problems[0]?.message).toBe('The file a.cer is empty.')
    const junk = new Uint8Array(4096)
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256
    junk[0] = 0x7f
    const r = parseInput(junk, 'junk.bin')
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]?.code).toBe('binary')
    expect(r.problems[0]?.message).toContain('junk.bin is neither text nor DER (it starts with bytes 7F')
    expect(extractFromText(String.fromCharCode(...junk.subarray(0, 512))).problems[0]?.code).toBe('binary')
    expect(extractFromText('hello router').problems[0]?.code).toBe('no-certificate')
  })

  it('DER bytes that are not a certificate, or cut short, are reported for the file', () => {
    const der = fixtureBytes('CallManager.der')
    const cut = parseInput(der.subarray(0, 640), 'CallManager.der')
    expect(cut.problems.map((p) => p.message)).toEqual([
      `Block 1 (CallManager.der): DER truncated: expected ${der.length} bytes, found 640.`,
    ])
    const withTail = new Uint8Array(der.length + 3)
    withTail.set(der)
    const tail = parseInput(withTail)
    expect(tail.certificates).toHaveLength(1)
    expect(tail.problems[0]).toMatchObject({ code: 'der-trailing-bytes', byteOffset: der.length })
    expect(parseInput(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])).problems[0]?.code).toBe('private-key')
  })

  it('a 10 MB paste finishes (no timing asserted)', () => {
    const cert = fixtureText('SecureCFB.pem')
    const filler = 'Router#show running-config | include crypto\r\n crypto pki trustpoint SecureCFB\r\n'
    const big = filler.repeat(Math.ceil((10 * 1024 * 1024) / filler.length)) + cert
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024)
    const started = performance.now()
    const r = extractFromText(big)
    const ms = performance.now() - started
    console.info(`10 MB paste parsed in ${ms.toFixed(0)} ms`)
    expect(r.certificates.map((c) => c.commonName)).toEqual(['SecureCFB'])
    expect(r.certificates[0]?.source.start?.line).toBeGreaterThan(200_000)

    const noise = 'MIIB'.repeat(2_621_440) // 10 MB of something that looks like base64 and is not
    const junk = extractFromText(noise)
    expect(junk.certificates).toEqual([])
    expect(junk.problems.length).toBeGreaterThan(0)
  })

  it('many BEGIN lines without END lines stay linear', () => {
    const r = extractFromText('-----BEGIN CERTIFICATE-----\nAAAA\n'.repeat(20_000))
    expect(r.certificates).toEqual([])
    expect(r.problems).toHaveLength(201)
    expect(r.problems[200]?.message).toMatch(/^\d+ more problem\(s\) not listed; the first 200 are shown\.$/)
  })

  it('pathological pastes (long runs of dashes, percent signs, BEGIN words, MI…) finish', () => {
    const M = 4 * 1024 * 1024
    for (const text of [
      '-'.repeat(M),
      '\u2014'.repeat(M),
      '% a:'.repeat(M / 4),
      '-----BEGIN '.repeat(M / 11),
      'MI'.repeat(M / 2),
      '='.repeat(M),
      '\r'.repeat(M),
    ]) {
      const r = extractFromText(text)
      expect(r.certificates).toEqual([])
      expect(r.problems.length).toBeGreaterThan(0)
    }
  })

  it('accepts markers with en/em dashes (OCR, word processors) and flags a mismatched END', () => {
    const pem = fixtureText('SecureCFB.pem').replace(/-----/g, '\u2014\u2014\u2014')
    expect(extractFromText(pem).certificates.map((c) => c.commonName)).toEqual(['SecureCFB'])
    const glued = fixtureText('SecureCFB.pem').replace('END CERTIFICATE', 'END RSA PRIVATE KEY')
    const r = extractFromText(glued)
    expect(r.certificates.map((c) => c.commonName)).toEqual(['SecureCFB'])
    expect(r.problems[0]?.message).toMatch(/^Block 1 \(line 1\): BEGIN CERTIFICATE is closed by END RSA PRIVATE KEY at line \d+/)
  })

  it('a changed base64 character that still decodes loads, and is caught by the signature check', () => {
    // Covered in chain.test.ts: here we only prove that parsing does not throw.
    expect(() => loadOne('damaged-changed-char.pem')).not.toThrow()
  })
})
