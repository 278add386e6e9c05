import type { SessionSpec } from '../../../shared/contract'

type SerialSpecIn = Extract<SessionSpec, { kind: 'serial' }>

/** Speeds a console cable is likely to run at; anything else goes in the custom field. */
export const BAUD_PRESETS = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] as const

export const DATA_BITS = [5, 6, 7, 8] as const
export const PARITIES = ['none', 'even', 'odd', 'mark', 'space'] as const
export const STOP_BITS = [1, 1.5, 2] as const
export const FLOW_CONTROLS = [
  { value: 'none', label: 'None' },
  { value: 'rtscts', label: 'RTS/CTS' },
  { value: 'xonxoff', label: 'XON/XOFF' },
] as const

export function isBaudPreset(baud: number): boolean {
  return (BAUD_PRESETS as readonly number[]).includes(baud)
}

export type Frame = Pick<SerialSpecIn, 'dataBits' | 'parity' | 'stopBits'>

const PARITY_LETTERS: Record<string, NonNullable<Frame['parity']>> = { N: 'none', E: 'even', O: 'odd', M: 'mark', S: 'space' }

/** "8N1", "7E1", "8N1.5": the way console settings are written on labels and in manuals. */
export function parseFrame(text: string): Frame | undefined {
  const match = /^([5-8])([NEOMS])(1|1\.5|2)$/i.exec(text.trim())
  if (!match?.[1] || !match[2] || !match[3]) return undefined
  const parity = PARITY_LETTERS[match[2].toUpperCase()]
  if (!parity) return undefined
  return {
    dataBits: Number(match[1]) as 5 | 6 | 7 | 8,
    parity,
    stopBits: Number(match[3]) as 1 | 1.5 | 2,
  }
}

/** The short form for a tab title: "9600 8N1". */
export function describeSerial(spec: SerialSpecIn): string {
  const parity = (spec.parity ?? 'none').charAt(0).toUpperCase()
  return `${spec.baudRate ?? 9600} ${spec.dataBits ?? 8}${parity}${spec.stopBits ?? 1}`
}
