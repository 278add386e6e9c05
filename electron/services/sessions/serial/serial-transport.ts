import { stat } from 'node:fs/promises'
import { SerialPortStream } from '@serialport/stream'
import { SerialPort } from 'serialport'
import type { z } from 'zod'
import type { SerialSpec } from '../../../../shared/contract/sessions'
import { TransportBase, type TransportCondition, type TransportContext } from '../transport'
import { SerialOpenError, describeBreakError, describeOpenError, isNoModemLinesError } from './errors'
import { BaudSniffer, WRONG_BAUD_MESSAGE } from './wrong-baud'
import type { SerialBinding, SetFlags } from './binding'

export type SerialSettings = z.output<typeof SerialSpec>

export interface SerialStatus {
  readonly state: 'connected' | 'waiting'
  /** One line for the status bar: "connected to /dev/ttyUSB0, 9600 8N1". */
  readonly message: string
  /** Something worth a look while connected (speed mismatch suspected, DTR/RTS not applied). */
  readonly warning?: string
}

export interface SerialTransportOptions {
  /** The serialport binding; tests inject @serialport/binding-mock. Defaults to the OS binding. */
  readonly binding?: SerialBinding
  /** How often to check the device is still there, and to look for it once unplugged (≤ 2000 ms). */
  readonly pollIntervalMs?: number
  /**
   * Treat the path vanishing as an unplug. On by default with the OS binding; off with an
   * injected binding, whose paths need not exist on disk.
   */
  readonly watchPath?: boolean
}

type Stream = SerialPortStream<SerialBinding>

const PARITY_LETTER: Record<SerialSettings['parity'], string> = { none: 'N', even: 'E', odd: 'O', mark: 'M', space: 'S' }

export function describeSettings(s: SerialSettings): string {
  const flow = s.flowControl === 'none' ? '' : `, ${s.flowControl === 'rtscts' ? 'RTS/CTS' : 'XON/XOFF'}`
  return `${s.baudRate} ${s.dataBits}${PARITY_LETTER[s.parity]}${s.stopBits}${flow}`
}

function notice(text: string): Uint8Array {
  return new TextEncoder().encode(`\r\n[Lab Console: ${text}]\r\n`)
}

/**
 * A console cable. Survives being unplugged: it reports "waiting", polls for the same device
 * (by path, or by USB serial number when the adapter comes back under another path) and reopens
 * with the same settings, so a router reload or a bumped cable never needs a keypress.
 */
export class SerialTransport extends TransportBase {
  readonly title: string
  private readonly binding: SerialBinding
  private readonly pollIntervalMs: number
  private readonly watchPath: boolean
  private watchTimer: NodeJS.Timeout | undefined
  private stream: Stream | undefined
  private path: string
  private state: 'idle' | 'opening' | 'connected' | 'waiting' | 'closed' = 'idle'
  private paused = false
  /** Bytes held while paused, including what the old port still had buffered when it vanished. */
  private readonly pending: Uint8Array[] = []
  private readonly sniffer = new BaudSniffer()
  private readonly statusListeners = new Set<(status: SerialStatus) => void>()
  private currentStatus: SerialStatus | undefined
  private pollTimer: NodeJS.Timeout | undefined
  private lastWaitingDetail = ''
  /** Set by setBaudRate: the speed chosen while connected, kept over a replug. */
  private baudRate: number | undefined

  constructor(
    private readonly settings: SerialSettings,
    options: SerialTransportOptions = {},
  ) {
    super()
    this.binding = options.binding ?? SerialPort.binding
    this.pollIntervalMs = Math.min(options.pollIntervalMs ?? 500, 2000)
    this.watchPath = options.watchPath ?? options.binding === undefined
    this.path = settings.path
    this.title = `${settings.path} (${describeSettings(settings)})`
  }

  get status(): SerialStatus | undefined {
    return this.currentStatus
  }

  /** The path in use now: differs from the configured one after an adapter came back elsewhere. */
  get currentPath(): string {
    return this.path
  }

  get lineRate(): number {
    return this.baudRate ?? this.settings.baudRate
  }

  /** serialport's update() changes the speed of the open port; a replug reopens at this speed. */
  async setBaudRate(baudRate: number): Promise<number> {
    const stream = this.stream
    if (this.state !== 'connected' || !stream) throw new Error(`Cannot change the speed: ${this.path} is not connected`)
    await new Promise<void>((resolve, reject) => stream.update({ baudRate }, (err) => (err ? reject(err) : resolve())))
    this.baudRate = baudRate
    return baudRate
  }

  /** A console cable is the slow line pastes must be paced for. */
  readonly slowLine = true

  onCondition(listener: (condition: TransportCondition) => void): () => void {
    return this.onStatus((status) => listener({ detail: status.state === 'waiting' ? status.message : undefined, warning: status.warning }))
  }

