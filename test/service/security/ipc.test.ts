import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { attachElectronAdapter, type IpcMainLike, type InvokeEventLike } from '../../../electron/ipc/electron-adapter'
import { createLabBridge, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/preload-api'
import { testServices } from '../../support/services'

describe('Electron IPC adapter (security item 3)', () => {
  const services = testServices()
  let handler: ((event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>) | undefined
  const ipc: IpcMainLike = { handle: (_c, h) => (handler = h), removeHandler: () => (handler = undefined) }
  const sent: unknown[][] = []
  const adapter = attachElectronAdapter(ipc, services)
  adapter.track({ id: 1, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args), on: () => undefined })
  const call = (frame: InvokeEventLike['senderFrame'], method: string, input: unknown) =>
    handler?.({ senderFrame: frame, sender: { id: 1 } }, method, input)

  it('serves the app main frame through the validating dispatcher', async () => {
    expect(await call({ url: 'app://lab/index.html', parent: null }, 'app.info', null)).toMatchObject({
      ok: true,
      output: { name: 'Lab Console' },
    })
    expect(await call({ url: 'app://lab/index.html', parent: null }, 'session.resize', { id: 's1', cols: 'wide', rows: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'input.cols' }] },
    })
  })

  it('refuses iframes, foreign origins and missing frames before looking at the payload', async () => {
    for (const frame of [{ url: 'app://lab/index.html', parent: {} }, { url: 'https://evil.example/', parent: null }, null]) {
      expect(await call(frame, 'app.info', null)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
  })

  it('forwards events to windows on one channel and stops on detach', () => {
    services.hub.emit('app.notice', { level: 'info', message: 'hi' })
    expect(sent).toEqual([[EVENT_CHANNEL, 'app.notice', { level: 'info', message: 'hi' }]])
    adapter.detach()
    expect(handler).toBeUndefined()
    services.cleanup()
  })
})

describe('preload surface (security item 4)', () => {
  type Listener = (event: unknown, ...args: unknown[]) => void
  const listeners = new Map<string, Set<Listener>>()
  const invoked: unknown[][] = []
  const ipc = {
    invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, output: null }),
    on: (channel: string, l: Listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel: string, l: Listener) => listeners.get(channel)?.delete(l),
  }
  const bridge = createLabBridge(ipc)

  it('exposes exactly invoke and subscribe, frozen', () => {
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe'])
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('invokes on the one channel only', async () => {
    await bridge.invoke('app.info', null)
    expect(invoked).toEqual([[INVOKE_CHANNEL, 'app.info', null]])
  })

  it('gives listeners the payload, never the IPC event (which carries sender)', () => {
    const got: unknown[][] = []
    const stop = bridge.subscribe('session.state', (...args: unknown[]) => got.push(args))
    const ipcEvent = { sender: { send: () => undefined } }
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) {
      l(ipcEvent, 'session.state', { id: 's1' })
      l(ipcEvent, 'session.data', { id: 's1', data: 'x' })
    }
    expect(got).toEqual([[{ id: 's1' }]])
    stop()
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(0)
  })

  it('the built preload exposes only window.lab and imports nothing but electron', () => {
    const built = fs.readFileSync(path.resolve('out/preload/preload.cjs'), 'utf8')
    expect(built.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(built).toMatch(/exposeInMainWorld\(\s*["']lab["']/)
    const requires = [...built.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(new Set(requires)).toEqual(new Set(['electron']))
  })
})
