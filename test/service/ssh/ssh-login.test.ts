// Logging in to a real OpenSSH server through the Transport contract: password,
// keyboard-interactive, keys (OpenSSH and PEM, with and without passphrase), the agent.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KnownHostsStore } from '../../../electron/services/known-hosts'
import { SshTransport } from '../../../electron/services/sessions/ssh'
import type { SshSpecParsed } from '../../../electron/services/sessions/ssh'
import { startSshd } from '../../support/sshd'
import type { Sshd } from '../../support/sshd'
import { run } from '../../support/sshd-process'
import { accept, exitOf, Output, password, scripted, sshSpec, tempKnownHosts } from '../../support/sshd-session'
import type { Reply } from '../../support/sshd-session'

let server: Sshd
/** Hangs up after two failed logins, as IOS does after its authentication retries. */
let strict: Sshd
let known: Awaited<ReturnType<typeof tempKnownHosts>>

beforeAll(async () => {
  server = await startSshd()
  strict = await startSshd({ maxAuthTries: 2 })
  known = await tempKnownHosts()
  await known.seed(server)
})

afterAll(async () => {
  await server?.stop()
  await strict?.stop()
  await known?.cleanup()
})

function transportFor(extra: Partial<SshSpecParsed>, deps: { agentSocket?: string } = {}): SshTransport {
  return new SshTransport(sshSpec(server, extra), { knownHosts: new KnownHostsStore(known.path), ...deps })
}

async function makeKey(name: string, args: readonly string[]): Promise<string> {
  const path = join(known.dir, name)
  await run('ssh-keygen', ['-q', ...args, '-C', name, '-f', path])
  await server.authorize(await readFile(`${path}.pub`, 'utf8'))
  return path
}

/** Opens, checks the router answers, exits cleanly. */
async function loginAndExit(transport: SshTransport, replies: readonly Reply[]): Promise<ReturnType<typeof scripted>> {
  const ctx = scripted(replies)
  const output = new Output(transport)
  await transport.open(ctx)
  await output.waitFor('Router>')
  transport.write('show version\r')
  await output.waitFor('Cisco IOS XE Software, Version 17.09.04a')
  const exited = exitOf(transport)
  transport.write('exit\r')
  const info = await exited
  expect(info).toMatchObject({ exitCode: 0, reason: 'Session ended (exit status 0).' })
  expect(info.error).toBeFalsy()
  return ctx
}

