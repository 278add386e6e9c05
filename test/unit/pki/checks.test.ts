import { describe, expect, it } from 'vitest'
import { checkCertificate, checkUploadSet, extractFromText, type Check } from '../../../shared/pki'
import { fixtureText, loadOne } from './helpers'

const DAY = 86_400_000
const codes = (checks: Check[]): string[] => checks.map((c) => `${c.severity}:${c.code}`)

describe('checkCertificate', () => {
  const ca = loadOne('testCA.pem')
  const leaf = loadOne('SecureCFB.pem')
  const inside = (cert: { notBefore: string }, days = 1): Date => new Date(Date.parse(cert.notBefore) + days * DAY)

  it('the tech note CA: valid, weak key and MD5 warn but do not block', () => {
    const checks = checkCertificate(ca, { now: inside(ca) })
    expect(codes(checks)).toEqual(['info:valid', 'warning:weak-key', 'warning:weak-signature'])
    expect(checks.every((c) => c.certificateId === ca.id)).toBe(true)
    expect(checks[1]?.message).toContain('1024-bit RSA key')
    expect(checks[2]?.message).toContain('md5WithRSAEncryption')
  })

  it('validity: expired is an error, < 90 days a warning, notBefore in the future a clock-skew warning', () => {
    const expired = loadOne('expired.pem')
    expect(codes(checkCertificate(expired, { now: new Date() }))).toContain('error:expired')
    expect(checkCertificate(expired, { now: new Date('2022-01-01T00:00:00Z') })[0]?.message).toMatch(
      /expired on 2021-01-01 \(365 days ago\)/,
    )
    const soon = loadOne('expiring-soon.pem')
    const warn = checkCertificate(soon, { now: inside(soon) })[0]
    expect(warn).toMatchObject({ severity: 'warning', code: 'expires-soon' })
    expect(warn?.message).toMatch(/in 2[89] days/)
    expect(checkCertificate(leaf, { now: new Date(Date.parse(leaf.notAfter) - 89 * DAY) })[0]?.code).toBe('expires-soon')
    expect(checkCertificate(leaf, { now: new Date(Date.parse(leaf.notAfter) - 91 * DAY) })[0]?.code).toBe('valid')
    // Issued a minute "after" this clock (the router's clock runs slightly ahead): valid, no alarm.
    expect(checkCertificate(leaf, { now: new Date(Date.parse(leaf.notBefore) - 60_000) })[0]?.code).toBe('valid')
    const early = checkCertificate(leaf, { now: new Date(Date.parse(leaf.notBefore) - 6 * 60_000) })[0]
    expect(early).toMatchObject({ severity: 'warning', code: 'not-yet-valid' })
    expect(early?.message).toContain("this computer's clock")
  })

  it('judges a not-yet-valid certificate against the router clock when show clock was seen', () => {
    const hourEarly = new Date(Date.parse(leaf.notBefore) - 3_600_000)
    // This computer is an hour behind, the router is right: nothing to report.
    expect(checkCertificate(leaf, { now: hourEarly, routerNow: new Date(Date.parse(leaf.notBefore) + 1000) })[0]?.code).toBe('valid')
    const skewed = checkCertificate(leaf, { now: new Date(Date.parse(leaf.notBefore) + 1000), routerNow: hourEarly })[0]
    expect(skewed).toMatchObject({ severity: 'warning', code: 'not-yet-valid' })
    expect(skewed?.message).toContain("the router's clock")
  })

  it('bridge CN against the bridge name, case-insensitively; CA certificates are not compared', () => {
    const now = inside(leaf)
    expect(codes(checkCertificate(leaf, { now, bridgeName: 'SECURECFB' }))).toContain('info:cn-match')
    const mismatch = checkCertificate(leaf, { now, bridgeName: 'SecureCFB2' }).find((c) => c.code === 'cn-mismatch')
    expect(mismatch?.severity).toBe('error')
    expect(mismatch?.message).toContain("The certificate CN is 'SecureCFB' but the bridge is named 'SecureCFB2'")
    expect(codes(checkCertificate(ca, { now, bridgeName: 'SecureCFB' })).filter((c) => c.includes('cn-'))).toEqual([])
  })

  it('RSA over 4096 bits blocks for CUCM only; wildcard names are errors', () => {
    const big = loadOne('rsa6144.pem')
    expect(codes(checkCertificate(big, { now: inside(big) }))).toContain('error:key-too-large')
    expect(codes(checkCertificate(big, { now: inside(big), target: 'none' }))).not.toContain('error:key-too-large')
    const wild = loadOne('wildcard.pem')
    expect(checkCertificate(wild, { now: inside(wild) }).find((c) => c.code === 'wildcard')?.message).toContain("'*.uc.com'")
  })

  it('SHA-256 / ECDSA certificates raise no key or signature warnings', () => {
    for (const file of ['CallManager.pem', 'ec-p256-leaf.pem', 'ec-p384-ca.pem']) {
      const cert = loadOne(file)
      expect(codes(checkCertificate(cert, { now: inside(cert) }))).toEqual(['info:valid'])
    }
  })

  it('lifetime certificate longer than the CA has left is capped by IOS (rule 7)', () => {
    const now = new Date(Date.parse(ca.notAfter) - 1095 * DAY)
    const onCa = checkCertificate(ca, { now, lifetimeDays: 1800 }).find((c) => c.code === 'lifetime-capped')
    expect(onCa?.severity).toBe('warning')
    expect(onCa?.message).toContain("'lifetime certificate 1800'")
    expect(onCa?.message).toContain('1095 days')
    expect(codes(checkCertificate(ca, { now, lifetimeDays: 365 }))).not.toContain('warning:lifetime-capped')
    const onLeaf = checkCertificate(leaf, { now: inside(leaf), lifetimeDays: 1800, caRemainingDays: 1000 })
    expect(codes(onLeaf)).toContain('warning:lifetime-capped')
    const expired = loadOne('expired.pem')
    expect(codes(checkCertificate(expired, { now: inside(expired), lifetimeDays: 1800 }))).toContain('info:lifetime-shortened')
  })
})

