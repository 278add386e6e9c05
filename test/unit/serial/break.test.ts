import { SerialPortMock } from 'serialport'
import { afterEach, describe, expect, it } from 'vitest'
import { SerialSpec } from '../../../shared/contract/sessions'
import { SerialTransport } from '../../../electron/services/sessions/serial/serial-transport'
import type { SerialBinding, SetFlags } from '../../../electron/services/sessions/serial/binding'
import { Received, waitFor } from './helpers'

const MockBinding = SerialPortMock.binding

interface RecordedSet {
  readonly flags: SetFlags
  readonly at: number
}

/** The mock binding with its port's set() calls written down, which the mock itself does not keep. */
function recordingMockBinding(): { binding: SerialBinding; sets: RecordedSet[] } {
  const sets: RecordedSet[] = []
  const binding: SerialBinding = {
    list: () => MockBinding.list(),
    async open(options) {
      const port = await MockBinding.open(options)
      const realSet = port.set.bind(port)
      port.set = (flags: SetFlags) => {
        sets.push({ flags: { ...flags }, at: performance.now() })
        return realSet(flags)
      }
      return port
    },
  }
  return { binding, sets }
}

afterEach(() => MockBinding.reset())

describe('BREAK on a port with modem-control lines (serialport binding-mock)', () => {
  it('raises BREAK for the given time and keeps DTR/RTS as configured', async () => {
    MockBinding.createPort('/dev/ttyUSB0', { echo: false, record: true })
    const { binding, sets } = recordingMockBinding()
    // DTR off, RTS on: a set() that forgot them would bring back serialport's default (DTR on).
    const t = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: '/dev/ttyUSB0', dtr: false, rts: true }), { binding })
    await t.open()
    expect(sets).toHaveLength(1)
    expect(sets[0]?.flags).toMatchObject({ brk: false, dtr: false, rts: true })

    await t.sendBreak(120)
    const [, on, off] = sets
    expect(on?.flags).toMatchObject({ brk: true, dtr: false, rts: true })
    expect(off?.flags).toMatchObject({ brk: false, dtr: false, rts: true })
    expect((off?.at ?? 0) - (on?.at ?? 0)).toBeGreaterThanOrEqual(110)
    expect(sets).toHaveLength(3)
    t.close()
  })

  it('uses 300 ms by default and the port stays usable afterwards', async () => {
    MockBinding.createPort('/dev/ttyUSB1', { echo: true, record: true })
    const { binding, sets } = recordingMockBinding()
    const t = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: '/dev/ttyUSB1' }), { binding })
    const received = new Received()
    t.onData(received.listener)
    await t.open()
    await t.sendBreak()
    const on = sets.find((s) => s.flags.brk === true)
    const off = sets.findLast((s) => s.flags.brk === false)
    expect((off?.at ?? 0) - (on?.at ?? 0)).toBeGreaterThanOrEqual(290)
    expect(on?.flags).toMatchObject({ dtr: true, rts: true })
    t.write('rommon 1 > ')
    await waitFor(() => received.text === 'rommon 1 > ', 'the echo after BREAK')
    t.close()
  })

  it('refuses BREAK while not connected, with a reason', async () => {
    MockBinding.createPort('/dev/ttyUSB2')
    const { binding } = recordingMockBinding()
    const t = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: '/dev/ttyUSB2' }), { binding })
    await expect(t.sendBreak()).rejects.toThrow('Cannot send BREAK: /dev/ttyUSB2 is not connected')
  })

  it('reports a locked port as busy through the same binding', async () => {
    MockBinding.createPort('/dev/ttyUSB3')
    const { binding } = recordingMockBinding()
    const holder = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: '/dev/ttyUSB3' }), { binding })
    await holder.open()
    const second = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: '/dev/ttyUSB3' }), { binding })
    await expect(second.open()).rejects.toThrow('/dev/ttyUSB3 is in use by another program')
    holder.close()
  })
})
