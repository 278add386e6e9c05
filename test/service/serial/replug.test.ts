import { SerialPort } from 'serialport'
import { afterAll, describe, expect, it } from 'vitest'
import { SerialSpec } from '../../../shared/contract/sessions'
import { SerialTransport, type SerialStatus } from '../../../electron/services/sessions/serial/serial-transport'
import type { SerialBinding } from '../../../electron/services/sessions/serial/binding'
import type { ExitInfo } from '../../../electron/services/sessions/transport'
import { startSocatPair, type SocatPair } from '../../support/socat'
import { Received, delay, waitFor } from '../../unit/serial/helpers'
import { closeSerialPort, openSerialPort } from '../../support/serial-port'

const ctx = { cols: 80, rows: 24, prompt: () => Promise.reject(new Error('serial never prompts')) }

// Unplugging is killing socat: the pty vanishes under the open port, and its link path with it.
// Replugging is a new socat on the same link path (a different /dev/pts number behind it).
describe('replug recovery', () => {
  const pairs: SocatPair[] = []
  afterAll(async () => {
    for (const p of pairs) await p.dispose()
  })

  it('waits for the same path, reconnects without a keypress, and loses nothing', async () => {
    const pair = await startSocatPair()
    pairs.push(pair)
    let peer = await openSerialPort(pair.b)
    const t = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: pair.a }), { pollIntervalMs: 250 })
    const received = new Received()
    t.onData(received.listener)
    const statuses: SerialStatus[] = []
    t.onStatus((s) => statuses.push(s))
    const exits: ExitInfo[] = []
    t.onExit((e) => exits.push(e))
    try {
      await t.open(ctx)
      peer.write('Router#show clock\r\n')
      await waitFor(() => received.text.includes('show clock'), 'output before the unplug')

      // Output that arrives while the window is behind must survive the unplug too.
      t.pause()
      peer.write('*10:15:02.123 UTC Tue Feb 24 2026\r\n')
      await delay(200)
      const beforeGap = received.text

      await pair.stop()
      await closeSerialPort(peer)
      await waitFor(() => t.status?.state === 'waiting', 'the transport to notice the unplug')
      expect(t.status?.message).toBe(`cable disconnected — waiting for ${pair.a}`)
      t.resume()
      await waitFor(() => received.text.includes('waiting for'), 'the disconnect line in the terminal')
      expect(received.text).toBe(
        `${beforeGap}*10:15:02.123 UTC Tue Feb 24 2026\r\n\r\n[Lab Console: cable disconnected — waiting for ${pair.a}]\r\n`,
      )
      t.write('typed while unplugged\r')

      // Stay unplugged for a few polls: the transport keeps waiting, it does not give up.
      await delay(800)
      expect(exits).toEqual([])
      expect(t.status?.state).toBe('waiting')

      await pair.restart()
      peer = await openSerialPort(pair.b)
      const peerReceived = new Received()
      peer.on('data', peerReceived.listener)
      await waitFor(() => t.status?.state === 'connected', 'the reconnect', 5000)
      await waitFor(() => received.text.endsWith('[Lab Console: reconnected]\r\n'), 'the reconnected line')

      peer.write('Router#')
      t.write('show ip int brief\r')
      await waitFor(() => received.text.endsWith('Router#'), 'data from the router after the gap')
      await waitFor(() => peerReceived.text === 'show ip int brief\r', 'typing after the gap')
      expect(statuses.map((s) => s.state)).toEqual(['connected', 'waiting', 'connected'])
      expect(exits).toEqual([])
    } finally {
      t.close()
      await closeSerialPort(peer)
    }
    await waitFor(() => exits.length === 1, 'the exit after close')
  })

  it('stops polling when closed while waiting', async () => {
    const pair = await startSocatPair()
    pairs.push(pair)
    const t = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: pair.a }), { pollIntervalMs: 200 })
    const exits: ExitInfo[] = []
    t.onExit((e) => exits.push(e))
    await t.open(ctx)
    await pair.stop()
    await waitFor(() => t.status?.state === 'waiting', 'the unplug')
    t.close()
    expect(exits).toHaveLength(1)
    await pair.restart()
    await delay(600)
    // Had it kept polling it would have reopened (and locked) the port; a fresh open proves it did not.
    const probe = await openSerialPort(pair.a)
    await closeSerialPort(probe)
  })

  it('finds the adapter again by USB serial number when it comes back under another path', async () => {
    const first = await startSocatPair()
    const second = await startSocatPair()
    pairs.push(first, second)
    await second.stop()
    // ptys have no USB serial number, so list() reports the replugged adapter as udev would.
    let listed: { path: string; serialNumber: string }[] = []
    const binding: SerialBinding = {
      list: () => Promise.resolve(listed),
      open: (options) => SerialPort.binding.open(options),
    }
    const t = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: first.a, usbSerialNumber: 'FTDI-A50285BI' }), {
      binding,
      pollIntervalMs: 200,
      watchPath: true,
    })
    const received = new Received()
    t.onData(received.listener)
    try {
      await t.open(ctx)
      await first.stop()
      await waitFor(() => t.status?.state === 'waiting', 'the unplug')
      await second.restart()
      listed = [{ path: second.a, serialNumber: 'FTDI-A50285BI' }]
      await waitFor(() => t.status?.state === 'connected', 'the reconnect under the new path', 5000)
      expect(t.currentPath).toBe(second.a)
      expect(received.text).toContain(`[Lab Console: reconnected on ${second.a}]`)
      const peer = await openSerialPort(second.b)
      peer.write('Router>')
      await waitFor(() => received.text.endsWith('Router>'), 'data on the new path')
      await closeSerialPort(peer)
    } finally {
      t.close()
    }
  })
})
