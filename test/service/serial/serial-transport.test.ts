import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SerialPort } from 'serialport'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SerialSpec } from '../../../shared/contract/sessions'
import { SerialTransport, type SerialSettings, type SerialStatus } from '../../../electron/services/sessions/serial/serial-transport'
import { SerialOpenError } from '../../../electron/services/sessions/serial/errors'
import type { ExitInfo } from '../../../electron/services/sessions/transport'
import { startSocatPair, type SocatPair } from '../../support/socat'
import { Received, delay, waitFor } from '../../unit/serial/helpers'
import { closeSerialPort, openSerialPort } from '../../support/serial-port'

const ctx = { cols: 80, rows: 24, prompt: () => Promise.reject(new Error('serial never prompts')) }
const spec = (path: string): SerialSettings => SerialSpec.parse({ kind: 'serial', path })

let pair: SocatPair
let peer: SerialPort
let peerReceived: Received
const transports: SerialTransport[] = []

function track(t: SerialTransport): SerialTransport {
  transports.push(t)
  return t
}

/** A transport on the pty's near end, closed after the test, with what it receives and reports, opened. */
async function openTransport(): Promise<{ t: SerialTransport; received: Received; statuses: SerialStatus[] }> {
  const t = track(new SerialTransport(spec(pair.a)))
  const received = new Received()
  t.onData(received.listener)
  const statuses: SerialStatus[] = []
  t.onStatus((s) => statuses.push(s))
  await t.open(ctx)
  return { t, received, statuses }
}

beforeAll(async () => {
  pair = await startSocatPair()
})

afterAll(async () => {
  await pair.dispose()
})

beforeEach(async () => {
  peer = await openSerialPort(pair.b)
  peerReceived = new Received()
  peer.on('data', peerReceived.listener)
})

afterEach(async () => {
  for (const t of transports.splice(0)) t.close()
  await closeSerialPort(peer)
  // Let the closes settle so the next test can take the port's lock.
  await delay(50)
})

describe('SerialTransport over a socat pty at 9600 8N1', () => {
  it('moves bytes both ways', async () => {
    const { t, received, statuses } = await openTransport()

    expect(t.title).toContain('9600 8N1')
    expect(statuses.at(-1)).toMatchObject({ state: 'connected' })
    expect(statuses.at(-1)?.warning).toBeUndefined()

    t.write('show version\r')
    await waitFor(() => peerReceived.text === 'show version\r', 'the router end to read the command')
    peer.write('Cisco IOS Software, C2900 Software\r\nRouter#')
    await waitFor(() => received.text.endsWith('Router#'), 'the console to show the router output')
    expect(received.text).toBe('Cisco IOS Software, C2900 Software\r\nRouter#')

    const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
    t.write(new Uint8Array(binary))
    await waitFor(() => peerReceived.bytes.length === 13 + 256, 'all 256 byte values')
    expect(peerReceived.bytes.subarray(13).equals(binary)).toBe(true)
  })

  it('closes once with an exit event, then the same port opens again', async () => {
    const first = new SerialTransport(spec(pair.a))
    await first.open(ctx)
    const exits: ExitInfo[] = []
    first.onExit((e) => exits.push(e))
    first.close()
    first.close()
    await waitFor(() => exits.length === 1, 'the exit event')
    expect(exits[0]?.error).toBeFalsy()
    await delay(50)
    expect(exits).toHaveLength(1)

    const second = track(new SerialTransport(spec(pair.a)))
    const received = new Received()
    second.onData(received.listener)
    await second.open(ctx)
    peer.write('Router>')
    await waitFor(() => received.text === 'Router>', 'data on the reopened port')
  })

  it('holds data while paused and delivers all of it, in order, on resume', async () => {
    const { t, received } = await openTransport()
    t.pause()
    const expected = Array.from({ length: 200 }, (_, i) => `line ${i}\r\n`).join('')
    peer.write(expected.slice(0, 1000))
    await delay(100)
    peer.write(expected.slice(1000))
    await delay(300)
    expect(received.text).toBe('')
    t.resume()
    await waitFor(() => received.text.length === expected.length, 'everything held during the pause')
    expect(received.text).toBe(expected)
  })

  it('says so when another program holds the port', async () => {
    const holder = track(new SerialTransport(spec(pair.a)))
    await holder.open(ctx)
    const second = new SerialTransport(spec(pair.a))
    const error = await second.open(ctx).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(SerialOpenError)
    expect((error as SerialOpenError).kind).toBe('busy')
    expect((error as SerialOpenError).message).toBe(
      `${pair.a} is in use by another program (screen, minicom, another Lab Console tab?). Close it and try again.`,
    )
  })

  it('says the adapter is not plugged in when the path does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-serial-missing-'))
    try {
      const missing = join(dir, 'ttyUSB9')
      const t = new SerialTransport(spec(missing))
      await expect(t.open(ctx)).rejects.toThrow(`${missing} does not exist — is the USB adapter plugged in?`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('changes the line speed while connected, and reports it as the line rate', async () => {
    const t = track(new SerialTransport(spec(pair.a)))
    await t.open(ctx)
    expect(t.lineRate).toBe(9600)
    await expect(t.setBaudRate(38400)).resolves.toBe(38400)
    expect(execFileSync('stty', ['-F', pair.a, 'speed'], { encoding: 'utf8' }).trim()).toBe('38400')
    expect(t.lineRate).toBe(38400)
  })

  it('reports that a pty cannot send BREAK, and keeps working', async () => {
    const { t, received } = await openTransport()
    await expect(t.sendBreak(50)).rejects.toThrow(/cannot send BREAK \(.*Inappropriate ioctl.*\).*USB console cable/)
    peer.write('still here')
    await waitFor(() => received.text === 'still here', 'data after the failed BREAK')
    t.write('x')
    await waitFor(() => peerReceived.text === 'x', 'typing after the failed BREAK')
  })

  it('warns once about a wrong speed when the first output is unreadable', async () => {
    const { received, statuses } = await openTransport()
    // What a 9600 console looks like at 115200: NULs and high-bit bytes.
    const garbage = Buffer.from('00fe0000f000fe00fe00fe0000f000fe00fe0000f000fe000000c000fe00fe00fe00fe0000f000fe', 'hex')
    peer.write(garbage)
    await waitFor(() => received.text.includes('is the speed right?'), 'the wrong-speed hint')
    peer.write(garbage)
    await delay(150)
    expect(received.text.split('Lots of unreadable characters').length).toBe(2)
    expect(received.text).toContain(
      '\r\n[Lab Console: Lots of unreadable characters: is the speed right? Cisco consoles default to 9600 8N1]\r\n',
    )
    // The device's bytes are all still there, untouched.
    expect(received.bytes.includes(garbage)).toBe(true)
    expect(statuses.at(-1)).toMatchObject({ state: 'connected', warning: expect.stringContaining('9600 8N1') })
  })
})
