import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { RouterWatch } from '../../../electron/services/router-watch/router-watch'

const fixture = (name: string): string => fs.readFileSync(path.resolve('test/fixtures/ios', name), 'utf8')

function watchWith() {
  const fingerprints: Array<{ fingerprints: Array<{ algorithm: string; hex: string }> }> = []
  const certificates: Array<{ trustpoint?: string; blocks: Array<{ label: string; pem: string }> }> = []
  const watch = new RouterWatch({ fingerprints: (p) => fingerprints.push(p), certificates: (p) => certificates.push(p) })
  return { watch, fingerprints, certificates }
}

/** Feeds text in small uneven pieces, as a serial line delivers it. */
function feedInPieces(watch: RouterWatch, text: string): void {
  for (let i = 0; i < text.length; i += 7) watch.feed(text.slice(i, i + 7))
}

describe('RouterWatch', () => {
  it('reports the fingerprints of crypto pki authenticate once, even when split across reads', async () => {
    const { watch, fingerprints } = watchWith()
    feedInPieces(
      watch,
      'VG-CME-1(config)#crypto pki authenticate SecureCFB\r\nCertificate has the following attributes:\r\n' +
        '       Fingerprint MD5: 383BA13D C37D0E5D 9E9086E4 8C8D1E75 \r\n' +
        '      Fingerprint SHA1: 6DB8F323 14BBFBFF C36C224B B3404513 2FDD97C5 \r\n\r\n% Do you accept this certificate? [yes/no]: ',
    )
    await new Promise((r) => setTimeout(r, 60))
    expect(fingerprints).toHaveLength(1)
    expect(fingerprints[0]?.fingerprints).toEqual([
      { algorithm: 'md5', hex: '383BA13DC37D0E5D9E9086E48C8D1E75' },
      { algorithm: 'sha1', hex: '6DB8F32314BBFBFFC36C224BB34045132FDD97C5' },
    ])
    expect(watch.state().prompt?.kind).toBe('yes-no')
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

  it('knows the prompt at the end of the output', () => {
    const { watch } = watchWith()
    feedInPieces(watch, '\r\nVG-CME-1(ca-trust')
    expect(watch.state().prompt).toBeNull()
    watch.feed('point)#')
    expect(watch.state().prompt).toMatchObject({ kind: 'config', mode: 'ca-trustpoint' })
  })
})
