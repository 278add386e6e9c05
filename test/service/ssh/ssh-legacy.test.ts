// An sshd that speaks only what old IOS images speak (group1/group14-sha1, ssh-rsa, CBC,
// hmac-sha1): refused with both sides' lists and a hint, accepted with the legacy switch on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KnownHostsStore } from '../../../electron/services/known-hosts'
import { GROUP1_SHA1_UNAVAILABLE, SshTransport, algorithmOffer, supportsGroup1Sha1 } from '../../../electron/services/sessions/ssh'
import { startSshd } from '../../support/sshd'
import type { Sshd } from '../../support/sshd'
import { accept, exitOf, Output, password, scripted, sshSpec, tempKnownHosts } from '../../support/sshd-session'

let server: Sshd
let known: Awaited<ReturnType<typeof tempKnownHosts>>

beforeAll(async () => {
  server = await startSshd({ legacy: true, routerName: 'OldRouter' })
  known = await tempKnownHosts()
})

afterAll(async () => {
  await server?.stop()
  await known?.cleanup()
})

describe('legacy IOS algorithms', () => {
  it('fails without the switch, listing what each side offered and suggesting the switch', async () => {
    const transport = new SshTransport(sshSpec(server), { knownHosts: new KnownHostsStore(known.path) })
    const ctx = scripted([])
    const failure = await transport.open(ctx).then(
      () => new Error('connected'),
      (error: unknown) => error as Error,
    )
    const message = failure.message
    expect(message).toContain(`Could not agree on SSH algorithms with 127.0.0.1:${server.port}: no common key exchange.`)
    const lines = message.split('\n')
    // The switch comes first, before the detail, and names both places it lives.
    expect(lines[1]).toBe("Turn on 'Legacy IOS algorithms' (profile editor or quick connect) and connect again.")
    // Then the failing category first, router against us, each a short list.
    expect(lines.slice(2, 5)).toEqual([
      'Key exchange (no match):',
      '  router offers: diffie-hellman-group1-sha1, diffie-hellman-group14-sha1',
      expect.stringMatching(/^ {2}we offer: curve25519-sha256[^,]*, [^,]+, [^,]+, [^,]+ and \d+ more$/),
    ])
    expect(message).toMatch(/Host key:\n {2}router offers: ssh-rsa\n {2}we offer: ssh-ed25519/)
    expect(message).toMatch(/Cipher:\n {2}router offers: aes128-cbc, 3des-cbc\n {2}we offer: aes128-gcm@openssh\.com/)
    expect(message).toMatch(/MAC:\n {2}router offers: hmac-sha1\n {2}we offer: hmac-sha2-256-etm@openssh\.com/)
    expect(message).not.toContain('in the profile')
    // The pseudo-algorithms ssh2 and OpenSSH add are not algorithms the user can act on.
    expect(message).not.toMatch(/kex-strict|ext-info/)
    expect(ctx.asked).toHaveLength(0)
  })

  it('connects with the switch on', async () => {
    const transport = new SshTransport(sshSpec(server, { legacyAlgorithms: true }), { knownHosts: new KnownHostsStore(known.path) })
    const ctx = scripted([accept, password(server.password)])
    const output = new Output(transport)
    await transport.open(ctx)
    expect(ctx.asked[0]).toMatchObject({ kind: 'host-key-new', fingerprint: server.hostKeyFingerprints['ssh-rsa'] })
    expect(ctx.asked[0]?.message).toContain('RSA key fingerprint is')
    await output.waitFor('OldRouter>')
    transport.write('show version\r')
    await output.waitFor('OldRouter uptime is')
    const exited = exitOf(transport)
    transport.write('exit\r')
    expect(await exited).toMatchObject({ exitCode: 0 })
  })

  it('adds the legacy algorithms on top of the defaults only when asked', () => {
    const modern = algorithmOffer(false)
    const legacy = algorithmOffer(true)
    for (const name of ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1'] as const) {
      expect(modern.kex).not.toContain(name)
      expect(legacy.kex).toContain(name)
    }
    expect(legacy.cipher).toEqual(expect.arrayContaining(['aes128-cbc', 'aes256-cbc', '3des-cbc']))
    expect(modern.cipher).not.toContain('aes128-cbc')
    expect(legacy.hmac).toContain('hmac-sha1')
    expect(legacy.serverHostKey).toContain('ssh-rsa')
    expect(legacy.kex.slice(0, modern.kex.length)).toEqual(modern.kex)
    // Under Node (OpenSSL) the 1024-bit group exists; under Electron (BoringSSL) it is left out.
    expect(legacy.kex.includes('diffie-hellman-group1-sha1')).toBe(supportsGroup1Sha1())
    expect(GROUP1_SHA1_UNAVAILABLE).toMatch(/BoringSSL/)
  })

  it('asks for the host-key type already on record first', () => {
    expect(algorithmOffer(false, ['ssh-rsa']).serverHostKey.slice(0, 3)).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'])
    expect(algorithmOffer(false, []).serverHostKey[0]).toBe('ssh-ed25519')
  })
})
