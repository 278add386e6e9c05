// Host-key verification against a real sshd: first use asks and remembers, a changed key is
// refused unless explicitly accepted. ssh-keygen is the reference for fingerprints and format.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { KnownHostsStore } from '../../../electron/services/known-hosts'
import { SshTransport } from '../../../electron/services/sessions/ssh'
import { startSshd } from '../../support/sshd'
import type { Sshd } from '../../support/sshd'
import { run } from '../../support/sshd-process'
import { accept, decline, exitOf, Output, password, scripted, sshSpec, tempKnownHosts } from '../../support/sshd-session'
import type { Reply } from '../../support/sshd-session'

let server: Sshd
let known: Awaited<ReturnType<typeof tempKnownHosts>>
let name: string
let ed25519: string

beforeAll(async () => {
  server = await startSshd()
  name = `[127.0.0.1]:${server.port}`
  ed25519 = server.hostKeyFingerprints['ssh-ed25519'] ?? ''
})

afterAll(async () => {
  await server?.stop()
})

beforeEach(async () => {
  known = await tempKnownHosts()
})

afterEach(async () => {
  await known.cleanup()
})

async function connect(replies: readonly Reply[]): Promise<{ transport: SshTransport; ctx: ReturnType<typeof scripted> }> {
  const transport = new SshTransport(sshSpec(server), { knownHosts: new KnownHostsStore(known.path) })
  const ctx = scripted(replies)
  const output = new Output(transport)
  await transport.open(ctx)
  await output.waitFor('Router>')
  const exited = exitOf(transport)
  transport.close()
  await exited
  return { transport, ctx }
}

/** A different ed25519 key, recorded for this server as if the router had been replaced. */
async function staleKeyLine(): Promise<{ line: string; fingerprint: string }> {
  const path = join(known.dir, 'old_host_key')
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path])
  const publicKey = (await readFile(`${path}.pub`, 'utf8')).trim().split(' ').slice(0, 2).join(' ')
  const fingerprint = /SHA256:\S+/.exec(await run('ssh-keygen', ['-lf', `${path}.pub`]))?.[0] ?? ''
  return { line: `${name} ${publicKey}`, fingerprint }
}

describe('SSH host keys', () => {
  it('asks on first use with the fingerprint ssh-keygen prints, and remembers an accepted key', async () => {
    const { ctx } = await connect([accept, password(server.password)])
    expect(ctx.asked[0]).toMatchObject({ kind: 'host-key-new', fingerprint: ed25519 })
    expect(ed25519).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/)
    expect(ctx.asked[0]?.message).toContain('ED25519 key fingerprint is')
    expect(ctx.asked[1]?.kind).toBe('secret')

    // OpenSSH's own tool finds the entry the store wrote, under the [host]:port name.
    const found = await run('ssh-keygen', ['-F', name, '-f', known.path])
    expect(found).toContain(`${name} ssh-ed25519 `)
    expect(await run('ssh-keygen', ['-lf', known.path])).toContain(ed25519)

    // Second time: no question about the key.
    const again = await connect([password(server.password)])
    expect(again.ctx.asked.map((p) => p.kind)).toEqual(['secret'])
  })

  it('refuses the connection when the user does not accept a new key, and records nothing', async () => {
    const transport = new SshTransport(sshSpec(server), { knownHosts: new KnownHostsStore(known.path) })
    const ctx = scripted([decline])
    await expect(transport.open(ctx)).rejects.toThrow(
      `Host key for 127.0.0.1:${server.port} (ED25519 ${ed25519}) was not accepted — connection refused.`,
    )
    expect(ctx.asked.map((p) => p.kind)).toEqual(['host-key-new'])
    await expect(readFile(known.path, 'utf8')).rejects.toThrow(/ENOENT/)
  })

  it('blocks a changed key unless explicitly accepted, and leaves the file alone', async () => {
    const stale = await staleKeyLine()
    const before = `# lab routers\n${stale.line}\n`
    await writeFile(known.path, before)
    for (const reply of [decline, {}]) {
      const transport = new SshTransport(sshSpec(server), { knownHosts: new KnownHostsStore(known.path) })
      const ctx = scripted([reply])
      const failure = transport.open(ctx)
      await expect(failure).rejects.toThrow(/Host key for 127\.0\.0\.1:\d+ has CHANGED .* connection refused/)
      await expect(failure).rejects.toThrow(ed25519)
      expect(ctx.asked).toHaveLength(1)
      expect(ctx.asked[0]).toMatchObject({ kind: 'host-key-changed', fingerprint: ed25519 })
      expect(ctx.asked[0]?.message).toContain(stale.fingerprint)
      expect(ctx.asked[0]?.message).toContain(ed25519)
      expect(ctx.asked[0]?.message).toMatch(/NOT the one on record/)
    }
    expect(await readFile(known.path, 'utf8')).toBe(before)
  })

  it('replaces a changed key only on explicit accept, keeping the rest of the file', async () => {
    const stale = await staleKeyLine()
    const other = (await readFile(join(server.dir, 'ssh_host_rsa_key.pub'), 'utf8')).trim().split(' ').slice(0, 2).join(' ')
    await writeFile(known.path, `# lab routers\nnot a known_hosts line at all\n${stale.line}\nrouter-b.lab ${other}\n`)
    const { ctx } = await connect([accept, password(server.password)])
    expect(ctx.asked.map((p) => p.kind)).toEqual(['host-key-changed', 'secret'])

    const text = await readFile(known.path, 'utf8')
    expect(text).toContain('# lab routers\n')
    expect(text).toContain('not a known_hosts line at all\n')
    expect(text).toContain(`router-b.lab ${other}\n`)
    expect(text).not.toContain(stale.line)
    expect(await run('ssh-keygen', ['-lf', known.path])).toContain(ed25519)

    const again = await connect([password(server.password)])
    expect(again.ctx.asked.map((p) => p.kind)).toEqual(['secret'])
  })
})
