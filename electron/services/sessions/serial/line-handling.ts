/**
 * Line handling between the terminal and a serial device, as small composable transforms
 * (the Tabby middleware idea): each one looks at keyboard text on its way to the device and/or
 * at device bytes on their way to the terminal. Pure and synchronous, so the session layer can
 * run them for any transport.
 */

import { stripEscapeSequences } from '../../../../shared/ios/text'
import { MiddlewareChain, type Middleware } from '../middleware'

// Re-exported: callers that build line handling also hold the chain and its parts.
export { MiddlewareChain, type Middleware, type TerminalInputResult } from '../middleware'

export type SendLineEnding = 'cr' | 'lf' | 'crlf'

const ENDINGS: Record<SendLineEnding, string> = { cr: '\r', lf: '\n', crlf: '\r\n' }

/**
 * xterm sends CR for Enter; pastes bring LF or CRLF. Every line break becomes the configured
 * ending, and a CRLF split across two writes still counts as one break.
 */
export class SendLineEndingMiddleware implements Middleware {
  private afterCr = false
  constructor(private readonly ending: SendLineEnding = 'cr') {}

  fromTerminal(data: string): string {
    let out = ''
    for (const ch of data) {
      if (ch === '\n' && this.afterCr) {
        this.afterCr = false
        continue
      }
      this.afterCr = ch === '\r'
      out += ch === '\r' || ch === '\n' ? ENDINGS[this.ending] : ch
    }
    return out
  }
}

/** Devices that send bare LF leave the cursor in its column; add the CR a terminal needs. */
export class LfToCrlfMiddleware implements Middleware {
  private lastWasCr = false

  fromDevice(chunk: Uint8Array): Uint8Array {
    let loneLf = 0
    let previousCr = this.lastWasCr
    for (const byte of chunk) {
      if (byte === 0x0a && !previousCr) loneLf += 1
      previousCr = byte === 0x0d
    }
    if (loneLf === 0) {
      this.lastWasCr = previousCr
      return chunk
    }
    const out = new Uint8Array(chunk.length + loneLf)
    let j = 0
    previousCr = this.lastWasCr
    for (const byte of chunk) {
      if (byte === 0x0a && !previousCr) out[j++] = 0x0d
      out[j++] = byte
      previousCr = byte === 0x0d
    }
    this.lastWasCr = previousCr
    return out
  }
}

/** For devices that do not echo (some modems, microcontrollers): show what was typed. */
export class LocalEchoMiddleware implements Middleware {
  private afterCr = false

  fromTerminal(data: string, toTerminal: (text: string) => void): string {
    let echo = ''
    // Arrow and function keys must not be echoed as text.
    for (const ch of stripEscapeSequences(data)) {
      const code = ch.charCodeAt(0)
      if (ch === '\n' && this.afterCr) {
        this.afterCr = false
        continue
      }
      this.afterCr = ch === '\r'
      if (ch === '\r' || ch === '\n') echo += '\r\n'
      else if (code === 0x7f || code === 0x08) echo += '\b \b'
      else if (ch === '\t' || code >= 0x20) echo += ch
    }
    if (echo) toTerminal(echo)
    return data
  }
}

function isPrintableAscii(byte: number): boolean {
  return byte >= 0x20 && byte <= 0x7e
}

/**
 * One hex-dump line: `0000  48 65 6c 6c 6f  |Hello|`. `width` pads the hex column to that many
 * bytes so that a short last line stays aligned with full ones.
 */
export function formatHexLine(bytes: Uint8Array, offset = 0, width = bytes.length): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')
  const padded = width > bytes.length ? hex.padEnd(width * 3 - 1, ' ') : hex
  const text = Array.from(bytes, (b) => (isPrintableAscii(b) ? String.fromCharCode(b) : '.')).join('')
  return `${offset.toString(16).padStart(4, '0')}  ${padded}  |${text}|`
}

/**
 * Shows device bytes as hex lines. Each chunk is dumped as it arrives (a console user wants to
 * see the bytes now, not when 16 have accumulated); offsets continue across chunks.
 */
export class HexViewMiddleware implements Middleware {
  private offset = 0
  private readonly encoder = new TextEncoder()
  constructor(private readonly bytesPerLine = 16) {}

  fromDevice(chunk: Uint8Array): Uint8Array {
    let text = ''
    for (let start = 0; start < chunk.length; start += this.bytesPerLine) {
      const slice = chunk.subarray(start, start + this.bytesPerLine)
      text += `${formatHexLine(slice, this.offset, this.bytesPerLine)}\r\n`
      this.offset += slice.length
    }
    return this.encoder.encode(text)
  }
}

export interface LineHandlingOptions {
  /** What Enter (and each line of a paste) sends. Consoles expect CR. */
  readonly sendLineEnding: SendLineEnding
  /** Turn a lone LF from the device into CRLF. */
  readonly receiveLfToCrlf: boolean
  readonly localEcho: boolean
  /** Show device bytes as a hex dump instead of text. */
  readonly hexView: boolean
}

export const DEFAULT_LINE_HANDLING: LineHandlingOptions = {
  sendLineEnding: 'cr',
  receiveLfToCrlf: false,
  localEcho: false,
  hexView: false,
}

export function buildLineHandling(options: Partial<LineHandlingOptions> = {}): MiddlewareChain {
  const o = { ...DEFAULT_LINE_HANDLING, ...options }
  // Local echo must see the keys as typed, before line endings are rewritten. The hex view
  // replaces the LF conversion so that it shows the device's bytes untouched.
  const chain: Middleware[] = []
  if (o.hexView) chain.push(new HexViewMiddleware())
  else if (o.receiveLfToCrlf) chain.push(new LfToCrlfMiddleware())
  if (o.localEcho) chain.push(new LocalEchoMiddleware())
  chain.push(new SendLineEndingMiddleware(o.sendLineEnding))
  return new MiddlewareChain(chain)
}
