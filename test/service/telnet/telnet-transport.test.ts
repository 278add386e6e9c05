import { execFileSync } from 'node:child_process'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SerialPort } from 'serialport'
import { TelnetSpec } from '../../../shared/contract/sessions'
import { TelnetTransport, lineSettingsCommands, parseComPortReply } from '../../../electron/services/sessions/telnet'
import type { TransportContext } from '../../../electron/services/sessions/transport'
import { startTelnetd, type Telnetd } from '../../support/telnetd'
import { startRfc2217Server, type Rfc2217Server } from '../../support/rfc2217-server'
import { startSocatPair, type SocatPair } from '../../support/socat'

const ctx = (cols = 80, rows = 24): TransportContext => ({
  cols,
  rows,
  prompt: () => Promise.reject(new Error('telnet asks nothing')),
})

/** Collects a transport's output as text. */
function collect(transport: TelnetTransport): { text: () => string } {
  let text = ''
  const decoder = new TextDecoder()
  transport.onData((chunk) => (text += decoder.decode(chunk, { stream: true })))
  return { text: () => text }
}

// Generous: telnetd starts a shell per connection, which takes a while on a loaded machine.
const SLOW = { timeout: 15_000, interval: 50 }

describe('telnet to a real telnet server (inetutils-telnetd on 127.0.0.1)', () => {
  let telnetd: Telnetd
  beforeAll(async () => {
    telnetd = await startTelnetd()
  })
  afterAll(async () => {
    await telnetd?.stop()
  })

  it('negotiates echo, terminal type and window size, and sends a new size on resize (NAWS)', async () => {
    const transport = new TelnetTransport(TelnetSpec.parse({ kind: 'telnet', host: telnetd.host, port: telnetd.port }))
    const out = collect(transport)
    await transport.open(ctx(91, 27))
    try {
      await expect.poll(out.text, SLOW).toContain('telnet-lab$ ')
      transport.write('echo "T=$TERM"; stty size\r')
      // The server echoes (WILL ECHO through its pty) and reports what it applied.
      await expect.poll(out.text, SLOW).toMatch(/T=xterm-256color\r?\n27 91\r?\n/)
      transport.resize(132, 40)
      transport.write('stty size\r')
      await expect.poll(out.text, SLOW).toMatch(/40 132\r?\n/)
    } finally {
      transport.close()
    }
  })

  it('passes bytes 255 and CR through the protocol intact', async () => {
    const transport = new TelnetTransport(TelnetSpec.parse({ kind: 'telnet', host: telnetd.host, port: telnetd.port }))
    const out = collect(transport)
    await transport.open(ctx())
    try {
      await expect.poll(out.text, SLOW).toContain('telnet-lab$ ')
      // printf writes a 0xFF byte: the server must double it (IAC IAC) and we must undouble it.
      transport.write("printf 'A\\377B\\n' | od -An -tx1\r")
      await expect.poll(out.text, SLOW).toMatch(/41 ff 42 0a/)
    } finally {
      transport.close()
    }
  })

  it('says "Disconnected" when closed by the user and reports the server closing', async () => {
    const transport = new TelnetTransport(TelnetSpec.parse({ kind: 'telnet', host: telnetd.host, port: telnetd.port }))
    const out = collect(transport)
    const exits: string[] = []
    transport.onExit((e) => exits.push(e.reason))
    await transport.open(ctx())
    await expect.poll(out.text, SLOW).toContain('telnet-lab$ ')
    transport.write('exit\r')
    await expect.poll(() => exits, SLOW).toEqual([`${telnetd.host}:${telnetd.port} closed the connection`])
  })

  it('refuses to set a line speed on plain telnet, saying how to get RFC 2217', async () => {
    const transport = new TelnetTransport(TelnetSpec.parse({ kind: 'telnet', host: telnetd.host, port: telnetd.port }))
    await expect(transport.setBaudRate(19200)).rejects.toThrow(/plain telnet: turn on "Set the serial line \(RFC 2217\)"/)
  })

  it('explains a refused port', async () => {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as net.AddressInfo).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const transport = new TelnetTransport(TelnetSpec.parse({ kind: 'telnet', host: '127.0.0.1', port }))
    await expect(transport.open(ctx())).rejects.toThrow(/refused the connection: check the port/)
  })
})

