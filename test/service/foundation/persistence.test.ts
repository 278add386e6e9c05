// Two windows on one host, each with the real store and persistence, saving through the real
// dispatcher and state file. Nothing a window saves may be erased by another, and one item the
// schema refuses must not stop the rest from being saved.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLabStore, type LabStore } from '../../../renderer/store'
import { startPersistence } from '../../../renderer/store/persistence'
import { parseInput } from '../../../shared/pki'
import { Profile, type In, type KeptCertificate, type LabTransport, type Method, type Out } from '../../../shared/contract'
import { directClient } from '../../support/clients'
import { testServices } from '../../support/services'

type Services = ReturnType<typeof testServices>
const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function openWindow(services: Services, client: string): Promise<LabStore> {
  const store = createLabStore(directClient(services, client))
  const stop = await startPersistence(store, directClient(services, client), 5)
  cleanups.push(stop)
  return store
}

async function until(check: () => boolean, what: string): Promise<void> {
  // Generous: saves are debounced and the machine may be busy with other test files.
  const deadline = Date.now() + 15_000
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

const profile = (id: string) => Profile.parse({ id, name: `Profile ${id}`, spec: { kind: 'practice', lab: 'default' } })

function freshServices(): Services {
  const services = testServices()
  cleanups.push(() => services.cleanup())
  return services
}

describe('persistence across windows', () => {
  it('window A’s new profile survives window B’s font change (was: B’s whole-state save erased it)', async () => {
    const services = freshServices()
    const a = await openWindow(services, 'window-a')
    const b = await openWindow(services, 'window-b')
    a.setState({ profiles: [profile('from-a')] })
    b.setState({ settings: { ...b.getState().settings, fontSize: 20 } })
    await until(() => b.getState().profiles.some((p) => p.id === 'from-a'), 'B to hear of A’s profile')
    await until(() => a.getState().settings.fontSize === 20, 'A to hear of B’s font size')

    const reloaded = await openWindow(services, 'window-c')
    expect(reloaded.getState().profiles.map((p) => p.id)).toEqual(['from-a'])
    expect(reloaded.getState().settings.fontSize).toBe(20)
  })

  it('two windows adding profiles at the same moment keep both, and say they merged', async () => {
    const services = freshServices()
    const a = await openWindow(services, 'window-a')
    const b = await openWindow(services, 'window-b')
    a.setState({ profiles: [profile('one')] })
    b.setState({ profiles: [profile('two')] })
    await until(
      () =>
        [a, b].every(
          (w) =>
            w
              .getState()
              .profiles.map((p) => p.id)
              .sort()
              .join() === 'one,two',
        ),
      'both windows to hold both profiles',
    )
    expect([a, b].some((w) => w.getState().notices.some((n) => /merged with a change saved from another window/.test(n.message)))).toBe(
      true,
    )
    const reloaded = await openWindow(services, 'window-c')
    await until(() => reloaded.getState().profiles.length === 2, 'the merge to be saved')
    expect(
      reloaded
        .getState()
        .profiles.map((p) => p.id)
        .sort(),
    ).toEqual(['one', 'two'])
  })

  it('an item over its size limit is left out with a notice, and everything else is still saved (was: every later save refused)', async () => {
    const services = freshServices()
    const a = await openWindow(services, 'window-a')
    const good: KeptCertificate = { id: 'good', name: 'good', pem: 'x', addedAt: '2026-12-01T00:00:00Z' }
    const huge: KeptCertificate = { id: 'huge', name: 'huge', pem: 'y'.repeat(70 * 1024), addedAt: '2026-12-01T00:00:00Z' }
    a.setState({ certificates: [good, huge] })
    await until(() => a.getState().notices.some((n) => /“huge” in certificates cannot be saved/.test(n.message)), 'the notice')
    a.setState({ profiles: [profile('later')] })
    const saved = path.join(services.userDataDir, 'lab-console-state.json')
    await until(() => fs.existsSync(saved) && fs.readFileSync(saved, 'utf8').includes('later'), 'the later save')
    const reloaded = await openWindow(services, 'window-b')
    expect(reloaded.getState().certificates.map((c) => c.id)).toEqual(['good'])
    expect(reloaded.getState().profiles.map((p) => p.id)).toEqual(['later'])
  })
})

describe('a window and the echo of its own save', () => {
  it('an undo made while a save is on its way is not undone by that save’s echo (was: a removed certificate came back)', async () => {
    const services = freshServices()
    const direct = directClient(services, 'window-a')
    let release: () => void = () => undefined
    let gated = 0
    // The save waits at this gate until the test lets it through: the user acts meanwhile.
    const gate = new Promise<void>((resolve) => (release = resolve))
    const transport: LabTransport = {
      async invoke<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
        if (method === 'state.save' && gated++ === 0) await gate
        return direct.invoke(method, input)
      },
      subscribe: (event, listener) => direct.subscribe(event, listener),
    }
    const store = createLabStore(transport)
    cleanups.push(await startPersistence(store, transport, 5))
    store.setState({ profiles: [profile('added')] })
    await until(() => gated === 1, 'the first save to be sent')
    store.setState({ profiles: [] })
    release()
    const saved = path.join(services.userDataDir, 'lab-console-state.json')
    await until(() => fs.existsSync(saved) && !fs.readFileSync(saved, 'utf8').includes('"added"') && gated >= 2, 'the undo to be saved')
    expect(store.getState().profiles).toEqual([])
  })
})

describe('the workbench and the saved state share one limit', () => {
  it('refuses a 66 kB certificate (1000 SANs) when it is added, with the reason', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-bigcert-'))
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const sans = Array.from({ length: 1000 }, (_, i) => `DNS:host-${i}.a-rather-long-lab-domain-name.example`).join(',')
    const config = path.join(dir, 'req.cnf')
    fs.writeFileSync(config, `[req]\ndistinguished_name=dn\nprompt=no\n[dn]\nCN=big\n[ext]\nsubjectAltName=${sans}\n`)
    const pem = execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        path.join(dir, 'k.pem'),
        '-config',
        config,
        '-extensions',
        'ext',
        '-days',
        '1',
      ],
      { encoding: 'utf8' },
    )
    expect(pem.length).toBeGreaterThan(64 * 1024)
    const store = createLabStore({ invoke: () => Promise.reject(new Error('no host')), subscribe: () => () => undefined })
    const report = store.getState().addParsedCertificates(parseInput(pem), 'big.pem')
    expect(report.added).toEqual([])
    expect(report.problems.map((p) => p.message).join(' ')).toMatch(/not added: its PEM is \d+ KiB.*up to 64 KiB/)
    expect(store.getState().certificates).toEqual([])
  })
})
