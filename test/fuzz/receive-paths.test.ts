// Random and adversarial bytes through every way output reaches the app: the session's receive
// path (decoding, line handling, hex view, log, router watch, events) for every session kind,
// the serial transport on a real pty pair, the SSH handshake reader, and the practice router's
// input. Nothing may throw, drop an event, or end a session through a bug of ours.
import fs from 'node:fs'
import { createServer, type Server } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SerialSpec, type SessionKind } from '../../shared/contract'
import type { TransportContext } from '../../electron/services/sessions/transport'
import { parseServerKexInit } from '../../electron/services/sessions/ssh/kexinit'
import { SerialTransport } from '../../electron/services/sessions/serial/serial-transport'
import { SshTransport } from '../../electron/services/sessions/ssh'
import { KnownHostsStore } from '../../electron/services/known-hosts'
import { PracticeRouter } from '../../electron/services/practice-router'
import { startSocatPair, type SocatPair } from '../support/socat'
import { testServices } from '../support/services'
import { FUZZ_SLOW_RUNS, FUZZ_TIMEOUT_MS, hostileBytes, params, printTotals, report } from './fuzz-config'
import { FakeDevice } from '../support/fake-device'

/** Stands in for any transport: hands the session whatever bytes the run chose. */
class HostileDevice extends FakeDevice {
  static next: Uint8Array[] = []
  readonly title = 'hostile device'
  async open(_ctx: TransportContext): Promise<void> {
    for (const chunk of HostileDevice.next) this.emitData(chunk)
  }
}

const device = (): HostileDevice => new HostileDevice()
const services = testServices({ transports: { shell: device, ssh: device, serial: device, practice: device, telnet: device } })
const problems: string[] = []
const ended: string[] = []
services.hub.onProblem(({ message }) => problems.push(message))
services.hub.listen((event, payload) => {
  const p = payload as { state?: string; reason?: string }
  if (event === 'session.state' && p.state === 'error') ended.push(p.reason ?? '')
})

let pair: SocatPair
beforeAll(async () => {
  pair = await startSocatPair()
})
afterAll(async () => {
  await pair?.dispose()
  services.cleanup()
  printTotals('receive paths')
})

const specs: Record<SessionKind, unknown> = {
  shell: { kind: 'shell' },
  practice: { kind: 'practice' },
  ssh: { kind: 'ssh', host: '127.0.0.1', username: 'fuzz' },
  serial: { kind: 'serial', path: '/dev/null' },
  telnet: { kind: 'telnet', host: '127.0.0.1' },
}

describe('fuzz: hostile output never takes the app down', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('the session receive path of every kind, with every line handling and a log', async () => {
    let inputs = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(specs) as SessionKind[])),
        fc.array(hostileBytes(), { maxLength: 6 }),
        fc.record({ receiveLfToCrlf: fc.boolean(), localEcho: fc.boolean(), hexView: fc.boolean() }),
        fc.constantFrom('raw', 'text'),
        async (kind, chunks, lineHandling, mode) => {
          inputs++
          HostileDevice.next = chunks
          const result = await services.dispatch(
            'session.open',
            { spec: specs[kind], cols: 80, rows: 24, options: { lineHandling, log: { enabled: true, mode, timestamps: true } } },
            { client: 'fuzz' },
          )
          expect(result.ok).toBe(true)
          if (result.ok) {
            const { id } = result.output as { id: string }
            await services.dispatch('session.tail', { id }, { client: 'fuzz' })
            await services.dispatch('session.close', { id }, { client: 'fuzz' })
          }
          expect(problems).toEqual([])
          expect(ended.filter((r) => r.includes('Lab Console failed'))).toEqual([])
        },
      ),
      params,
    )
    report(`session receive path (${Object.keys(specs).length} kinds)`, inputs, 0)
  })

  it('the serial transport on a real pty pair, garbage at any speed', async () => {
    const transport = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: pair.a }))
    let received = 0
    let exited = false
    transport.onData((chunk) => (received += chunk.length))
    transport.onExit(() => (exited = true))
    await transport.open()
    // Written from the thread pool: a blocking write would stop the loop that reads the other end.
    const far = await fs.promises.open(pair.b, 'w')
    let inputs = 0
    let sent = 0
    try {
      await fc.assert(
        fc.asyncProperty(hostileBytes(), async (bytes) => {
          inputs++
          await far.write(bytes)
          sent += bytes.length
        }),
        { ...params, numRuns: FUZZ_SLOW_RUNS },
      )
      // Everything written arrives: garbage may warn, never drop or end the session.
      const deadline = Date.now() + 20_000
      while (received < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      expect(received).toBe(sent)
      expect(exited).toBe(false)
    } finally {
      await far.close()
      transport.close()
    }
    report('serial transport (socat pty)', inputs, 0)
  })

  it('the SSH handshake reader, and a "server" that answers with garbage', async () => {
    let inputs = 0
    fc.assert(
      fc.property(hostileBytes(), fc.boolean(), (bytes, withIdent) => {
        inputs++
        parseServerKexInit(Buffer.concat([withIdent ? Buffer.from('SSH-2.0-x\r\n') : Buffer.alloc(0), bytes]))
      }),
      params,
    )
    const garbage: Uint8Array[] = []
    const server: Server = createServer((socket) => {
      socket.on('error', () => undefined)
      socket.end(garbage.shift() ?? new Uint8Array())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    const known = new KnownHostsStore(`${services.userDataDir}/known_hosts_fuzz`)
    try {
      await fc.assert(
        fc.asyncProperty(hostileBytes(), async (bytes) => {
          inputs++
          garbage.push(bytes)
          const transport = new SshTransport(
            { kind: 'ssh', host: '127.0.0.1', port, username: 'fuzz', auth: 'password', legacyAlgorithms: false, keepaliveSeconds: 0 },
            { knownHosts: known, loginTimeoutMs: 5000 },
          )
          const outcome = await transport.open({ cols: 80, rows: 24, prompt: async () => ({ accept: false }) }).then(
            () => 'open',
            (err: Error) => err.message,
          )
          transport.close()
          expect(outcome).not.toBe('open')
          expect(outcome.length).toBeGreaterThan(0)
        }),
        { ...params, numRuns: FUZZ_SLOW_RUNS },
      )
    } finally {
      server.close()
    }
    report('SSH handshake', inputs, 0)
  })

  it('the practice router, typed at by a cat on the keyboard', () => {
    let inputs = 0
    fc.assert(
      fc.property(fc.array(hostileBytes(), { maxLength: 8 }), (keys) => {
        inputs++
        const router = new PracticeRouter({ seed: 'fuzz' })
        router.onOutput(() => undefined)
        router.start()
        for (const k of keys) router.input(Buffer.from(k).toString('latin1'))
        router.dispose()
      }),
      { ...params, numRuns: FUZZ_SLOW_RUNS },
    )
    report('practice router input', inputs, 0)
  })
})
