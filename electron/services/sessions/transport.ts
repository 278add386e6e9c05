import type { SessionPrompt } from '../../../shared/contract'

export interface ExitInfo {
  /** Words for the user: "shell exited with code 0", "connection reset by router". */
  readonly reason: string
  readonly exitCode?: number
  /** True when the session ended because something went wrong, not because the user or peer closed it. */
  readonly error?: boolean
}

export type PromptRequest = Omit<SessionPrompt, 'id' | 'promptId'>
export interface PromptAnswer {
  readonly answers?: readonly string[]
  readonly accept?: boolean
}

/** What a session offers its transport while it opens: the size, and a way to ask the user. */
export interface TransportContext {
  readonly cols: number
  readonly rows: number
  /** Ask the user (password, keyboard-interactive, host key). Rejects if the session closes first. */
  prompt(request: PromptRequest): Promise<PromptAnswer>
}

/** A passing condition of the link, shown without ending the session. */
export interface TransportCondition {
  /** "cable disconnected — waiting for /dev/ttyUSB0" */
  readonly detail?: string | undefined
  /** Something looks wrong but the session goes on (wrong speed, settings refused). */
  readonly warning?: string | undefined
}

/**
 * What some links can do and others cannot. Callers test for a capability, never for a class:
 * a serial cable and an RFC 2217 console server port both send BREAK.
 */
export interface TransportCapabilities {
  /** Hold BREAK on the device's line (ROMMON). Rejects with words for the user. */
  sendBreak?(ms: number): Promise<void>
  /**
   * Change the speed of the device's serial line while connected (a console cable, an RFC 2217
   * port), as after `confreg`/`speed` on the router. Resolves with the speed now in force.
   */
  setBaudRate?(baudRate: number): Promise<number>
  /** Bits per second on the device's serial line, where the link knows it (paced-send timing). */
  readonly lineRate?: number
  /** A slow console line sits behind this link: a multi-line paste defaults to paced sending. */
  readonly slowLine?: boolean
  /** Conditions as they change (serial: unplugged, wrong speed; RFC 2217: settings refused). */
  onCondition?(listener: (condition: TransportCondition) => void): () => void
}

/**
 * One byte stream to a device: a pty, an SSH channel, a serial port, the practice router.
 * The session above it logs, batches and applies flow control; a transport only moves bytes.
 */
export interface Transport extends TransportCapabilities {
  readonly title: string
  /** Resolves once bytes can flow; rejects with an Error whose message is for the user. */
  open(ctx: TransportContext): Promise<void>
  write(data: string | Uint8Array): void
  resize(cols: number, rows: number): void
  /** Stop reading from the device (the window fell behind). Must not drop bytes. */
  pause(): void
  resume(): void
  /** End the connection. exit fires afterwards, once. */
  close(): void
  onData(listener: (chunk: Uint8Array) => void): () => void
  onExit(listener: (info: ExitInfo) => void): () => void
}

/** Listener bookkeeping shared by transports, so each one only has to call emitData / emitExit. */
export abstract class TransportBase implements Transport {
  abstract readonly title: string
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>()
  private readonly exitListeners = new Set<(info: ExitInfo) => void>()
  private exited = false

  abstract open(ctx: TransportContext): Promise<void>
  abstract write(data: string | Uint8Array): void
  abstract resize(cols: number, rows: number): void
  abstract pause(): void
  abstract resume(): void
  abstract close(): void

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener)
    return () => this.dataListeners.delete(listener)
  }

  onExit(listener: (info: ExitInfo) => void): () => void {
    this.exitListeners.add(listener)
    return () => this.exitListeners.delete(listener)
  }

  protected emitData(chunk: Uint8Array): void {
    for (const listener of this.dataListeners) listener(chunk)
  }

  protected emitExit(info: ExitInfo): void {
    if (this.exited) return
    this.exited = true
    for (const listener of this.exitListeners) listener(info)
  }

  protected get hasExited(): boolean {
    return this.exited
  }
}