describe('checkUploadSet', () => {
  const now = new Date(Date.parse(loadOne('SecureCFB.pem').notBefore) + DAY)
  const exported = extractFromText(fixtureText('router-export.txt')).certificates

  it('root + bridge, chained: only reminders', async () => {
    const checks = await checkUploadSet(exported, { now, bridgeName: 'SecureCFB', trustStore: 'CallManager-trust' })
    expect(codes(checks)).toEqual(['info:chain-ok', 'info:store-reminder'])
    expect(checks[1]?.message).toContain('restart the Cisco CallManager service')
  })

  it('one of the two alone is incomplete (rule 10)', async () => {
    const [root, bridge] = exported
    if (!root || !bridge) throw new Error('fixture')
    expect(codes(await checkUploadSet([root], { now }))).toContain('error:missing-bridge')
    const onlyBridge = await checkUploadSet([bridge], { now })
    expect(codes(onlyBridge)).toContain('info:missing-root')
    expect(onlyBridge.find((c) => c.code === 'missing-root')?.message).toContain('CN=testCA')
    expect(codes(await checkUploadSet([], { now }))).toEqual(['error:upload-empty'])
  })

  it('tomcat-trust is the wrong store (rule 9)', async () => {
    const checks = await checkUploadSet(exported, { now, trustStore: 'tomcat-trust' })
    expect(checks.find((c) => c.code === 'wrong-store')?.message).toContain('CallManager-trust')
  })

  it('several certificates per file and private keys are errors (rules 11, 12)', async () => {
    const withKey = extractFromText(fixtureText('router-export-with-key.txt'))
    const checks = await checkUploadSet(withKey.certificates, {
      now,
      keys: withKey.keys,
      files: [
        { fileName: 'two-certs.pem', certificates: 2 },
        { fileName: 'SecureCFB.pem', certificates: 1, privateKeys: 1 },
      ],
    })
    expect(codes(checks).filter((c) => c.startsWith('error'))).toEqual([
      'error:multiple-per-file',
      'error:private-key-in-upload',
      'error:private-key-in-upload',
    ])
    expect(checks.find((c) => c.code === 'multiple-per-file')?.message).toContain('two-certs.pem holds 2 certificates')
  })

  it('a broken chain, an expired bridge and a CN mismatch block the upload', async () => {
    const impostor = loadOne('testCA-impostor.pem')
    const bridge = loadOne('SecureCFB.pem')
    const broken = await checkUploadSet([impostor, bridge], { now, bridgeName: 'SecureCFB' })
    expect(codes(broken)).toContain('error:chain-broken')
    const expired = loadOne('expired.pem')
    const late = await checkUploadSet([loadOne('testCA.pem'), expired], { now, bridgeName: 'Other' })
    expect(codes(late)).toEqual(expect.arrayContaining(['error:expired', 'error:cn-mismatch', 'info:chain-ok']))
  })
})