describe("RFC 2217 to pyserial's rfc2217_server.py serving a socat pty", () => {
  let pair: SocatPair
  let server: Rfc2217Server
  let device: SerialPort
  let fromTelnet = ''
  beforeAll(async () => {
    pair = await startSocatPair()
    server = await startRfc2217Server(pair.a)
    device = await new Promise<SerialPort>((resolve, reject) => {
      const port = new SerialPort({ path: pair.b, baudRate: 9600 }, (err) => (err ? reject(err) : resolve(port)))
    })
    device.on('data', (chunk: Buffer) => (fromTelnet += chunk.toString('latin1')))
  })
  afterAll(async () => {
    if (device?.isOpen) await new Promise((resolve) => device.close(resolve))
    await server?.stop()
    await pair?.dispose()
  })

  // Linux ptys refuse any frame but 8N1 (the kernel forces CS8 and no parity on them, and
  // pyserial's server dies on the EINVAL), so the far line here changes speed only; the frame
  // codes are checked byte for byte against RFC 2217 below.
  it('sets the far line to 19200 baud, moves data both ways and holds BREAK', async () => {
    const spec = TelnetSpec.parse({
      kind: 'telnet',
      host: server.host,
      port: server.port,
      comPort: { baudRate: 19200 },
    })
    const transport = new TelnetTransport(spec)
    const out = collect(transport)
    const warnings: string[] = []
    transport.onCondition((c) => c.warning && warnings.push(c.warning))
    expect(transport.title).toBe(`telnet 127.0.0.1:${server.port} (RFC 2217, 19200 8N1)`)
    await transport.open(ctx())
    try {
      // The server applies and logs each request in turn; stop bits come last.
      await expect.poll(server.log, SLOW).toMatch(/set baud rate: 19200[\s\S]*set stop bits: 1/)
      // The pty the server drives now really runs at 19200 (it was opened at 9600).
      const stty = execFileSync('stty', ['-F', pair.a, '-a'], { encoding: 'utf8' })
      expect(stty).toMatch(/speed 19200 baud/)
      expect(transport.lineRate).toBe(19200)

      transport.write('show version\r')
      await expect.poll(() => fromTelnet, SLOW).toContain('show version\r')
      device.write('Router>')
      await expect.poll(out.text, SLOW).toContain('Router>')

      await transport.sendBreak(250)
      await expect.poll(server.log, SLOW).toMatch(/changed BREAK to active[\s\S]*changed BREAK to inactive/)

      // A new speed while connected (after `speed 38400` on the router's line): confirmed by the server.
      await expect(transport.setBaudRate(38400)).resolves.toBe(38400)
      expect(execFileSync('stty', ['-F', pair.a, 'speed'], { encoding: 'utf8' }).trim()).toBe('38400')
      expect(transport.lineRate).toBe(38400)
      expect(warnings).toEqual([])
    } finally {
      transport.close()
    }
  })
})

describe('RFC 2217 encoding', () => {
  it("asks for speed, data size, parity, stop size and no flow control with the RFC's codes", () => {
    const bytes = lineSettingsCommands({ baudRate: 115200, dataBits: 7, parity: 'even', stopBits: 1.5 }).map((b) => [...b])
    // IAC SB COM-PORT-OPTION(44) <command> <value> IAC SE; 115200 = 0x0001C200 big-endian.
    expect(bytes).toEqual([
      [255, 250, 44, 1, 0x00, 0x01, 0xc2, 0x00, 255, 240],
      [255, 250, 44, 2, 7, 255, 240],
      [255, 250, 44, 3, 3, 255, 240],
      [255, 250, 44, 4, 3, 255, 240],
      [255, 250, 44, 5, 1, 255, 240],
    ])
  })

  it("reads the server's answers (code + 100)", () => {
    expect(parseComPortReply(Uint8Array.from([101, 0, 0, 0x4b, 0]))).toEqual({ kind: 'baudRate', value: 19200 })
    expect(parseComPortReply(Uint8Array.from([103, 2]))).toEqual({ kind: 'parity', value: 'odd' })
    expect(parseComPortReply(Uint8Array.from([104, 3]))).toEqual({ kind: 'stopBits', value: 1.5 })
    expect(parseComPortReply(Uint8Array.from([107, 0]))).toBeUndefined()
    expect(parseComPortReply(Uint8Array.from([101, 1]))).toBeUndefined()
  })
})
