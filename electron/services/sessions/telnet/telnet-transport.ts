import net from 'node:net'
import type { z } from 'zod'
import type { ComPortSettings, TelnetSpec } from '../../../../shared/contract/sessions'
import { TransportBase, type TransportCondition, type TransportContext } from '../transport'
import { CONDITION_MAX, TITLE_MAX, fitText } from '../fit-text'
import { BRK, IAC, OPT, TTYPE_IS, TTYPE_SEND } from './codes'
import { TelnetDecoder, encodeData, subnegotiation } from './decoder'
import { OptionNegotiator } from './options'
import { breakCommand, describeComPort, lineSettingsCommands, parseComPortReply } from './com-port'

export type TelnetSpecParsed = z.output<typeof TelnetSpec>

export interface TelnetTransportOptions {
  /** How long the TCP connection may take before the attempt is given up. */
  readonly connectTimeoutMs?: number
}

const DEFAULT_CONNECT_TIMEOUT_MS = 15_000

function connectError(err: NodeJS.ErrnoException, target: string): Error {
  switch (err.code) {
    case 'ECONNREFUSED':
      return new Error(`${target} refused the connection: check the port (console servers use one port per line, e.g. 2001)`)
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new Error(`${target}: host name not found`)
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new Error(`${target} is unreachable from this machine`)
    default:
      return new Error(`${target}: ${err.message}`)
  }
}

/**
 * A telnet connection (RFC 854), usually to a console server's port. Options are negotiated by
 * RFC 1143's rules: the server may echo (ECHO) and drop go-aheads (SGA), either side may go
 * binary (BINARY), and we tell the window size (NAWS, again on every resize) and terminal type
 * (TTYPE). With `comPort` set, the far serial line is set over RFC 2217 and BREAK goes there.
 */
export class TelnetTransport extends TransportBase {
  readonly title: string
  readonly slowLine: boolean
  private socket: net.Socket | undefined
  private cols = 80
  private rows = 24
  private readonly target: string
  private readonly decoder: TelnetDecoder
  private readonly options: OptionNegotiator
  private comPortAgreed = false
  private closing = false
  private lastError: string | undefined
  private readonly conditionListeners = new Set<(condition: TransportCondition) => void>()
  private condition: TransportCondition = {}
  private readonly applied: Partial<ComPortSettings> = {}
  /** The line settings asked for: the profile's, then any speed changed while connected. */
  private wanted: ComPortSettings | undefined
  private readonly baudWaiters = new Set<(baud: number) => void>()

  constructor(
    private readonly spec: TelnetSpecParsed,
    private readonly transportOptions: TelnetTransportOptions = {},
  ) {
    super()
    this.target = spec.host.includes(':') ? `[${spec.host}]:${spec.port}` : `${spec.host}:${spec.port}`
    // A 255-character host name would pass the title cap: cut it visibly instead.
    this.title = fitText(`telnet ${this.target}${spec.comPort ? ` (RFC 2217, ${describeComPort(spec.comPort)})` : ''}`, TITLE_MAX)
    this.slowLine = spec.consoleServer || spec.comPort !== undefined
    this.wanted = spec.comPort
    const comPort = spec.comPort ? [OPT.COM_PORT] : []
    this.options = new OptionNegotiator(
      {
        local: new Set([OPT.BINARY, OPT.SGA, OPT.NAWS, OPT.TTYPE, ...comPort]),
        remote: new Set([OPT.BINARY, OPT.ECHO, OPT.SGA, ...comPort]),
      },
      {
        send: (bytes) => this.send(bytes),
        changed: (side, option, enabled) => this.optionChanged(side, option, enabled),
      },
    )
    this.decoder = new TelnetDecoder({
      data: (bytes) => this.emitData(bytes),
      negotiation: (verb, option) => this.options.receive(verb, option),
      subnegotiation: (option, payload) => this.subnegotiation(option, payload),
    })
  }

  /** The far line's speed (RFC 2217), as the server confirmed it or as asked. */
  get lineRate(): number | undefined {
    return this.applied.baudRate ?? this.wanted?.baudRate
  }

  /** Time a console server gets to confirm a new speed (it answers at once when it can). */
  static readonly SET_SPEED_TIMEOUT_MS = 5000

