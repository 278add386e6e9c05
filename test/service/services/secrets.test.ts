import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_KEYCHAIN, SecretStore, keychainStatus } from '../../../electron/services/secrets/secret-store'
import type { SessionPrompt } from '../../../shared/contract'
import { directClient, waitForState } from '../../support/clients'
import { testServices } from '../../support/services'
import { startSshd, type Sshd } from '../../support/sshd'
import { processKeychain } from '../../support/process-keychain'

describe('keychain status', () => {
  it("refuses Linux's basic_text fallback and a missing keychain, accepts a real one", () => {
    expect(keychainStatus(true, 'basic_text', 'linux')).toMatchObject({
      available: false,
      reason: expect.stringMatching(/No system keyring/),
    })
    expect(keychainStatus(false, undefined, 'darwin')).toMatchObject({ available: false })
    expect(keychainStatus(true, 'gnome_libsecret', 'linux')).toEqual({ available: true })
    expect(keychainStatus(true, undefined, 'win32')).toEqual({ available: true })
  })
})

describe('SecretStore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-secrets-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('keeps answers sealed: the file never holds the plain text', async () => {
    const file = path.join(dir, 'a.json')
    const store = new SecretStore(file, processKeychain())
    await store.set('ssh:admin@r1:22|SSH password|Password', ['Sup3r-Secret'])
    expect(await store.get('ssh:admin@r1:22|SSH password|Password')).toEqual(['Sup3r-Secret'])
    expect(fs.readFileSync(file, 'utf8')).not.toContain('Sup3r-Secret')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    await store.forget()
    expect(await store.get('ssh:admin@r1:22|SSH password|Password')).toBeUndefined()
  })

  it('refuses to keep anything without a real keychain, and says why', async () => {
    const none = new SecretStore(path.join(dir, 'b.json'), undefined)
    expect(none.status()).toEqual({ available: false, reason: NO_KEYCHAIN })
    await expect(none.set('k', ['x'])).rejects.toThrow(NO_KEYCHAIN)
    const basicText = new SecretStore(path.join(dir, 'c.json'), processKeychain(false))
    await expect(basicText.set('k', ['x'])).rejects.toThrow(/No system keyring/)
    expect(fs.existsSync(path.join(dir, 'c.json'))).toBe(false)
  })

  it('treats a secret sealed under another keychain as absent (asks again)', async () => {
    const file = path.join(dir, 'd.json')
    await new SecretStore(file, processKeychain()).set('k', ['x'])
    expect(await new SecretStore(file, processKeychain()).get('k')).toBeUndefined()
  })
})

describe('remembered SSH passwords', () => {
  let sshd: Sshd
  const services = testServices({ hooks: { secretCipher: processKeychain() } })
  const client = directClient(services)
  beforeAll(async () => {
    sshd = await startSshd()
  })
  afterAll(async () => {
    await sshd?.stop()
    services.cleanup()
  })

  async function connect(answer: (prompt: SessionPrompt) => { answers?: string[]; accept?: boolean; remember?: boolean }) {
    const asked: SessionPrompt[] = []
    const stop = client.subscribe('session.prompt', (prompt) => {
      asked.push(prompt)
      void client.invoke('session.respond', { id: prompt.id, promptId: prompt.promptId, ...answer(prompt) })
    })
    const { id } = await client.invoke('session.open', {
      spec: { kind: 'ssh', host: sshd.host, port: sshd.port, username: sshd.user, auth: 'password' },
      cols: 80,
      rows: 24,
    })
    const info = await waitForState(client, id, (s) => s.state !== 'opening', 20_000)
    stop()
    await client.invoke('session.close', { id })
    return { info, asked }
  }

  it('offers to remember, then logs in next time without asking', async () => {
    const first = await connect((p) => (p.kind === 'host-key-new' ? { accept: true } : { answers: [sshd.password], remember: true }))
    expect(first.info.state).toBe('open')
    expect(first.asked.find((p) => p.kind === 'secret')?.rememberable).toBe(true)
    const second = await connect(() => ({ answers: ['not-asked'] }))
    expect(second.info.state).toBe('open')
    expect(second.asked).toEqual([])
    expect(fs.readFileSync(path.join(services.userDataDir, 'secrets.json'), 'utf8')).not.toContain(sshd.password)
  }, 60_000)

  it('asks the user when the remembered password is refused', async () => {
    await client.invoke('secrets.forget', {})
    // Remember a wrong password (the router refuses it, three times, as a user who mistyped).
    const wrong = await connect((p) => ({ answers: [p.kind === 'secret' ? 'wrong-password' : ''], remember: true }))
    expect(wrong.info.state).not.toBe('open')
    const again = await connect(() => ({ answers: [sshd.password] }))
    expect(again.info.state).toBe('open')
    // The remembered one was tried once, silently; then the user was asked.
    expect(again.asked.filter((p) => p.kind === 'secret')).toHaveLength(1)
  }, 90_000)
})
