// What a device or server sends can never end the process: each of these once threw out of an
// event (EventHub.emit) inside a transport callback, with nothing to catch it. Driven through the
// real services and dispatcher; the peers are a raw TCP "SSH server" and scripted transports.
import fs from 'node:fs'
import path from 'node:path'
import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { LIMITS, type EventName, type SessionInfo } from '../../../shared/contract'
import type { TransportContext } from '../../../electron/services/sessions/transport'
import { testServices } from '../../support/services'
import { FakeDevice } from '../../support/fake-device'

type Services = ReturnType<typeof testServices>
const opened: Services[] = []
const servers: Server[] = []

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.cleanup()))
  for (const s of servers.splice(0)) s.close()
})

/** A device that prints a script on connect and otherwise stays quiet. */
class ScriptedDevice extends FakeDevice {
  constructor(
    readonly title: string,
    private readonly script: string,
  ) {
    super()
  }
  async open(_ctx: TransportContext): Promise<void> {
    setTimeout(() => this.emitData(new TextEncoder().encode(this.script)), 5)
  }
}

function servicesWithDevice(device: () => ScriptedDevice): { services: Services; events: Array<{ event: EventName; payload: unknown }> } {
  const services = testServices({ transports: { shell: () => device() } })
  opened.push(services)
  const events: Array<{ event: EventName; payload: unknown }> = []
  services.hub.listen((event, payload) => events.push({ event, payload }))
  return { services, events }
}

