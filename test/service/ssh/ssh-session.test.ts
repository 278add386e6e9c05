// An open SSH session against a real sshd: window size, flow control without loss, how it
// ends (exit status, closed by us, link dropped), and the words used when connecting fails.
import { createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KnownHostsStore } from '../../../electron/services/known-hosts'
import { SshTransport } from '../../../electron/services/sessions/ssh'
import type { SshSpecParsed } from '../../../electron/services/sessions/ssh'
import { connectError } from '../../../electron/services/sessions/ssh/errors'
import { startSshd } from '../../support/sshd'
import type { Sshd } from '../../support/sshd'
import { freePort } from '../../support/sshd-process'
import { exitOf, Output, password, scripted, sshSpec, tempKnownHosts } from '../../support/sshd-session'

let server: Sshd
let known: Awaited<ReturnType<typeof tempKnownHosts>>

beforeAll(async () => {
  server = await startSshd()
  known = await tempKnownHosts()
  await known.seed(server)
})

afterAll(async () => {
  await server?.stop()
  await known?.cleanup()
})

async function openSession(
  size = { cols: 80, rows: 24 },
  extra: Partial<SshSpecParsed> = {},
): Promise<{ transport: SshTransport; output: Output }> {
  const transport = new SshTransport(sshSpec(server, extra), { knownHosts: new KnownHostsStore(known.path) })
  const output = new Output(transport)
  await transport.open(scripted([password(server.password)], size))
  await output.waitFor('Router>')
  return { transport, output }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** `show flood N` arrived whole: lines 1 to N, each once, in order. */
function expectEveryFloodLine(text: string, lines: number): void {
  const numbers = [...text.matchAll(/flood line (\d+) of \d+/g)].map((m) => Number(m[1]))
  expect(numbers).toHaveLength(lines)
  expect(numbers.every((n, i) => n === i + 1)).toBe(true)
}

describe('SSH session', () => {
  it('opens a pty of the context size and follows resize', async () => {
    const { transport, output } = await openSession({ cols: 100, rows: 30 })
    expect(transport.title).toBe(`labtest@127.0.0.1:${server.port}`)
    transport.write('show terminal\r')
    await output.waitFor('Length: 30 lines, Width: 100 columns')
    expect(output.text).toContain('Type: "xterm-256color"')
    transport.resize(132, 40)
    const mark = output.text.length
    transport.write('show terminal\r')
    await output.waitFor('Length: 40 lines, Width: 132 columns', 10_000, mark)
    transport.close()
  })

  it('holds output while paused and delivers every line, in order, after resume', async () => {
    const { transport, output } = await openSession()
    const lines = 60_000 // about 5 MB: more than ssh2's window plus its read buffer
    transport.pause()
    const before = output.chunks
    transport.write(`show flood ${lines}\r`)
    await sleep(1500)
    expect(output.chunks).toBe(before)
    transport.resume()
    await output.waitFor('flood done', 30_000)

    expectEveryFloodLine(output.text, lines)
    transport.close()
  })

  it('pauses and resumes repeatedly mid-stream without losing bytes', async () => {
    const { transport, output } = await openSession()
    const lines = 100_000
    transport.write(`show flood ${lines}\r`)
    await output.waitFor('flood line 000001')
    for (let cycle = 0; cycle < 5; cycle += 1) {
      transport.pause()
      if (cycle === 0) expect(output.text).not.toContain('flood done')
      const held = output.chunks
      await sleep(100)
      expect(output.chunks).toBe(held)
      transport.resume()
      await sleep(20)
    }
    await output.waitFor('flood done', 30_000)
    expectEveryFloodLine(output.text, lines)
    transport.close()
  })

  it('reports the exit status when the router ends the session', async () => {
    const { transport } = await openSession()
    const exited = exitOf(transport)
    transport.write('exit 3\r')
    const info = await exited
    expect(info).toMatchObject({ reason: 'Session ended (exit status 3).', exitCode: 3 })
    expect(info.error).toBeFalsy()
  })

  it('reports a lost connection as an error when the server dies mid-session', async () => {
    const { transport } = await openSession({ cols: 80, rows: 24 }, { keepaliveSeconds: 1 })
    const exits: unknown[] = []
    transport.onExit((info) => exits.push(info))
    const exited = exitOf(transport)
    expect(await server.dropConnections()).toBeGreaterThan(0)
    const info = await exited
    expect(info.error).toBe(true)
    expect(info.reason).toMatch(/^Connection lost: /)
    expect(info.reason).toContain(`127.0.0.1:${server.port}`)
    await sleep(100)
    expect(exits).toHaveLength(1)
  })

  it('notices a router that stops answering through keepalives', async () => {
    const { transport } = await openSession({ cols: 80, rows: 24 }, { keepaliveSeconds: 1 })
    const exited = exitOf(transport)
    const started = Date.now()
    expect(await server.freezeConnections()).toBeGreaterThan(0)
    try {
      const info = await exited
      expect(info).toEqual({ reason: `Connection lost: 127.0.0.1:${server.port} did not answer keepalives for 3 s.`, error: true })
      // Keepalives, not TCP's own timeout (minutes); generous for a busy machine.
      expect(Date.now() - started).toBeLessThan(30_000)
    } finally {
      await server.dropConnections()
    }
  })

  it('fires exit once when closed by the user', async () => {
    const { transport } = await openSession()
    const exits: unknown[] = []
    transport.onExit((info) => exits.push(info))
    transport.close()
    transport.close()
    await sleep(200)
    expect(exits).toEqual([{ reason: 'Session closed.' }])
  })
})

describe('SSH connect failures', () => {
  it('does not count the time the user takes to answer against the router', async () => {
    // The user takes longer than the whole login timeout; the handshake alone must fit in it,
    // which on a busy machine can take seconds (was 1 s, which failed under load).
    const transport = new SshTransport(sshSpec(server), { knownHosts: new KnownHostsStore(known.path), loginTimeoutMs: 6000 })
    const slowUser = async (): Promise<{ answers: string[] }> => {
      await sleep(9000)
      return { answers: [server.password] }
    }
    const output = new Output(transport)
    await transport.open(scripted([slowUser]))
    await output.waitFor('Router>')
    transport.close()
  })

  it('cancels a login in progress when closed while a question is open', async () => {
    const transport = new SshTransport(sshSpec(server), { knownHosts: new KnownHostsStore(known.path) })
    const exits: unknown[] = []
    transport.onExit((info) => exits.push(info))
    const userWalksAway = (): Promise<never> => {
      transport.close()
      return new Promise<never>(() => undefined)
    }
    await expect(transport.open(scripted([userWalksAway]))).rejects.toThrow(`Connection to labtest@127.0.0.1:${server.port} cancelled.`)
    expect(exits).toEqual([{ reason: 'Session closed.' }])
  })

  it('explains a refused connection', async () => {
    const port = await freePort()
    const transport = new SshTransport(sshSpec(server, { port }), { knownHosts: new KnownHostsStore(known.path) })
    await expect(transport.open(scripted([]))).rejects.toThrow(
      `Connection refused by 127.0.0.1:${port} — is SSH enabled on the router (ip ssh, transport input ssh)?`,
    )
  })

  it('times out when the port answers but never speaks SSH', async () => {
    const sockets: Socket[] = []
    const silent: Server = createServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const address = silent.address()
    const port = typeof address === 'object' && address ? address.port : 0
    try {
      const transport = new SshTransport(sshSpec(server, { port }), { knownHosts: new KnownHostsStore(known.path), loginTimeoutMs: 800 })
      const started = Date.now()
      await expect(transport.open(scripted([]))).rejects.toThrow(`127.0.0.1:${port} did not complete the SSH login within 1 s.`)
      // The login timer, not a hang; generous for a busy machine.
      expect(Date.now() - started).toBeLessThan(30_000)
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => silent.close(resolve))
    }
  })

  it('words DNS failures and unreachable hosts for the user', () => {
    // Real lookups would leave the machine, so the errors Node raises are built here.
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND router1.lab'), { code: 'ENOTFOUND' })
    expect(connectError({ host: 'router1.lab', port: 22 }, dns).message).toBe(
      "Cannot resolve the host name 'router1.lab' (DNS lookup failed) — check the spelling or use the router's IP address.",
    )
    const unreachable = Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' })
    expect(connectError({ host: '10.1.1.1', port: 22 }, unreachable).message).toMatch(/^No route to 10\.1\.1\.1/)
  })
})