  onStatus(listener: (status: SerialStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  async open(_ctx?: TransportContext): Promise<void> {
    if (this.state !== 'idle') throw new Error('This serial session was already opened')
    this.state = 'opening'
    let opened: { stream: Stream; warning?: string }
    try {
      opened = await this.openPort(this.path)
    } catch (err) {
      if (this.state === 'opening') this.state = 'idle'
      throw err
    }
    const { stream, warning } = opened
    // close() may have run while we awaited the port.
    if ((this.state as SerialTransport['state']) === 'closed') {
      stream.close(() => undefined)
      throw new Error('The session was closed while the port was opening')
    }
    this.setStatus({ state: 'connected', message: this.connectedMessage(), ...(warning ? { warning } : {}) })
    this.attach(stream)
  }

  write(data: string | Uint8Array): void {
    // While the cable is out there is no device to type to; keystrokes are not queued for later,
    // because replaying them into a router that just rebooted could do damage.
    if (this.state !== 'connected' || !this.stream) return
    this.stream.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data))
  }

  resize(): void {
    // A serial line has no window size.
  }

  pause(): void {
    this.paused = true
    this.stream?.pause()
  }

  resume(): void {
    this.paused = false
    while (!this.paused && this.pending.length > 0) {
      const chunk = this.pending.shift()
      if (chunk) this.emitData(chunk)
    }
    if (!this.paused) this.stream?.resume()
  }

  close(): void {
    if (this.state === 'closed') return
    this.state = 'closed'
    this.stopPolling()
    this.stopWatching()
    const stream = this.stream
    this.stream = undefined
    if (stream?.isOpen) {
      stream.removeAllListeners('data')
      stream.close(() => this.emitExit({ reason: `${this.path} closed` }))
    } else {
      this.emitExit({ reason: `${this.path} closed` })
    }
  }

  /**
   * Holds BREAK for `ms` (ROMMON password recovery, interrupting a boot). serialport's set()
   * resets every flag it is not given, so DTR and RTS are passed along to keep their state.
   */
  async sendBreak(ms = 300): Promise<void> {
    const stream = this.stream
    if (this.state !== 'connected' || !stream) throw new Error(`Cannot send BREAK: ${this.path} is not connected`)
    const lines = { dtr: this.settings.dtr, rts: this.settings.rts }
    try {
      await setFlags(stream, { brk: true, ...lines })
    } catch (err) {
      // The break-on ioctl may have worked before the modem-line one failed: never leave BREAK on.
      await setFlags(stream, { brk: false, ...lines }).catch(() => undefined)
      throw describeBreakError(err, this.path)
    }
    await new Promise((resolve) => setTimeout(resolve, ms))
    try {
      await setFlags(stream, { brk: false, ...lines })
    } catch (err) {
      throw describeBreakError(err, this.path)
    }
  }

  private connectedMessage(): string {
    return `connected to ${this.path}, ${describeSettings(this.settings)}`
  }

  private setStatus(status: SerialStatus): void {
    this.currentStatus = status
    for (const listener of this.statusListeners) listener(status)
  }

  private async openPort(path: string): Promise<{ stream: Stream; warning?: string }> {
    const s = this.settings
    const stream: Stream = new SerialPortStream({
      binding: this.binding,
      path,
      baudRate: this.lineRate,
      dataBits: s.dataBits,
      parity: s.parity,
      stopBits: s.stopBits,
      rtscts: s.flowControl === 'rtscts',
      xon: s.flowControl === 'xonxoff',
      xoff: s.flowControl === 'xonxoff',
      autoOpen: false,
    })
    await new Promise<void>((resolve, reject) => {
      stream.open((err) => (err ? reject(describeOpenError(err, path, s.baudRate)) : resolve()))
    })
    try {
      await setFlags(stream, { dtr: s.dtr, rts: s.rts })
      return { stream }
    } catch (err) {
      // A pty has no modem lines; that is expected and not worth a word.
      if (isNoModemLinesError(err)) return { stream }
      const detail = err instanceof Error ? err.message : String(err)
      return { stream, warning: `Could not set DTR/RTS on ${path}: ${detail}` }
    }
  }

  private attach(stream: Stream): void {
    this.stream = stream
    this.state = 'connected'
    this.sniffer.reset()
    stream.on('data', (chunk: Buffer) => this.fromDevice(stream, chunk))
    stream.on('close', (err: Error | null) => this.lost(stream, err ?? undefined))
    stream.on('error', (err: Error) => this.lost(stream, err))
    if (this.paused) stream.pause()
    this.watch(stream)
    // It may have vanished between opening and now, when nobody was listening for 'close'.
    if (!stream.isOpen) this.lost(stream, undefined)
  }

