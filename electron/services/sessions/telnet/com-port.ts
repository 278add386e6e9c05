import type { ComPortSettings } from '../../../../shared/contract/sessions'
import { OPT } from './codes'
import { subnegotiation } from './decoder'

/**
 * RFC 2217 (Telnet Com Port Control Option) commands the client sends; the server answers each
 * with the same code plus 100 and the value it actually applied.
 */
export const CPC = {
  SET_BAUDRATE: 1,
  SET_DATASIZE: 2,
  SET_PARITY: 3,
  SET_STOPSIZE: 4,
  SET_CONTROL: 5,
  SERVER_OFFSET: 100,
} as const

/** SET-CONTROL values (RFC 2217 section "SET-CONTROL"). */
export const CONTROL = { NO_FLOW: 1, XONXOFF: 2, HARDWARE: 3, BREAK_ON: 5, BREAK_OFF: 6 } as const

/** RFC 2217 parity codes: 1 NONE, 2 ODD, 3 EVEN, 4 MARK, 5 SPACE. */
const PARITY_CODE: Record<ComPortSettings['parity'], number> = { none: 1, odd: 2, even: 3, mark: 4, space: 5 }
const PARITY_BY_CODE = new Map(Object.entries(PARITY_CODE).map(([name, code]) => [code, name as ComPortSettings['parity']]))
/** RFC 2217 stop-size codes: 1 = 1 bit, 2 = 2 bits, 3 = 1.5 bits. */
const STOP_CODE: Record<ComPortSettings['stopBits'], number> = { 1: 1, 2: 2, 1.5: 3 }
const STOP_BY_CODE = new Map<number, ComPortSettings['stopBits']>([
  [1, 1],
  [2, 2],
  [3, 1.5],
])

const PARITY_LETTER: Record<ComPortSettings['parity'], string> = { none: 'N', even: 'E', odd: 'O', mark: 'M', space: 'S' }

export function describeComPort(s: ComPortSettings): string {
  return `${s.baudRate} ${s.dataBits}${PARITY_LETTER[s.parity]}${s.stopBits}`
}

function command(code: number, value: readonly number[]): Uint8Array {
  return subnegotiation(OPT.COM_PORT, [code, ...value])
}

/** The requests that put the far serial line into `s`: speed, frame, no flow control. */
export function lineSettingsCommands(s: ComPortSettings): Uint8Array[] {
  const baud = s.baudRate >>> 0
  return [
    command(CPC.SET_BAUDRATE, [(baud >>> 24) & 0xff, (baud >>> 16) & 0xff, (baud >>> 8) & 0xff, baud & 0xff]),
    command(CPC.SET_DATASIZE, [s.dataBits]),
    command(CPC.SET_PARITY, [PARITY_CODE[s.parity]]),
    command(CPC.SET_STOPSIZE, [STOP_CODE[s.stopBits]]),
    command(CPC.SET_CONTROL, [CONTROL.NO_FLOW]),
  ]
}

export function breakCommand(on: boolean): Uint8Array {
  return command(CPC.SET_CONTROL, [on ? CONTROL.BREAK_ON : CONTROL.BREAK_OFF])
}

/** What a server's COM-PORT-OPTION reply says, or undefined for notifications this client ignores. */
export type ComPortReply =
  | { kind: 'baudRate'; value: number }
  | { kind: 'dataBits'; value: number }
  | { kind: 'parity'; value: ComPortSettings['parity'] | undefined }
  | { kind: 'stopBits'; value: ComPortSettings['stopBits'] | undefined }
  | { kind: 'control'; value: number }

export function parseComPortReply(payload: Uint8Array): ComPortReply | undefined {
  const code = (payload[0] ?? 0) - CPC.SERVER_OFFSET
  const value = payload[1]
  if (value === undefined) return undefined
  switch (code) {
    case CPC.SET_BAUDRATE:
      if (payload.length < 5) return undefined
      return { kind: 'baudRate', value: ((value << 24) | ((payload[2] ?? 0) << 16) | ((payload[3] ?? 0) << 8) | (payload[4] ?? 0)) >>> 0 }
    case CPC.SET_DATASIZE:
      return { kind: 'dataBits', value }
    case CPC.SET_PARITY:
      return { kind: 'parity', value: PARITY_BY_CODE.get(value) }
    case CPC.SET_STOPSIZE:
      return { kind: 'stopBits', value: STOP_BY_CODE.get(value) }
    case CPC.SET_CONTROL:
      return { kind: 'control', value }
    default:
      return undefined
  }
}
