import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KnownHostsStore } from '../../../electron/services/known-hosts'
import { SecretStore } from '../../../electron/services/secrets/secret-store'
import { readStaticFile } from '../../../electron/static-files'
import { Settings, type Payload } from '../../../shared/contract'
import { directClient, waitForState, type TestClient } from '../../support/clients'
import { testServices } from '../../support/services'

/** An SSH public key blob (RFC 4253 §6.6 wire format) of a fresh ed25519 key. */
function sshEd25519Blob(): Buffer {
  const raw = crypto.generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)
  const field = (b: Buffer): Buffer => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b])
  return Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)])
}

const modeOf = (p: string): number => fs.statSync(p).mode & 0o777

/** A cipher that only reverses text: enough to make SecretStore write its file. */
const fakeCipher = {
  status: () => ({ available: true }),
  encrypt: (plain: string) => Buffer.from([...plain].reverse().join('')),
  decrypt: (sealed: Buffer) => [...sealed.toString()].reverse().join(''),
}

/** Services over `userDataDir` for the length of `use`, cleaned up after it (its late writes awaited). */
async function withServices(userDataDir: string, use: (services: ReturnType<typeof testServices>) => Promise<void> | void): Promise<void> {
  const services = testServices({ userDataDir })
  try {
    await use(services)
  } finally {
    await services.cleanup()
  }
}

/** Opens a practice session of `lab` that logs, and waits until it is open and its log file named. */
async function openLoggedPractice(client: TestClient, lab: string): Promise<Payload<'session.state'>> {
  const { id } = await client.invoke('session.open', {
    spec: { kind: 'practice', lab, seed: lab },
    cols: 80,
    rows: 24,
    options: { log: { enabled: true } },
  })
  return waitForState(client, id, (s) => s.state === 'open' && s.logPath !== undefined)
}

describe('data folders and files are private to the user (issue 10 point 12)', () => {
  let parent: string
  let oldUmask: number
  beforeAll(() => {
    // The usual Debian umask: without explicit modes, folders would come out 0755.
    oldUmask = process.umask(0o022)
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-private-'))
  })
  afterAll(() => {
    process.umask(oldUmask)
    fs.rmSync(parent, { recursive: true, force: true })
  })

  it('without 0700 folders, other users could list the data folder, session logs and practice labs', async () => {
    const userDataDir = path.join(parent, 'fresh', 'lab-console')
    await withServices(userDataDir, async (services) => {
      const client = directClient(services)
      const { id } = await openLoggedPractice(client, 'private')
      await client.invoke('practice.cucmCertificate', { lab: 'private' })
      await client.invoke('session.close', { id })
      for (const dir of [userDataDir, path.join(userDataDir, 'logs'), path.join(userDataDir, 'practice-labs')]) {
        expect({ dir, mode: modeOf(dir).toString(8) }).toEqual({ dir, mode: '700' })
      }
    })
  })

  it('without a mode on the session log folder, one removed while the app runs would come back 0755', async () => {
    const userDataDir = path.join(parent, 'removed')
    await withServices(userDataDir, async (services) => {
      fs.rmSync(path.join(userDataDir, 'logs'), { recursive: true, force: true })
      const client = directClient(services)
      const { id } = await openLoggedPractice(client, 'removed')
      await client.invoke('session.close', { id })
      expect(modeOf(path.join(userDataDir, 'logs')).toString(8)).toBe('700')
    })
  })

  it('without tightening, folders an older version left at 0755 would stay readable by others', async () => {
    const userDataDir = path.join(parent, 'old', 'lab-console')
    for (const dir of [userDataDir, path.join(userDataDir, 'logs'), path.join(userDataDir, 'practice-labs')]) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o755 })
      fs.chmodSync(dir, 0o755)
    }
    await withServices(userDataDir, () => {
      for (const dir of [userDataDir, path.join(userDataDir, 'logs'), path.join(userDataDir, 'practice-labs')]) {
        expect({ dir, mode: modeOf(dir).toString(8) }).toEqual({ dir, mode: '700' })
      }
    })
  })

  it('without 0600 files, other users could read logs, lab keys, known hosts, sealed secrets and the state', async () => {
    const userDataDir = path.join(parent, 'files')
    await withServices(userDataDir, async (services) => {
      const client = directClient(services)
      const open = await openLoggedPractice(client, 'files')
      await client.invoke('session.close', { id: open.id })
      await client.invoke('practice.cucmCertificate', { lab: 'files' })
      const { revisions } = await client.invoke('state.load', null)
      await client.invoke('state.save', { slice: 'settings', value: Settings.parse({ fontSize: 15 }), base: revisions.settings })
      await new KnownHostsStore(path.join(userDataDir, 'known_hosts')).add('10.0.0.1', 22, sshEd25519Blob())
      await new SecretStore(path.join(userDataDir, 'secrets.json'), fakeCipher).set('ssh:a@b:22', ['pw'])
      const files = [
        open.logPath ?? '',
        ...fs.readdirSync(path.join(userDataDir, 'practice-labs')).map((f) => path.join(userDataDir, 'practice-labs', f)),
        path.join(userDataDir, 'known_hosts'),
        path.join(userDataDir, 'secrets.json'),
        path.join(userDataDir, 'lab-console-state.json'),
      ]
      expect(files.length).toBeGreaterThanOrEqual(6)
      for (const file of files) expect({ file, mode: modeOf(file).toString(8) }).toEqual({ file, mode: '600' })
    })
  })
})

describe('the static server stays inside its root (issue 10 point 12)', () => {
  let base: string
  let root: string
  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-static-'))
    root = path.join(base, 'renderer')
    const outside = path.join(base, 'outside')
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
    fs.mkdirSync(outside)
    fs.writeFileSync(path.join(root, 'index.html'), '<div id="root"></div>')
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'ok()')
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'private')
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'))
    fs.symlinkSync(outside, path.join(root, 'linked-dir'))
    fs.symlinkSync('/etc/passwd', path.join(root, 'assets', 'passwd.js'))
    fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'inside.js'))
    // The root itself reached through a symlink (a packaged or relocated build) still serves.
    fs.symlinkSync(root, path.join(base, 'root-link'))
  })
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

  it('without the realpath check, a symlink in the renderer folder would serve files from anywhere', async () => {
    expect(await readStaticFile(root, '/leak.txt')).toBeNull()
    expect(await readStaticFile(root, '/linked-dir/secret.txt')).toBeNull()
    expect(await readStaticFile(root, '/assets/passwd.js')).toBeNull()
  })

  it('still serves real files and symlinks that stay inside the root', async () => {
    expect((await readStaticFile(root, '/'))?.body.toString()).toContain('root')
    expect((await readStaticFile(root, '/inside.js'))?.body.toString()).toBe('ok()')
    expect((await readStaticFile(path.join(base, 'root-link'), '/assets/app.js'))?.body.toString()).toBe('ok()')
    expect(await readStaticFile(path.join(base, 'root-link'), '/leak.txt')).toBeNull()
  })
})
