import { stripAnsi } from '../../../shared/ios/text'

const ESC = String.fromCharCode(0x1b)
const BEL = String.fromCharCode(0x07)
const OPEN_ESCAPE_AT_END = new RegExp(`${ESC}(\\[[0-9;?]*|\\][^${BEL}${ESC}]*|[()#][0-9A-Za-z]?)?$`)

/**
 * Turns raw terminal output into readable log text, chunk by chunk: ANSI escapes removed (an
 * escape cut between two chunks is carried over), CR LF as LF, optional time stamp per line.
 */
export class LogTextFormatter {
  private readonly decoder = new TextDecoder('utf-8')
  private carry = ''
  private atLineStart = true

  constructor(
    private readonly timestamps: boolean,
    private readonly now: () => Date = () => new Date(),
  ) {}

  format(chunk: Uint8Array): string {
    let text = this.carry + this.decoder.decode(chunk, { stream: true })
    this.carry = ''
    // An escape sequence still open at the end of the chunk waits for the next one.
    const open = text.match(OPEN_ESCAPE_AT_END)
    if (open && open.index !== undefined) {
      this.carry = text.slice(open.index)
      text = text.slice(0, open.index)
    }
    const clean = stripAnsi(text).replace(/\r+\n/g, '\n').replace(/\r/g, '')
    if (!this.timestamps) return clean
    let out = ''
    for (const ch of clean) {
      if (this.atLineStart) out += `[${this.now().toISOString()}] `
      out += ch
      this.atLineStart = ch === '\n'
    }
    return out
  }
}
