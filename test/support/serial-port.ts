import { SerialPort } from 'serialport'

/**
 * Opens the far ("router") end of a pty pair with plain serialport, independent of the transport
 * under test. Its read errors are expected (the pty goes away with its socat in replug tests) and
 * ignored.
 */
export function openSerialPort(path: string, baudRate = 9600): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port: SerialPort = new SerialPort({ path, baudRate }, (err) => (err ? reject(err) : resolve(port)))
    port.on('error', () => undefined)
  })
}

/** Closes a port opened by openSerialPort; one already closed (or gone) resolves at once. */
export function closeSerialPort(port: SerialPort): Promise<void> {
  if (!port.isOpen) return Promise.resolve()
  return new Promise((resolve) => port.close(() => resolve()))
}
