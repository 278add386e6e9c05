import { SerialPort } from 'serialport'
import type { RawPortInfo } from './binding'

export interface SerialPortInfo {
  readonly path: string
  readonly manufacturer?: string
  readonly vendorId?: string
  readonly productId?: string
  readonly serialNumber?: string
  readonly pnpId?: string
}

/** The OS listing (udev on Linux). Injectable so a binding other than the real one can be used. */
export type ListPorts = () => Promise<RawPortInfo[]>

const defaultList: ListPorts = () => SerialPort.list()

function toInfo(port: RawPortInfo): SerialPortInfo {
  const info: { -readonly [K in keyof SerialPortInfo]: SerialPortInfo[K] } = { path: port.path }
  if (port.manufacturer) info.manufacturer = port.manufacturer
  if (port.vendorId) info.vendorId = port.vendorId
  if (port.productId) info.productId = port.productId
  if (port.serialNumber) info.serialNumber = port.serialNumber
  if (port.pnpId) info.pnpId = port.pnpId
  return info
}

/** Serial ports the OS knows about. ptys (socat) do not appear: the transport opens typed paths anyway. */
export async function listSerialPorts(list: ListPorts = defaultList): Promise<SerialPortInfo[]> {
  const ports = await list()
  return ports.map(toInfo).sort((a, b) => a.path.localeCompare(b.path))
}

export interface PortChange {
  readonly added: readonly SerialPortInfo[]
  readonly removed: readonly SerialPortInfo[]
  /** The full list after the change. */
  readonly ports: readonly SerialPortInfo[]
}

export interface SerialPortWatcherOptions {
  /** How often to list; kept at or under 2 s so a plugged adapter shows up promptly. */
  readonly intervalMs?: number
  readonly list?: ListPorts
}

// An adapter replugged into another socket keeps its serial number but may change path: both identify it.
function identity(port: SerialPortInfo): string {
  return `${port.path}\u0000${port.serialNumber ?? ''}`
}

/**
 * Polls the port list and reports adapters that appear or disappear, so the port picker stays
 * current without a restart. Polling (not udev monitoring) works the same on every OS.
 */
export class SerialPortWatcher {
  readonly intervalMs: number
  private readonly list: ListPorts
  private readonly listeners = new Set<(change: PortChange) => void>()
  private known = new Map<string, SerialPortInfo>()
  private timer: NodeJS.Timeout | undefined
  private running = false
  private listing: Promise<void> | undefined
  /** The last listing failure, if the most recent poll failed (udev missing, for instance). */
  lastError: Error | undefined

  constructor(options: SerialPortWatcherOptions = {}) {
    this.intervalMs = Math.min(options.intervalMs ?? 1500, 2000)
    this.list = options.list ?? defaultList
  }

  get ports(): SerialPortInfo[] {
    return [...this.known.values()]
  }

  onChange(listener: (change: PortChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Lists once (the first list is not reported as "added") and keeps polling until stop(). */
  async start(): Promise<SerialPortInfo[]> {
    if (this.running) return this.ports
    this.running = true
    try {
      const ports = await listSerialPorts(this.list)
      this.known = new Map(ports.map((p) => [identity(p), p]))
      this.lastError = undefined
    } catch (err) {
      this.lastError = err instanceof Error ? err : new Error(String(err))
    }
    this.schedule()
    return this.ports
  }

  stop(): void {
    this.running = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }

  /** Lists now; resolves after listeners have heard about any change. */
  poll(): Promise<void> {
    this.listing ??= this.refresh().finally(() => (this.listing = undefined))
    return this.listing
  }

  private schedule(): void {
    if (!this.running) return
    this.timer = setTimeout(() => {
      void this.poll().then(() => this.schedule())
    }, this.intervalMs)
    this.timer.unref()
  }

  private async refresh(): Promise<void> {
    let ports: SerialPortInfo[]
    try {
      ports = await listSerialPorts(this.list)
      this.lastError = undefined
    } catch (err) {
      this.lastError = err instanceof Error ? err : new Error(String(err))
      return
    }
    const next = new Map(ports.map((p) => [identity(p), p]))
    const added = ports.filter((p) => !this.known.has(identity(p)))
    const removed = [...this.known.entries()].filter(([key]) => !next.has(key)).map(([, p]) => p)
    this.known = next
    if (added.length === 0 && removed.length === 0) return
    const change: PortChange = { added, removed, ports }
    for (const listener of this.listeners) listener(change)
  }
}