  /** RFC 2217 SET-BAUDRATE while connected; resolves with the speed the server reports. */
  async setBaudRate(baudRate: number): Promise<number> {
    const wanted = this.wanted
    if (!wanted) throw new Error('This is plain telnet: turn on "Set the serial line (RFC 2217)" to change the line speed from here')
    if (!this.comPortAgreed || this.closing) throw new Error(`${this.target} has not agreed to RFC 2217 COM port control`)
    this.wanted = { ...wanted, baudRate }
    const confirmed = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.baudWaiters.delete(done)
        reject(new Error(`${this.target} did not confirm the new speed within ${TelnetTransport.SET_SPEED_TIMEOUT_MS / 1000} s`))
      }, TelnetTransport.SET_SPEED_TIMEOUT_MS)
      const done = (baud: number): void => {
        clearTimeout(timer)
        this.baudWaiters.delete(done)
        resolve(baud)
      }
      this.baudWaiters.add(done)
    })
    const [setSpeed] = lineSettingsCommands(this.wanted)
    if (setSpeed) this.send(setSpeed)
    return confirmed
  }

  onCondition(listener: (condition: TransportCondition) => void): () => void {
    this.conditionListeners.add(listener)
    return () => this.conditionListeners.delete(listener)
  }

  open(ctx: TransportContext): Promise<void> {
    this.cols = ctx.cols
    this.rows = ctx.rows
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.spec.host, port: this.spec.port })
      this.socket = socket
      socket.setNoDelay(true)
      // A console server that vanishes (power, cable) is noticed even while nobody types.
      socket.setKeepAlive(true, 30_000)
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new Error(`${this.target} did not answer within ${Math.round(this.connectTimeout / 1000)} s`))
      }, this.connectTimeout)
      socket.once('connect', () => {
        clearTimeout(timer)
        socket.off('error', onConnectError)
        socket.on('error', (err) => (this.lastError = err.message))
        socket.on('data', (chunk: Buffer) => this.decoder.feed(chunk))
        socket.on('close', () => {
          const reason = this.closing
            ? `Disconnected from ${this.target}`
            : this.lastError
              ? `Connection to ${this.target} lost: ${this.lastError}`
              : `${this.target} closed the connection`
          this.emitExit({ reason, ...(this.lastError && !this.closing ? { error: true } : {}) })
        })
        this.startNegotiation()
        resolve()
      })
      const onConnectError = (err: NodeJS.ErrnoException): void => {
        clearTimeout(timer)
        reject(connectError(err, this.target))
      }
      socket.once('error', onConnectError)
    })
  }

  write(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    this.send(encodeData(bytes, this.options.isLocal(OPT.BINARY)))
  }

  resize(cols: number, rows: number): void {
    this.cols = cols
    this.rows = rows
    if (this.options.isLocal(OPT.NAWS)) this.sendWindowSize()
  }

  pause(): void {
    this.socket?.pause()
  }

  resume(): void {
    this.socket?.resume()
  }

  close(): void {
    if (this.closing) return
    this.closing = true
    const socket = this.socket
    if (!socket || socket.destroyed) {
      this.emitExit({ reason: `Disconnected from ${this.target}` })
      return
    }
    socket.end()
    // A server that never finishes the close does not keep the session alive.
    setTimeout(() => socket.destroy(), 2000).unref()
  }

  /**
   * RFC 2217 ports: BREAK on for `ms`, then off (SET-CONTROL 5/6). Plain telnet: the NVT BREAK
   * command (IAC BRK), which an IOS terminal server line turns into a BREAK on its async port
   * (Cisco, "Standard Break Key Sequence Combinations During Password Recovery", doc 12818).
   */
  async sendBreak(ms: number): Promise<void> {
    if (!this.socket || this.socket.destroyed || this.closing) throw new Error(`Cannot send BREAK: not connected to ${this.target}`)
    if (!this.spec.comPort) {
      this.send(Uint8Array.from([IAC, BRK]))
      return
    }
    if (!this.comPortAgreed) throw new Error(`${this.target} did not agree to RFC 2217 COM port control, so BREAK cannot be sent`)
    this.send(breakCommand(true))
    await new Promise((resolve) => setTimeout(resolve, ms))
    this.send(breakCommand(false))
  }

  private get connectTimeout(): number {
    return this.transportOptions.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
  }

  private send(bytes: Uint8Array): void {
    const socket = this.socket
    if (socket && !socket.destroyed && socket.writable) socket.write(bytes)
  }

  /** What a terminal client offers up front (RFC 1143 allows either side to start). */
  private startNegotiation(): void {
    this.options.offer(OPT.NAWS)
    this.options.offer(OPT.TTYPE)
    this.options.request(OPT.ECHO)
    this.options.request(OPT.SGA)
    this.options.offer(OPT.SGA)
    if (this.spec.comPort) this.options.offer(OPT.COM_PORT)
  }

  private optionChanged(side: 'local' | 'remote', option: number, enabled: boolean): void {
    if (option === OPT.BINARY && side === 'remote') this.decoder.binary = enabled
    if (option === OPT.NAWS && side === 'local' && enabled) this.sendWindowSize()
    if (option === OPT.COM_PORT && enabled && !this.comPortAgreed && this.wanted) {
      // RFC 2217: either side agreeing is enough to start (pyserial's server accepts both ways).
      this.comPortAgreed = true
      for (const command of lineSettingsCommands(this.wanted)) this.send(command)
    }
  }

  private sendWindowSize(): void {
    const w = Math.min(this.cols, 0xffff)
    const h = Math.min(this.rows, 0xffff)
    this.send(subnegotiation(OPT.NAWS, [w >> 8, w & 0xff, h >> 8, h & 0xff]))
  }

  private subnegotiation(option: number, payload: Uint8Array): void {
    if (option === OPT.TTYPE && payload[0] === TTYPE_SEND && this.options.isLocal(OPT.TTYPE)) {
      const name = [...Buffer.from(this.spec.terminalType, 'ascii')]
      this.send(subnegotiation(OPT.TTYPE, [TTYPE_IS, ...name]))
    } else if (option === OPT.COM_PORT && this.wanted) {
      this.comPortReply(payload, this.wanted)
    }
  }

  /** The server says what it applied; a value other than the one asked is worth a warning. */
  private comPortReply(payload: Uint8Array, wanted: ComPortSettings): void {
    const reply = parseComPortReply(payload)
    if (!reply || reply.kind === 'control' || reply.value === undefined) return
    const asked = wanted[reply.kind]
    if (reply.kind === 'baudRate') {
      this.applied.baudRate = reply.value
      for (const waiter of [...this.baudWaiters]) waiter(reply.value)
    }
    if (reply.value !== asked) {
      const what = { baudRate: 'speed', dataBits: 'data bits', parity: 'parity', stopBits: 'stop bits' }[reply.kind]
      this.setCondition({
        warning: fitText(
          `The console server set ${what} to ${String(reply.value)}, not ${String(asked)}: output may be garbled`,
          CONDITION_MAX,
        ),
      })
    }
  }

  private setCondition(condition: TransportCondition): void {
    this.condition = { ...this.condition, ...condition }
    for (const listener of this.conditionListeners) listener(this.condition)
  }
}