async function until<T>(find: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  // Generous: the machine running the suite may be busy with other work.
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

const pem = fs.readFileSync(path.resolve('test/fixtures/ios/testCA.pem'), 'utf8').trim()

/** An SSH server whose KEXINIT lists hundreds of algorithms nobody supports. */
function kexinitFlood(count: number): Buffer {
  const list = Array.from({ length: count }, (_, i) => `bogus-algorithm-${i}@evil.example`).join(',')
  const parts: Buffer[] = [Buffer.from([20]), Buffer.alloc(16, 7)]
  for (let i = 0; i < 10; i++) {
    const name = Buffer.from(list)
    const len = Buffer.alloc(4)
    len.writeUInt32BE(name.length)
    parts.push(len, name)
  }
  parts.push(Buffer.from([0]), Buffer.alloc(4))
  const payload = Buffer.concat(parts)
  let padding = 8 - ((payload.length + 5) % 8)
  if (padding < 4) padding += 8
  const header = Buffer.alloc(5)
  header.writeUInt32BE(payload.length + padding + 1)
  header.writeUInt8(padding, 4)
  return Buffer.concat([header, payload, Buffer.alloc(padding)])
}

describe('a hostile peer cannot end the process', () => {
  it('an SSH server with huge algorithm lists fails the session with a shortened reason (was: uncaught, process ended)', async () => {
    const server = createServer((socket) => {
      socket.on('error', () => undefined)
      socket.write('SSH-2.0-Hostile_1.0\r\n')
      // ssh2 refuses packets over 35000 bytes: ~3000 characters per list, ten lists.
      socket.write(kexinitFlood(90))
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    const services = testServices()
    opened.push(services)
    const states: SessionInfo[] = []
    services.hub.listen((event, payload) => {
      if (event === 'session.state') states.push(payload as SessionInfo)
    })
    const result = await services.dispatch(
      'session.open',
      { spec: { kind: 'ssh', host: '127.0.0.1', port, username: 'x' }, cols: 80, rows: 24 },
      { client: 'c1' },
    )
    expect(result.ok).toBe(true)
    const failed = await until(() => states.find((s) => s.state === 'error'), 'the session to fail')
    expect(failed.reason?.length).toBeLessThanOrEqual(LIMITS.session.reason)
    expect(failed.reason).toMatch(/algorithm|match|key exchange/i)
  })

  it('a failure reason of any length is shortened where the state is made, keeping both ends', async () => {
    class FailingDevice extends ScriptedDevice {
      override async open(): Promise<void> {
        throw new Error(`refused: ${'x'.repeat(20_000)} (the cause is at the end)`)
      }
    }
    const { services, events } = servicesWithDevice(() => new FailingDevice('dev', ''))
    await services.dispatch('session.open', { spec: { kind: 'shell' }, cols: 80, rows: 24 }, { client: 'c1' })
    const failed = await until(
      () => events.find((e) => e.event === 'session.state' && (e.payload as SessionInfo).state === 'error'),
      'the session to fail',
    )
    const reason = (failed.payload as SessionInfo).reason ?? ''
    expect(reason.length).toBeLessThanOrEqual(LIMITS.session.reason)
    expect(reason.startsWith('refused:')).toBe(true)
    expect(reason.endsWith('(the cause is at the end)')).toBe(true)
    expect(reason).toContain('…')
  })

  it('nine certificates in one export reach the workbench in two events (was: blocks over 8 threw)', async () => {
    const blocks = Array.from({ length: 9 }, () => `% CA certificate:\r\n${pem.replace(/\n/g, '\r\n')}\r\n`).join('')
    const { services, events } = servicesWithDevice(() => new ScriptedDevice('dev', `${blocks}\r\nRouter#`))
    await services.dispatch('session.open', { spec: { kind: 'shell' }, cols: 80, rows: 24 }, { client: 'c1' })
    const certs = await until(() => {
      const found = events.filter((e) => e.event === 'session.certificates')
      return found.length >= 2 ? found : undefined
    }, 'the certificate events')
    const counts = certs.map((e) => (e.payload as { blocks: unknown[] }).blocks.length)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(9)
    expect(Math.max(...counts)).toBeLessThanOrEqual(LIMITS.certificates.perEvent)
  })

  it('an echoed export of a 70-character trustpoint keeps the certificates, name shortened (was: trustpoint over 64 threw)', async () => {
    const name = 'T'.repeat(70)
    const script = `Router#crypto pki export ${name} pem terminal\r\n% CA certificate:\r\n${pem.replace(/\n/g, '\r\n')}\r\nRouter#`
    const { services, events } = servicesWithDevice(() => new ScriptedDevice('dev', script))
    await services.dispatch('session.open', { spec: { kind: 'shell' }, cols: 80, rows: 24 }, { client: 'c1' })
    const event = await until(() => events.find((e) => e.event === 'session.certificates'), 'the certificate event')
    const payload = event.payload as { trustpoint: string; blocks: unknown[] }
    expect(payload.blocks).toHaveLength(1)
    expect(payload.trustpoint.length).toBeLessThanOrEqual(LIMITS.certificates.trustpoint)
    expect(payload.trustpoint.endsWith('…')).toBe(true)
  })

  it('a title over 256 characters is shortened where the state is made (was: session.open threw inside an unawaited call)', async () => {
    const title = `${'u'.repeat(200)}@${'h'.repeat(200)}`
    const { services, events } = servicesWithDevice(() => new ScriptedDevice(title, 'Router>'))
    const result = await services.dispatch('session.open', { spec: { kind: 'shell' }, cols: 80, rows: 24 }, { client: 'c1' })
    expect(result.ok).toBe(true)
    const open = await until(
      () => events.find((e) => e.event === 'session.state' && (e.payload as SessionInfo).state === 'open'),
      'the session to open',
    )
    const info = open.payload as SessionInfo
    expect(info.title.length).toBeLessThanOrEqual(LIMITS.session.title)
    expect(info.title.startsWith('uuu')).toBe(true)
  })

  it('an event that still breaks its contract is dropped and reported as a notice, never thrown', () => {
    const services = testServices()
    opened.push(services)
    const notices: unknown[] = []
    services.hub.listen((event, payload) => {
      if (event === 'app.notice') notices.push(payload)
    })
    const delivered = services.hub.emit('session.certificates', { id: 's1', trustpoint: 'x'.repeat(100), blocks: [] })
    expect(delivered).toBe(false)
    expect(JSON.stringify(notices)).toContain('session.certificates')
  })

  it('a listener that throws does not stop the others', () => {
    const services = testServices()
    opened.push(services)
    const seen: string[] = []
    services.hub.listen(() => {
      throw new Error('adapter bug')
    })
    services.hub.listen((event) => seen.push(event))
    expect(() => services.hub.emit('serial.ports', { ports: [] })).not.toThrow()
    expect(seen).toContain('serial.ports')
  })

  it('keeps the whole of a shortened reason in the session log, where the session had output', async () => {
    const cause = `link lost: ${'detail '.repeat(1000)}end of detail`
    class DroppingDevice extends ScriptedDevice {
      override async open(): Promise<void> {
        await super.open({ cols: 80, rows: 24, prompt: async () => ({}) })
        setTimeout(() => this.emitExit({ reason: cause, error: true }), 50)
      }
    }
    const { services, events } = servicesWithDevice(() => new DroppingDevice('dev', 'Router>'))
    await services.dispatch(
      'session.open',
      { spec: { kind: 'shell' }, cols: 80, rows: 24, options: { log: { enabled: true, mode: 'raw' } } },
      { client: 'c1' },
    )
    const failed = await until(
      () => events.find((e) => e.event === 'session.state' && (e.payload as SessionInfo).state === 'error'),
      'the session to end',
    )
    expect((failed.payload as SessionInfo).reason?.length).toBeLessThanOrEqual(LIMITS.session.reason)
    const logs = path.join(services.userDataDir, 'logs')
    const logged = await until(() => {
      const files = fs.existsSync(logs) ? fs.readdirSync(logs) : []
      const text = files.map((f) => fs.readFileSync(path.join(logs, f), 'utf8')).join('')
      return text.includes('end of detail') ? text : undefined
    }, 'the reason in the log')
    expect(logged).toContain(`[Lab Console] Session ended: ${cause}`)
  })
})
