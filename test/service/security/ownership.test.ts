import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { methods, type ContractError } from '../../../shared/contract'
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host'
import { directClient, waitForState, wsClient, type TestClient } from '../../support/clients'
import { testServices } from '../../support/services'

/**
 * Sessions belong to the client (window or WebSocket connection) that opened them. Every call
 * that touches a session by id is tried from a second client, which must get a "not yours"
 * error, while the owner's session carries on untouched.
 */
function ownershipSuite(
  name: string,
  connect: (services: ReturnType<typeof testServices>) => Promise<{ owner: TestClient; other: TestClient; stop(): Promise<void> }>,
) {
  describe(`session ownership via ${name}`, () => {
    const services = testServices()
    let owner: TestClient
    let other: TestClient
    let stop: () => Promise<void>
    let id: string

    beforeAll(async () => {
      ;({ owner, other, stop } = await connect(services))
      ;({ id } = await owner.invoke('session.open', { spec: { kind: 'practice', lab: 'owned', seed: 'owned' }, cols: 80, rows: 24 }))
      await waitForState(owner, id, (s) => s.state === 'open')
    })
    afterAll(async () => {
      await other.close()
      await owner.close()
      await stop()
      services.cleanup()
    })

    const notYours = async (call: Promise<unknown>): Promise<void> => {
      const err = (await call.then(
        () => new Error('the call was accepted'),
        (e: unknown) => e,
      )) as ContractError
      expect(err).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/not yours/) })
    }

    it('without the owner check, another client could type into the session (write)', async () => {
      await notYours(other.invoke('session.write', { id, data: 'reload\r' }))
    })

    it('without the owner check, another client could resize, acknowledge or answer prompts of the session', async () => {
      await notYours(other.invoke('session.resize', { id, cols: 20, rows: 5 }))
      await notYours(other.invoke('session.ack', { id, chars: 1_000_000 }))
      await notYours(other.invoke('session.respond', { id, promptId: 'p1', accept: true }))
    })

    it('without the owner check, another client could read the session (tail) or run commands in it (exec, paced send)', async () => {
      await notYours(other.invoke('session.tail', { id }))
      await notYours(other.invoke('session.exec', { id, lines: ['show running-config'] }))
      await notYours(other.invoke('session.pacedSend', { id, text: 'show clock\n' }))
      await notYours(other.invoke('session.cancelSend', { id }))
      await notYours(other.invoke('session.break', { id }))
    })

    it('without the owner check, another client could start or stop its log, or change its line speed', async () => {
      await notYours(other.invoke('session.logStart', { id }))
      await notYours(other.invoke('session.logStop', { id }))
      await notYours(other.invoke('session.setBaudRate', { id, baudRate: 9600 }))
    })

    it('checks every method that names a session (a new one must be added here)', () => {
      const checkedHere = [
        'session.write',
        'session.resize',
        'session.ack',
        'session.respond',
        'session.tail',
        'session.exec',
        'session.pacedSend',
        'session.cancelSend',
        'session.break',
        'session.logStart',
        'session.logStop',
        'session.setBaudRate',
        'session.close',
      ]
      const naming = Object.keys(methods).filter((m) => m.startsWith('session.') && m !== 'session.open' && m !== 'session.list')
      expect(naming.filter((m) => !checkedHere.includes(m))).toEqual([])
    })

    it('without the owner check, another client could close the session', async () => {
      await notYours(other.invoke('session.close', { id }))
      expect((await other.invoke('session.list', null)).map((s) => s.id)).not.toContain(id)
    })

    it('leaves the owner in full control', async () => {
      expect((await owner.invoke('session.list', null)).find((s) => s.id === id)?.state).toBe('open')
      expect((await owner.invoke('session.exec', { id, lines: [''] })).prompt?.text).toBe('VG-CME-1>')
      await owner.invoke('session.close', { id })
      // Closing a session that is already gone stays quiet for anyone (a window may race its own close).
      await owner.invoke('session.close', { id })
      await other.invoke('session.close', { id })
    })
  })
}

ownershipSuite('the direct dispatcher', async (services) => ({
  owner: directClient(services, 'window-a'),
  other: directClient(services, 'window-b'),
  stop: async () => undefined,
}))

ownershipSuite('two browser host WebSockets', async (services) => {
  const host: BrowserHost = await startBrowserHost({ services, rendererDir: path.resolve('out/renderer') })
  return { owner: await wsClient(host.port, host.token), other: await wsClient(host.port, host.token), stop: () => host.close() }
})
