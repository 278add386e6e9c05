import type { SerialPort } from 'serialport'
import { closeSerialPort, openSerialPort } from './serial-port'

/**
 * The far end of a socat pair behaving like a router console at 9600 baud: a small input buffer
 * (IOS console typeahead is tiny while it parses a command) that silently drops what does not fit,
 * characters taken from it at line speed and echoed, and a prompt after each line.
 * A pty moves bytes instantly, so the line speed is emulated here.
 */
export interface SlowRouterPeerOptions {
  readonly path: string
  readonly baudRate?: number
  readonly bufferSize?: number
  readonly prompt?: string
}

const TICK_MS = 5

export class SlowRouterPeer {
  private readonly queue: number[] = []
  private keptBytes: number[] = []
  private droppedCount = 0
  private lastActivity = Date.now()
  private budget = 0
  private lastTick = performance.now()
  private afterCr = false
  private readonly timer: NodeJS.Timeout
  private readonly bytesPerMs: number
  private readonly bufferSize: number
  private readonly prompt: string

  private constructor(
    private readonly port: SerialPort,
    options: SlowRouterPeerOptions,
  ) {
    // 10 bits per character on the wire (start, 8 data, stop).
    this.bytesPerMs = (options.baudRate ?? 9600) / 10 / 1000
    this.bufferSize = options.bufferSize ?? 64
    this.prompt = options.prompt ?? 'Router(config)#'
    port.on('data', (chunk: Buffer) => this.receive(chunk))
    this.timer = setInterval(() => this.tick(), TICK_MS)
  }

  static async open(options: SlowRouterPeerOptions): Promise<SlowRouterPeer> {
    return new SlowRouterPeer(await openSerialPort(options.path, options.baudRate), options)
  }

  /** Every byte that made it into the input buffer, in order: what the router "saw". */
  get kept(): Buffer {
    return Buffer.from(this.keptBytes)
  }

  get dropped(): number {
    return this.droppedCount
  }

  /** Forget what was kept and dropped (between two runs of a bench). */
  reset(): void {
    this.keptBytes = []
    this.droppedCount = 0
    this.afterCr = false
  }

  /** Output from the "router" that nobody typed (a banner, a log message). */
  say(text: string): void {
    this.port.write(text)
  }

  /** Resolves once the buffer is empty and nothing arrived for `quietMs`. */
  waitIdle(quietMs = 300, timeoutMs = 30_000): Promise<void> {
    const started = Date.now()
    return new Promise((resolve, reject) => {
      const check = setInterval(() => {
        if (this.queue.length === 0 && Date.now() - this.lastActivity >= quietMs) {
          clearInterval(check)
          resolve()
        } else if (Date.now() - started > timeoutMs) {
          clearInterval(check)
          reject(new Error(`router peer still busy after ${timeoutMs} ms`))
        }
      }, 20)
    })
  }

  close(): Promise<void> {
    clearInterval(this.timer)
    return closeSerialPort(this.port)
  }

  private receive(chunk: Buffer): void {
    this.lastActivity = Date.now()
    for (const byte of chunk) {
      if (this.queue.length < this.bufferSize) {
        this.queue.push(byte)
        this.keptBytes.push(byte)
      } else {
        this.droppedCount += 1
      }
    }
  }

  private tick(): void {
    const now = performance.now()
    this.budget += (now - this.lastTick) * this.bytesPerMs
    this.lastTick = now
    if (this.queue.length === 0) {
      // Line time not used is not saved up: an idle line does not make the next burst faster.
      this.budget = Math.min(this.budget, 1)
      return
    }
    let echo = ''
    while (this.budget >= 1 && this.queue.length > 0) {
      const byte = this.queue.shift() ?? 0
      this.budget -= 1
      if (byte === 0x0a && this.afterCr) {
        this.afterCr = false
        continue
      }
      this.afterCr = byte === 0x0d
      echo += byte === 0x0d || byte === 0x0a ? `\r\n${this.prompt}` : String.fromCharCode(byte)
    }
    if (echo) {
      this.lastActivity = Date.now()
      this.port.write(Buffer.from(echo, 'latin1'))
    }
  }
}