describe('SSH login', () => {
  it('logs in with a password asked at connect time, without echo', async () => {
    const ctx = await loginAndExit(transportFor({ auth: 'password' }), [password(server.password)])
    expect(ctx.asked).toHaveLength(1)
    expect(ctx.asked[0]).toMatchObject({ kind: 'secret', fields: [{ label: 'Password', echo: false }] })
    expect(ctx.asked[0]?.message).toContain(`${server.user}@127.0.0.1`)
  })

  it('answers keyboard-interactive questions with the prompts the server sent', async () => {
    const ctx = await loginAndExit(transportFor({ auth: 'keyboard-interactive' }), [password(server.password)])
    expect(ctx.asked).toHaveLength(1)
    expect(ctx.asked[0]).toMatchObject({ kind: 'questions', fields: [{ label: 'Password: ', echo: false }] })
  })

  it('asks again after a wrong password, as OpenSSH does', async () => {
    const ctx = await loginAndExit(transportFor({ auth: 'password' }), [password('wrong-1'), password(server.password)])
    expect(ctx.asked).toHaveLength(2)
    expect(ctx.asked[1]?.message).toMatch(/Permission denied, please try again/)
  })

  it('fails clearly after three wrong passwords', async () => {
    const transport = transportFor({ auth: 'password' })
    const ctx = scripted([password('wrong-1'), password('wrong-2'), password('wrong-3')])
    await expect(transport.open(ctx)).rejects.toThrow('Authentication failed for labtest@127.0.0.1: the router refused the password')
    expect(ctx.asked).toHaveLength(3)
  })

  it('fails clearly after three wrong keyboard-interactive answers', async () => {
    const transport = transportFor({ auth: 'keyboard-interactive' })
    const ctx = scripted([password('wrong-1'), password('wrong-2'), password('wrong-3')])
    await expect(transport.open(ctx)).rejects.toThrow('Authentication failed for labtest@127.0.0.1: the router refused the password')
    expect(ctx.asked.map((p) => p.kind)).toEqual(['questions', 'questions', 'questions'])
  })

  it('says the password was refused when the server hangs up after too many tries', async () => {
    const transport = new SshTransport(sshSpec(strict), { knownHosts: new KnownHostsStore(known.path) })
    const ctx = scripted([accept, password('wrong-1'), password('wrong-2'), password('wrong-3')])
    await expect(transport.open(ctx)).rejects.toThrow(
      /^Authentication failed for labtest@127\.0\.0\.1: the router refused the password \(.*Too many authentication failures.*\)$/,
    )
    expect(ctx.asked.map((p) => p.kind)).toEqual(['host-key-new', 'secret', 'secret'])
  })

  it('stops when the user cancels the password question', async () => {
    const transport = transportFor({ auth: 'password' })
    await expect(transport.open(scripted([{}]))).rejects.toThrow(/cancelled/)
  })

  it('logs in with an unencrypted OpenSSH-format key without asking anything', async () => {
    const key = await makeKey('id_ed25519', ['-t', 'ed25519', '-N', ''])
    expect(await readFile(key, 'utf8')).toContain('BEGIN OPENSSH PRIVATE KEY')
    const ctx = await loginAndExit(transportFor({ auth: 'publickey', privateKeyPath: key }), [])
    expect(ctx.asked).toHaveLength(0)
  })

  it('asks for the passphrase of an encrypted PEM key, once', async () => {
    const key = await makeKey('id_rsa_pem', ['-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', 'pem pass phrase'])
    const text = await readFile(key, 'utf8')
    expect(text).toContain('BEGIN RSA PRIVATE KEY')
    expect(text).toContain('Proc-Type: 4,ENCRYPTED')
    const ctx = await loginAndExit(transportFor({ auth: 'publickey', privateKeyPath: key }), [password('pem pass phrase')])
    expect(ctx.asked).toHaveLength(1)
    expect(ctx.asked[0]).toMatchObject({ kind: 'secret', fields: [{ label: 'Passphrase', echo: false }] })
    expect(ctx.asked[0]?.message).toContain(key)
  })

  it('asks again after a wrong passphrase for an encrypted OpenSSH key', async () => {
    const key = await makeKey('id_ed25519_enc', ['-t', 'ed25519', '-N', 'right phrase'])
    const ctx = await loginAndExit(transportFor({ auth: 'publickey', privateKeyPath: key }), [
      password('wrong phrase'),
      password('right phrase'),
    ])
    expect(ctx.asked).toHaveLength(2)
    expect(ctx.asked[1]?.message).toMatch(/Wrong passphrase/)
  })

  it('says so when the server does not accept the key', async () => {
    const path = join(known.dir, 'id_unknown')
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path])
    const transport = transportFor({ auth: 'publickey', privateKeyPath: path })
    await expect(transport.open(scripted([]))).rejects.toThrow(
      `Authentication failed for labtest@127.0.0.1: the router did not accept the key ${path}`,
    )
  })

  it('says so when the key file is missing', async () => {
    const transport = transportFor({ auth: 'publickey', privateKeyPath: join(known.dir, 'nope') })
    await expect(transport.open(scripted([]))).rejects.toThrow(/Cannot read the private key .*nope/)
  })

  it('logs in through an SSH agent', async () => {
    const key = await makeKey('id_agent', ['-t', 'ed25519', '-N', ''])
    const socket = join(known.dir, 'agent.sock')
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' })
    try {
      // ssh-add retries until the agent is listening.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await run('/bin/sh', ['-c', `SSH_AUTH_SOCK='${socket}' ssh-add -q '${key}'`])
          break
        } catch (error) {
          if (attempt > 20) throw error
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
      const ctx = await loginAndExit(transportFor({ auth: 'agent' }, { agentSocket: socket }), [])
      expect(ctx.asked).toHaveLength(0)
    } finally {
      if (agent.pid !== undefined) process.kill(agent.pid, 'SIGTERM')
    }
  })
})
