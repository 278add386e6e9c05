// The app's known_hosts store, checked against OpenSSH's own ssh-keygen: fingerprints, host
// names with ports, patterns, hashed names, tolerant reading and atomic, lossless rewriting.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fingerprintSha256, KnownHostsStore, keyTypeOf, knownHostsName } from '../../../electron/services/known-hosts'
import { run } from '../../support/sshd-process'
import { tempKnownHosts } from '../../support/sshd-session'

interface TestKey {
  readonly type: string
  readonly base64: string
  readonly blob: Buffer
  readonly fingerprint: string
}

let keys: { ed: TestKey; ed2: TestKey; rsa: TestKey }
let known: Awaited<ReturnType<typeof tempKnownHosts>>

async function makeKey(dir: string, name: string, type: 'ed25519' | 'rsa'): Promise<TestKey> {
  const path = join(dir, name)
  await run('ssh-keygen', ['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-f', path])
  const [keyType = '', base64 = ''] = (await readFile(`${path}.pub`, 'utf8')).trim().split(' ')
  const fingerprint = /SHA256:\S+/.exec(await run('ssh-keygen', ['-lf', `${path}.pub`]))?.[0] ?? ''
  return { type: keyType, base64, blob: Buffer.from(base64, 'base64'), fingerprint }
}

beforeAll(async () => {
  const scratch = await tempKnownHosts()
  keys = {
    ed: await makeKey(scratch.dir, 'a', 'ed25519'),
    ed2: await makeKey(scratch.dir, 'b', 'ed25519'),
    rsa: await makeKey(scratch.dir, 'c', 'rsa'),
  }
  await scratch.cleanup()
})

beforeEach(async () => {
  known = await tempKnownHosts()
})

afterEach(async () => {
  await known.cleanup()
})

const line = (hosts: string, key: TestKey): string => `${hosts} ${key.type} ${key.base64}`

describe('host key helpers', () => {
  it('prints fingerprints exactly as ssh-keygen -lf does', () => {
    for (const key of Object.values(keys)) {
      expect(fingerprintSha256(key.blob)).toBe(key.fingerprint)
      expect(key.fingerprint).not.toContain('=')
    }
  })

  it('reads the key type from the blob and names hosts the OpenSSH way', () => {
    expect(keyTypeOf(keys.ed.blob)).toBe('ssh-ed25519')
    expect(keyTypeOf(keys.rsa.blob)).toBe('ssh-rsa')
    expect(keyTypeOf(Buffer.from('garbage'))).toBeUndefined()
    expect(knownHostsName('Router1.LAB', 22)).toBe('router1.lab')
    expect(knownHostsName('10.0.0.1', 2222)).toBe('[10.0.0.1]:2222')
  })
})

