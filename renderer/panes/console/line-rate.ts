import type { SessionSpec } from '../../../shared/contract'

/** A slow console line behind a session, and how fast it runs. */
export interface SlowLine {
  readonly baud: number
  /** True when the speed is not known (plain telnet to a console server): 9600 is assumed. */
  readonly assumed: boolean
}

/** Console default on Cisco routers and switches ("line con 0", speed 9600). */
const CONSOLE_DEFAULT_BAUD = 9600

/** Serial cables and console-server ports are slow lines; SSH, shells and the practice router are not. */
export function slowLineOf(spec: SessionSpec): SlowLine | undefined {
  if (spec.kind === 'serial') return { baud: spec.baudRate, assumed: false }
  if (spec.kind === 'telnet') {
    if (spec.comPort) return { baud: spec.comPort.baudRate, assumed: false }
    if (spec.consoleServer) return { baud: CONSOLE_DEFAULT_BAUD, assumed: true }
  }
  return undefined
}

/** Bytes a paste puts on the line: its characters plus one line ending (`endingBytes`) per line. */
export function pasteBytes(lines: readonly string[], endingBytes = 1): number {
  const encoder = new TextEncoder()
  return lines.reduce((sum, line) => sum + encoder.encode(line).length + endingBytes, 0)
}

/** Seconds the bytes alone need at `baud`, with start and stop bits (10 bits a character). */
export function lineSeconds(bytes: number, baud: number): number {
  return (bytes * 10) / baud
}

/** "About 4.2 s at 9600 baud (4,003 bytes)" — the time before the paste starts. */
export function describeLineTime(bytes: number, line: SlowLine): string {
  const seconds = lineSeconds(bytes, line.baud)
  const shown = seconds < 10 ? seconds.toFixed(1) : String(Math.round(seconds))
  return `At least ${shown} s at ${line.baud} baud${line.assumed ? ' (assumed)' : ''} for ${bytes.toLocaleString('en-US')} bytes`
}
