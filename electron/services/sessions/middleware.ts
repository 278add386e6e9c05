/**
 * A chain of small synchronous transforms between the terminal and any transport (the Tabby
 * middleware idea): keyboard text passes through them in order on its way to the device, device
 * bytes in reverse order on their way to the terminal. Nothing here knows the transport kind;
 * the line-handling middlewares (serial/line-handling.ts) are one user of it.
 */

export interface Middleware {
  /**
   * Keyboard or paste text on its way to the device. `toTerminal` writes straight back to the
   * terminal (local echo) without going to the device.
   */
  fromTerminal?(data: string, toTerminal: (text: string) => void): string
  /** Bytes from the device on their way to the terminal. */
  fromDevice?(chunk: Uint8Array): Uint8Array
}

export interface TerminalInputResult {
  /** What to write to the device. */
  readonly toDevice: string
  /** What to show in the terminal right away (local echo); empty when nothing. */
  readonly toTerminal: string
}

/** Keyboard text runs through the middlewares in order; device bytes in reverse order. */
export class MiddlewareChain {
  constructor(private readonly middlewares: readonly Middleware[]) {}

  fromTerminal(data: string): TerminalInputResult {
    let toTerminal = ''
    let text = data
    for (const middleware of this.middlewares) {
      if (middleware.fromTerminal) text = middleware.fromTerminal(text, (echo) => (toTerminal += echo))
    }
    return { toDevice: text, toTerminal }
  }

  fromDevice(chunk: Uint8Array): Uint8Array {
    let bytes = chunk
    for (let i = this.middlewares.length - 1; i >= 0; i--) {
      const middleware = this.middlewares[i]
      if (middleware?.fromDevice) bytes = middleware.fromDevice(bytes)
    }
    return bytes
  }
}
