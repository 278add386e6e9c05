import { describe, expect, it } from 'vitest'
import { KeptCertificate } from '../../../shared/contract'
import { parseInput } from '../../../shared/pki'
import { cleanName, entryName, keptId, roleFromLabel } from '../../../renderer/store/cert-naming'
import { fixtureText, loadOne, opensslValue } from '../pki/helpers'

describe('workbench entry naming', () => {
  it('maps IOS export labels to roles', () => {
    expect(roleFromLabel('CA certificate')).toBe('CA')
    expect(roleFromLabel('General Purpose Certificate')).toBe('General Purpose')
    expect(roleFromLabel('Signature Certificate')).toBe('Signature')
    expect(roleFromLabel('Encryption Certificate')).toBe('Encryption')
    expect(roleFromLabel('Certificate')).toBeUndefined()
    expect(roleFromLabel('Key name: SecureCFB')).toBeUndefined()
    expect(roleFromLabel(undefined)).toBeUndefined()
  })

  it('names router-export certificates by CN and role', () => {
    const r = parseInput(fixtureText('router-export.txt'))
    expect(r.certificates.map((c) => entryName(c, roleFromLabel(c.roleLabel)))).toEqual(['testCA (CA)', 'SecureCFB (General Purpose)'])
  })

  it('names a plain certificate by its CN only', () => {
    expect(entryName(loadOne('CallManager.pem'))).toBe('CUCMPUB15.uc.com')
  })

  it('derives an id the persisted state accepts from the SHA-256 fingerprint', () => {
    const cert = loadOne('testCA.pem')
    const id = keptId(cert)
    expect(id).toBe(opensslValue('testCA.pem', '-fingerprint', '-sha256').replace(/:/g, '').slice(0, 40))
    expect(KeptCertificate.safeParse({ id, name: entryName(cert, 'CA'), pem: cert.pem, addedAt: new Date().toISOString() }).success).toBe(
      true,
    )
  })

  it('cleans typed names and refuses blank ones', () => {
    expect(cleanName('  my   CA \n')).toBe('my CA')
    expect(cleanName('   ')).toBeUndefined()
    expect(cleanName('x'.repeat(300))).toHaveLength(128)
  })
})