describe('KnownHostsStore', () => {
  it('reads through comments, blank lines, garbage and damaged entries', async () => {
    await writeFile(
      known.path,
      [
        '# comment',
        '',
        'garbage without enough fields',
        `10.0.0.1 ssh-ed25519 !!!notbase64!!!`,
        // Type and blob disagree: a damaged line must not count as a key.
        `10.0.0.1 ssh-rsa ${keys.ed.base64}`,
        `   ${line('10.0.0.1', keys.ed)}   trailing comment  `,
        '',
      ].join('\r\n'),
    )
    const store = new KnownHostsStore(known.path)
    expect(await store.check('10.0.0.1', 22, keys.ed.blob)).toEqual({ status: 'known' })
    expect((await store.list()).map((e) => e.fingerprint)).toEqual([keys.ed.fingerprint])
  })

  it('tells new, known and changed apart, per key type and port', async () => {
    await writeFile(known.path, `${line('10.0.0.1', keys.ed)}\n${line('[10.0.0.1]:2222', keys.rsa)}\n`)
    const store = new KnownHostsStore(known.path)
    expect(await store.check('10.0.0.1', 22, keys.ed.blob)).toEqual({ status: 'known' })
    expect(await store.check('10.0.0.1', 22, keys.ed2.blob)).toEqual({
      status: 'changed',
      recorded: [{ keyType: 'ssh-ed25519', fingerprint: keys.ed.fingerprint, line: 1 }],
    })
    // Another key type than the one on record is new (with a note), as in OpenSSH.
    expect(await store.check('10.0.0.1', 22, keys.rsa.blob)).toEqual({
      status: 'new',
      otherKeys: [{ keyType: 'ssh-ed25519', fingerprint: keys.ed.fingerprint, line: 1 }],
    })
    // A port other than 22 is a different entry.
    expect(await store.check('10.0.0.1', 2222, keys.rsa.blob)).toEqual({ status: 'known' })
    expect(await store.check('10.0.0.1', 2222, keys.ed.blob)).toEqual({
      status: 'new',
      otherKeys: [expect.objectContaining({ keyType: 'ssh-rsa' })],
    })
    expect(await store.check('10.0.0.2', 22, keys.ed.blob)).toEqual({ status: 'new', otherKeys: [] })
    expect(await store.keyTypesFor('10.0.0.1', 2222)).toEqual(['ssh-rsa'])
  })

  it('matches comma lists, wildcards, negations and case-insensitive names', async () => {
    await writeFile(known.path, `${line('router1,*.lab.example,!bad.lab.example', keys.ed)}\n`)
    const store = new KnownHostsStore(known.path)
    expect(await store.check('ROUTER1', 22, keys.ed.blob)).toEqual({ status: 'known' })
    expect(await store.check('r9.lab.example', 22, keys.ed.blob)).toEqual({ status: 'known' })
    expect(await store.check('bad.lab.example', 22, keys.ed.blob)).toEqual({ status: 'new', otherKeys: [] })
  })

  it('matches names that ssh-keygen -H hashed, and flags @revoked keys', async () => {
    await writeFile(known.path, `${line('[10.9.9.9]:2022', keys.ed)}\n${line('10.9.9.8', keys.rsa)}\n`)
    await run('ssh-keygen', ['-H', '-f', known.path])
    const hashed = await readFile(known.path, 'utf8')
    expect(hashed).not.toContain('10.9.9.9')
    const store = new KnownHostsStore(known.path)
    expect(await store.check('10.9.9.9', 2022, keys.ed.blob)).toEqual({ status: 'known' })
    expect(await store.check('10.9.9.8', 22, keys.rsa.blob)).toEqual({ status: 'known' })
    expect(await store.check('10.9.9.9', 22, keys.ed.blob)).toEqual({ status: 'new', otherKeys: [] })

    await writeFile(known.path, `@revoked * ${keys.ed2.type} ${keys.ed2.base64}\n`)
    expect(await store.check('10.0.0.1', 22, keys.ed2.blob)).toEqual({ status: 'revoked' })
  })

  it('adds entries that ssh-keygen -F finds, privately and atomically, and keeps concurrent adds', async () => {
    const missingDir = join(known.dir, 'app-data', 'ssh')
    const store = new KnownHostsStore(join(missingDir, 'known_hosts'))
    await Promise.all([
      store.add('10.0.0.1', 22, keys.ed.blob),
      store.add('10.0.0.2', 2222, keys.rsa.blob),
      store.add('router3', 22, keys.ed2.blob),
    ])
    const path = join(missingDir, 'known_hosts')
    expect(await run('ssh-keygen', ['-F', '[10.0.0.2]:2222', '-f', path])).toContain(`[10.0.0.2]:2222 ssh-rsa ${keys.rsa.base64}`)
    expect(await run('ssh-keygen', ['-F', '10.0.0.1', '-f', path])).toContain(`10.0.0.1 ssh-ed25519 ${keys.ed.base64}`)
    expect(await run('ssh-keygen', ['-F', 'router3', '-f', path])).toContain(keys.ed2.base64)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(await readdir(missingDir)).toEqual(['known_hosts'])
  })

  it('replaces a changed key without touching other hosts that share its line', async () => {
    const original = ['# keep me', 'junk line', `${line('10.0.0.1,router1', keys.ed)}`, `${line('10.0.0.1', keys.rsa)}`].join('\n')
    await writeFile(known.path, `${original}\n`)
    const store = new KnownHostsStore(known.path)
    await store.replace('10.0.0.1', 22, keys.ed2.blob)
    const text = await readFile(known.path, 'utf8')
    expect(text.split('\n')).toEqual([
      '# keep me',
      'junk line',
      line('router1', keys.ed),
      line('10.0.0.1', keys.rsa),
      line('10.0.0.1', keys.ed2),
      '',
    ])
    expect(await store.check('10.0.0.1', 22, keys.ed2.blob)).toEqual({ status: 'known' })
    expect(await store.check('router1', 22, keys.ed.blob)).toEqual({ status: 'known' })

    await store.forget('10.0.0.1', 22)
    expect(await store.check('10.0.0.1', 22, keys.rsa.blob)).toEqual({ status: 'new', otherKeys: [] })
    expect(await readFile(known.path, 'utf8')).toBe(`# keep me\njunk line\n${line('router1', keys.ed)}\n`)
  })
})
