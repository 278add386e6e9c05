/** Telnet commands (RFC 854). */
export const IAC = 255
export const DONT = 254
export const DO = 253
export const WONT = 252
export const WILL = 251
export const SB = 250
export const GA = 249
export const NOP = 241
export const BRK = 243
export const SE = 240

/** Telnet options this client knows by name. */
export const OPT = {
  /** RFC 856 */
  BINARY: 0,
  /** RFC 857 */
  ECHO: 1,
  /** RFC 858 */
  SGA: 3,
  /** RFC 1091 */
  TTYPE: 24,
  /** RFC 1073 */
  NAWS: 31,
  /** RFC 2217 */
  COM_PORT: 44,
} as const

export type Verb = typeof DO | typeof DONT | typeof WILL | typeof WONT

/** TERMINAL-TYPE subnegotiation codes (RFC 1091). */
export const TTYPE_IS = 0
export const TTYPE_SEND = 1

const NAMES: Record<number, string> = {
  0: 'BINARY',
  1: 'ECHO',
  3: 'SGA',
  5: 'STATUS',
  24: 'TTYPE',
  31: 'NAWS',
  32: 'TSPEED',
  33: 'LFLOW',
  34: 'LINEMODE',
  35: 'XDISPLOC',
  36: 'ENVIRON',
  37: 'AUTHENTICATION',
  38: 'ENCRYPT',
  39: 'NEW-ENVIRON',
  44: 'COM-PORT-OPTION',
}

export function optionName(option: number): string {
  return NAMES[option] ?? `option ${option}`
}

export function verbName(verb: Verb): string {
  return verb === DO ? 'DO' : verb === DONT ? 'DONT' : verb === WILL ? 'WILL' : 'WONT'
}
