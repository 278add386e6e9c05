import { DO, DONT, IAC, SB, SE, WILL, WONT, type Verb } from './codes'

export interface DecoderEvents {
  /** Bytes for the terminal, with telnet commands taken out. */
  data(bytes: Uint8Array): void
  negotiation(verb: Verb, option: number): void
  subnegotiation(option: number, payload: Uint8Array): void
}

/**
 * Longest subnegotiation kept. Real ones are a few bytes (a terminal type, a baud rate); a peer
 * that sends more gets the rest dropped, never an unbounded buffer.
 */
export const MAX_SUBNEGOTIATION = 1024

type State = 'data' | 'iac' | 'verb' | 'sb-option' | 'sb' | 'sb-iac'

/**
 * Splits a telnet byte stream (RFC 854) into terminal data and commands, across chunk
 * boundaries: IAC IAC is a literal 255, IAC verb option a negotiation, IAC SB … IAC SE a
 * subnegotiation. In NVT (non-binary) mode a CR NUL from the server is a bare CR.
 */
export class TelnetDecoder {
  private state: State = 'data'
  private verb: Verb = DO
  private sbOption = 0
  private sb: number[] = []
  private sbOverflow = false
  private lastWasCr = false
  /** The server sends binary (RFC 856): CR NUL is kept as it is. */
  binary = false

  constructor(private readonly events: DecoderEvents) {}

  feed(chunk: Uint8Array): void {
    const out: number[] = []
    const flush = (): void => {
      if (out.length > 0) this.events.data(Uint8Array.from(out.splice(0)))
    }
    for (const byte of chunk) {
      switch (this.state) {
        case 'data':
          if (byte === IAC) {
            this.state = 'iac'
          } else {
            if (!(byte === 0 && this.lastWasCr && !this.binary)) out.push(byte)
            this.lastWasCr = byte === 13
          }
          break
        case 'iac':
          if (byte === IAC) {
            out.push(IAC)
            this.lastWasCr = false
            this.state = 'data'
          } else if (byte === DO || byte === DONT || byte === WILL || byte === WONT) {
            this.verb = byte
            this.state = 'verb'
          } else if (byte === SB) {
            this.state = 'sb-option'
          } else {
            // GA, NOP, DM, AYT, a stray SE: nothing for a console client to do.
            this.state = 'data'
          }
          break
        case 'verb':
          // Negotiation may change binary mode: data before it goes out first.
          flush()
          this.state = 'data'
          this.events.negotiation(this.verb, byte)
          break
        case 'sb-option':
          this.sbOption = byte
          this.sb = []
          this.sbOverflow = false
          this.state = 'sb'
          break
        case 'sb':
          if (byte === IAC) this.state = 'sb-iac'
          else this.keepSb(byte)
          break
        case 'sb-iac':
          if (byte === IAC) {
            this.keepSb(IAC)
            this.state = 'sb'
          } else {
            // IAC SE ends it; any other command here is a broken peer: end it all the same.
            this.state = 'data'
            flush()
            if (byte === SE && !this.sbOverflow) this.events.subnegotiation(this.sbOption, Uint8Array.from(this.sb))
            this.sb = []
          }
          break
      }
    }
    flush()
  }

  private keepSb(byte: number): void {
    if (this.sb.length < MAX_SUBNEGOTIATION) this.sb.push(byte)
    else this.sbOverflow = true
  }
}

/**
 * Makes terminal bytes safe to send: 255 doubled (IAC IAC), and in NVT mode a CR not followed
 * by LF sent as CR NUL (RFC 854 "CR must be followed by either LF or NUL").
 */
export function encodeData(data: Uint8Array, binary: boolean): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < data.length; i++) {
    const byte = data[i] as number
    out.push(byte)
    if (byte === IAC) out.push(IAC)
    else if (byte === 13 && !binary && data[i + 1] !== 10) out.push(0)
  }
  return Uint8Array.from(out)
}

/** IAC SB option payload IAC SE, with 255s in the payload doubled. */
export function subnegotiation(option: number, payload: readonly number[]): Uint8Array {
  const body: number[] = []
  for (const byte of payload) {
    body.push(byte)
    if (byte === IAC) body.push(IAC)
  }
  return Uint8Array.from([IAC, SB, option, ...body, IAC, SE])
}