  private fromDevice(stream: Stream, chunk: Buffer): void {
    if (stream !== this.stream) return
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    this.deliver(bytes)
    if (this.sniffer.feed(bytes)) {
      this.deliver(notice(WRONG_BAUD_MESSAGE))
      this.setStatus({ state: 'connected', message: this.connectedMessage(), warning: WRONG_BAUD_MESSAGE })
    }
  }

  private deliver(chunk: Uint8Array): void {
    if (this.paused || this.pending.length > 0) this.pending.push(chunk)
    else this.emitData(chunk)
  }

  /** The device vanished (unplugged, router power-cycled a USB console, read error). */
  private lost(stream: Stream, _err: Error | undefined): void {
    if (stream !== this.stream || this.state !== 'connected') return
    this.stream = undefined
    this.stopWatching()
    // Bytes the port had read but not handed over yet (we were paused) still belong to the user.
    stream.removeAllListeners('data')
    for (let chunk = stream.read() as Buffer | null; chunk !== null; chunk = stream.read() as Buffer | null) {
      this.deliver(new Uint8Array(chunk))
    }
    // Later errors from the dead stream have nowhere useful to go.
    stream.on('error', () => undefined)
    if (stream.isOpen) stream.close(() => undefined)
    this.state = 'waiting'
    this.lastWaitingDetail = ''
    const message = `cable disconnected — waiting for ${this.path}`
    this.deliver(notice(message))
    this.setStatus({ state: 'waiting', message })
    this.schedulePoll()
  }

  /**
   * A hung-up tty (USB adapter pulled, pty master gone) reads as end-of-file, which the binding
   * retries without ever reporting, so the vanished device node is what tells us.
   */
  private watch(stream: Stream): void {
    if (!this.watchPath) return
    this.stopWatching()
    this.watchTimer = setTimeout(() => {
      void pathExists(this.path).then((exists) => {
        if (stream !== this.stream) return
        if (exists) this.watch(stream)
        else this.lost(stream, undefined)
      })
    }, this.pollIntervalMs)
  }

  private stopWatching(): void {
    if (this.watchTimer) clearTimeout(this.watchTimer)
    this.watchTimer = undefined
  }

  private schedulePoll(): void {
    this.stopPolling()
    this.pollTimer = setTimeout(() => void this.tryReconnect(), this.pollIntervalMs)
  }

  private stopPolling(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer)
    this.pollTimer = undefined
  }

  private async locateDevice(): Promise<string> {
    const serialNumber = this.settings.usbSerialNumber
    if (!serialNumber) return this.path
    try {
      const ports = await this.binding.list()
      const match = ports.find((p) => p.serialNumber === serialNumber)
      if (match) return match.path
    } catch {
      // No udev (containers, some distros): fall back to the path.
    }
    return this.path
  }

  private async tryReconnect(): Promise<void> {
    this.pollTimer = undefined
    if (this.state !== 'waiting') return
    const path = await this.locateDevice()
    let opened: { stream: Stream; warning?: string }
    try {
      opened = await this.openPort(path)
    } catch (err) {
      if (this.state !== 'waiting') return
      this.reportWaitingDetail(err)
      this.schedulePoll()
      return
    }
    if (this.state !== 'waiting') {
      opened.stream.close(() => undefined)
      return
    }
    const moved = path !== this.path
    this.path = path
    // Announce first, then attach: should the port vanish again at once, "waiting" comes last.
    this.deliver(notice(moved ? `reconnected on ${path}` : 'reconnected'))
    this.setStatus({
      state: 'connected',
      message: this.connectedMessage(),
      ...(opened.warning ? { warning: opened.warning } : {}),
    })
    this.attach(opened.stream)
  }

  /** "Missing" is the expected answer while unplugged; anything else (udev still fixing permissions, another program grabbed the port) is worth showing. */
  private reportWaitingDetail(err: unknown): void {
    const detail = err instanceof SerialOpenError && err.kind !== 'missing' ? err.message : ''
    if (detail === this.lastWaitingDetail) return
    this.lastWaitingDetail = detail
    const base = `cable disconnected — waiting for ${this.path}`
    this.setStatus({ state: 'waiting', message: detail ? `${base} (${detail})` : base })
  }
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (err) {
    // Only a missing node means unplugged; a permission hiccup on stat is no reason to drop the line.
    const code = (err as NodeJS.ErrnoException).code
    return code !== 'ENOENT' && code !== 'ENODEV' && code !== 'ENXIO'
  }
}

function setFlags(stream: Stream, flags: SetFlags): Promise<void> {
  return new Promise((resolve, reject) => stream.set(flags, (err) => (err ? reject(err) : resolve())))
}
