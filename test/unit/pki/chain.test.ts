import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { verifyIssued } from '../../../shared/pki'
import { fixturePath, loadOne } from './helpers'

/** What openssl says about the signature alone (-partial_chain, no purpose or time checks). */
function opensslVerifies(leaf: string, ca: string): boolean {
  const r = spawnSync(
    'openssl',
    ['verify', '-partial_chain', '-no_check_time', '-auth_level', '0', '-CAfile', fixturePath(ca), fixturePath(leaf)],
    {
      encoding: 'utf8',
    },
  )
  return r.status === 0
}

describe('verifyIssued', () => {
  const cases: Array<[leaf: string, ca: string, algorithm: string]> = [
    ['SecureCFB.pem', 'testCA.pem', 'sha1WithRSAEncryption'],
    ['testCA.pem', 'testCA.pem', 'md5WithRSAEncryption'],
    ['expired.pem', 'testCA.pem', 'sha256WithRSAEncryption'],
    ['CallManager.pem', 'CallManager.pem', 'sha256WithRSAEncryption'],
    ['ec-p256-leaf.pem', 'ec-p384-ca.pem', 'ecdsa-with-SHA384'],
    ['ec-p384-ca.pem', 'ec-p384-ca.pem', 'ecdsa-with-SHA384'],
  ]
  for (const [leaf, ca, algorithm] of cases) {
    it(`${leaf} is issued by ${ca} (${algorithm}), as openssl agrees`, async () => {
      const r = await verifyIssued(loadOne(leaf), loadOne(ca))
      expect(r).toMatchObject({ ok: true, issuerMatches: true, signatureValid: true, algorithm })
      // openssl 3 refuses MD5 at the default security level; the RSA/ECDSA maths is still comparable elsewhere.
      if (algorithm !== 'md5WithRSAEncryption') expect(opensslVerifies(leaf, ca)).toBe(true)
    })
  }

  it('rejects a CA with the same name but another key (impostor testCA)', async () => {
    const r = await verifyIssued(loadOne('SecureCFB.pem'), loadOne('testCA-impostor.pem'))
    expect(r).toMatchObject({ ok: false, issuerMatches: true, signatureValid: false })
    expect(r.message).toContain('the signature does not verify')
    expect(opensslVerifies('SecureCFB.pem', 'testCA-impostor.pem')).toBe(false)
  })

  it('rejects a CA with another name', async () => {
    const r = await verifyIssued(loadOne('SecureCFB.pem'), loadOne('CallManager.pem'))
    expect(r).toMatchObject({ ok: false, issuerMatches: false })
    expect(r.message).toBe(
      'SecureCFB was issued by "CN=testCA", not by "C=CN, O=cisco, OU=a, CN=CUCMPUB15.uc.com, ST=c, L=b": they do not chain.',
    )
  })

  it('rejects an EC leaf against an RSA CA and an ECDSA leaf against the wrong EC CA', async () => {
    expect((await verifyIssued(loadOne('ec-p256-leaf.pem'), loadOne('testCA.pem'))).ok).toBe(false)
    const self = await verifyIssued(loadOne('ec-p256-leaf.pem'), loadOne('ec-p256-leaf.pem'))
    expect(self).toMatchObject({ ok: false, issuerMatches: false })
  })

  it('catches a changed base64 character through the signature (MD5 self-signed CA)', async () => {
    const damaged = loadOne('damaged-changed-char.pem')
    const r = await verifyIssued(damaged, damaged)
    expect(r).toMatchObject({ ok: false, issuerMatches: true, signatureValid: false })
  })
})
