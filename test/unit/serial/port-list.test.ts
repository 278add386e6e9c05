import { describe, expect, it } from 'vitest'
import { SerialPortWatcher, listSerialPorts, type PortChange } from '../../../electron/services/sessions/serial/port-list'
import type { RawPortInfo } from '../../../electron/services/sessions/serial/binding'
import { waitFor } from './helpers'

const ftdi: RawPortInfo = {
  path: '/dev/ttyUSB0',
  manufacturer: 'FTDI',
  serialNumber: 'A50285BI',
  pnpId: 'usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0',
  locationId: undefined,
  vendorId: '0403',
  productId: '6001',
}
const cisco: RawPortInfo = { path: '/dev/ttyACM0', manufacturer: 'Cisco', serialNumber: 'FOC1234X0YZ', vendorId: '05a6', productId: '0009' }

describe('listSerialPorts', () => {
  it('lists what the OS binding reports (udev here), each with a path', async () => {
    const ports = await listSerialPorts()
    expect(Array.isArray(ports)).toBe(true)
    for (const port of ports) expect(port.path).toMatch(/^\/dev\//)
  })

  it('keeps the identifying fields and drops the empty ones', async () => {
    const ports = await listSerialPorts(() =>
      Promise.resolve([
        ftdi,
        {
          path: '/dev/ttyS0',
          manufacturer: undefined,
          serialNumber: undefined,
          pnpId: undefined,
          locationId: undefined,
          vendorId: undefined,
          productId: undefined,
        },
      ]),
    )
    expect(ports).toEqual([
      { path: '/dev/ttyS0' },
      { path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001', serialNumber: 'A50285BI', pnpId: ftdi.pnpId },
    ])
  })
})

describe('SerialPortWatcher', () => {
  it('reports adapters plugged in and pulled out while it runs', async () => {
    let present: RawPortInfo[] = [ftdi]
    const watcher = new SerialPortWatcher({ intervalMs: 50, list: () => Promise.resolve(present) })
    const changes: PortChange[] = []
    watcher.onChange((c) => changes.push(c))
    try {
      expect((await watcher.start()).map((p) => p.path)).toEqual(['/dev/ttyUSB0'])
      await new Promise((resolve) => setTimeout(resolve, 150))
      expect(changes).toEqual([])

      present = [ftdi, cisco]
      await waitFor(() => changes.length === 1, 'the plug-in')
      expect(changes[0]?.added.map((p) => p.path)).toEqual(['/dev/ttyACM0'])
      expect(changes[0]?.removed).toEqual([])

      present = [cisco]
      await waitFor(() => changes.length === 2, 'the unplug')
      expect(changes[1]?.removed.map((p) => p.path)).toEqual(['/dev/ttyUSB0'])
      expect(changes[1]?.ports.map((p) => p.path)).toEqual(['/dev/ttyACM0'])
    } finally {
      watcher.stop()
    }
    present = []
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(changes).toHaveLength(2)
  })

  it('keeps the last list when listing fails, and says why', async () => {
    let fail = false
    const watcher = new SerialPortWatcher({
      intervalMs: 50,
      list: () => (fail ? Promise.reject(new Error('udevadm: not found')) : Promise.resolve([ftdi])),
    })
    await watcher.start()
    fail = true
    await watcher.poll()
    expect(watcher.lastError?.message).toBe('udevadm: not found')
    expect(watcher.ports.map((p) => p.path)).toEqual(['/dev/ttyUSB0'])
    watcher.stop()
  })

  it('never polls slower than every 2 s', () => {
    const watcher = new SerialPortWatcher({ intervalMs: 10_000, list: () => Promise.resolve([]) })
    expect(watcher.intervalMs).toBe(2000)
  })
})
