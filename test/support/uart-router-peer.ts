import type { SerialPort } from 'serialport'
import { closeSerialPort, openSerialPort } from './serial-port'
import { LinePacer } from '../../electron/services/practice-router/line-pacer'

/**
 * The far end of a socat pair behaving like a router's console port at 9600 baud, as a UART is:
 * - bytes cross the line at line rate both ways (10 bits a character, 8N1): what the laptop
 *   writes waits on its side of the wire, never lost there, and the echo and prompt come back
 *   at line rate too;
 * - the router's 64-byte receive ring is the only place bytes are dropped: the practice
 *   router's own LinePacer, which stops taking characters while the router is busy;
 * - after each line (CR) the router stalls while IOS executes it: short for `show`, longer for a
 *   configuration line, long for `crypto` commands (key and PKI work). Cisco publishes no
 *   figures for these times; the defaults below are a model, chosen in the range seen on a
 *   console (a prompt returning within a fraction of a second), not measured on a 2921.
 */
export interface UartPeerOptions {
  readonly path: string
  readonly baudRate?: number
  readonly ringSize?: number
  readonly prompt?: string
  /** Processing time after a line, in ms. */
  readonly stallMs?: (line: string) => number
}

export const DEFAULT_STALLS = { showMs: 20, configMs: 80, cryptoMs: 400 } as const

export function iosStallMs(line: string): number {
  const command = line.trim()
  if (command === '' || command.startsWith('!')) return 0
  if (/^(?:do\s+)?sh(?:ow?)?\s/i.test(command)) return DEFAULT_STALLS.showMs
  if (/^(?:no\s+)?crypto\s/i.test(command)) return DEFAULT_STALLS.cryptoMs
  return DEFAULT_STALLS.configMs
}

const TICK_MS = 5

/** A one-way wire at line rate: unbounded on the sending side, like a UART's transmit queue. */
class Wire {
  private queue: number[] = []
  private budget = 0
  private last = performance.now()

  constructor(
    private readonly bytesPerMs: number,
    private readonly deliver: (bytes: Buffer) => void,
  ) {}

  get busy(): boolean {
    return this.queue.length > 0
  }

  push(bytes: Buffer): void {
    if (this.queue.length === 0) {
      this.last = performance.now()
      this.budget = 0
    }
    for (const b of bytes) this.queue.push(b)
  }

  tick(): void {
    const now = performance.now()
    this.budget += (now - this.last) * this.bytesPerMs
    this.last = now
    if (this.queue.length === 0) return
    const n = Math.min(Math.floor(this.budget), this.queue.length)
    if (n <= 0) return
    this.budget -= n
    this.deliver(Buffer.from(this.queue.splice(0, n)))
  }
}

export class UartRouterPeer {
  private readonly toRouter: Wire
  private readonly toLaptop: Wire
  private readonly pacer: LinePacer
  private readonly timer: NodeJS.Timeout
  private readonly stallMs: (line: string) => number
  private readonly prompt: string
  private keptBytes: number[] = []
  private current = ''
  private stalledUntil = 0
  private stallTotal = 0
  private droppedBase = 0
  private lastActivity = performance.now()
  private promptTimers = new Set<NodeJS.Timeout>()

  private constructor(
    private readonly port: SerialPort,
    options: UartPeerOptions,
  ) {
    const baud = options.baudRate ?? 9600
    const bytesPerMs = baud / 10 / 1000
    this.stallMs = options.stallMs ?? iosStallMs
    this.prompt = options.prompt ?? 'Router(config)#'
    this.pacer = new LinePacer({
      lineRate: baud,
      bufferSize: options.ringSize ?? 64,
      deliver: (ch) => this.take(ch),
      canDeliver: () => performance.now() >= this.stalledUntil,
    })
    this.toRouter = new Wire(bytesPerMs, (bytes) => {
      this.lastActivity = performance.now()
      this.pacer.push(bytes.toString('latin1'))
    })
    this.toLaptop = new Wire(bytesPerMs, (bytes) => {
      this.lastActivity = performance.now()
      port.write(bytes)
    })
    port.on('data', (chunk: Buffer) => {
      this.lastActivity = performance.now()
      this.toRouter.push(chunk)
    })
    this.timer = setInterval(() => {
      this.toRouter.tick()
      this.toLaptop.tick()
    }, TICK_MS)
  }

  static async open(options: UartPeerOptions): Promise<UartRouterPeer> {
    return new UartRouterPeer(await openSerialPort(options.path, options.baudRate), options)
  }

  /** Every byte the router took from its ring, in order. */
  get kept(): Buffer {
    return Buffer.from(this.keptBytes)
  }

  /** Bytes the full ring dropped since the last reset. */
  get dropped(): number {
    return this.pacer.dropped - this.droppedBase
  }

  /** Processing stalls since the last reset, in ms. */
  get stalledMs(): number {
    return this.stallTotal
  }

  reset(): void {
    this.keptBytes = []
    this.current = ''
    this.stallTotal = 0
    this.droppedBase = this.pacer.dropped
  }

  /** Resolves once nothing is on either wire, in the ring, or being executed, for `quietMs`. */
  waitIdle(quietMs = 300, timeoutMs = 60_000): Promise<number> {
    const started = performance.now()
    return new Promise((resolve, reject) => {
      const check = setInterval(() => {
        const now = performance.now()
        const idle = !this.toRouter.busy && !this.toLaptop.busy && this.promptTimers.size === 0 && now >= this.stalledUntil
        if (idle && now - this.lastActivity >= quietMs) {
          clearInterval(check)
          // When the last thing happened: the end of the work, without the quiet time.
          resolve(this.lastActivity)
        } else if (now - started > timeoutMs) {
          clearInterval(check)
          reject(new Error(`router peer still busy after ${timeoutMs} ms`))
        }
      }, 20)
    })
  }

  close(): Promise<void> {
    clearInterval(this.timer)
    this.pacer.stop()
    for (const t of this.promptTimers) clearTimeout(t)
    return closeSerialPort(this.port)
  }

  private take(ch: string): void {
    this.lastActivity = performance.now()
    this.keptBytes.push(ch.charCodeAt(0) & 0xff)
    if (ch !== '\r') {
      if (ch !== '\n') this.current += ch
      this.toLaptop.push(Buffer.from(ch, 'latin1'))
      return
    }
    const line = this.current
    this.current = ''
    this.toLaptop.push(Buffer.from('\r\n'))
    const stall = this.stallMs(line)
    this.stallTotal += stall
    this.stalledUntil = performance.now() + stall
    // The prompt comes back when the command is done.
    const t = setTimeout(() => {
      this.promptTimers.delete(t)
      this.lastActivity = performance.now()
      this.toLaptop.push(Buffer.from(this.prompt))
    }, stall)
    this.promptTimers.add(t)
  }
}
