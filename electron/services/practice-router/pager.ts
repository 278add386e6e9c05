/**
 * `--More--` paging of a command's output when `terminal length` is not 0, as IOS does it:
 * a screen holds `length - 1` lines of output and the pager prompt; at the prompt Space shows the
 * next screen, Enter (CR or LF) one more line, and any other key (q, Ctrl-C…) drops the rest.
 * The prompt is erased with backspaces before output goes on, the way the erased `--More--` in
 * test/fixtures/ios/session-ansi.txt looks.
 */

const PROMPT = ' --More-- '
const ERASE = `${'\b'.repeat(9)}${' '.repeat(9)}${'\b'.repeat(9)}`

export class Pager {
  private lines: string[] = []
  private screen = 23
  private lastWasCr = false
  /** The output's last line had no line end: it is printed without one. */
  private endsOpen = false

  /** `write` takes terminal text (`\r\n` line ends). */
  constructor(private readonly write: (text: string) => void) {}

  /** True while the pager waits at `--More--` for a key. */
  get paused(): boolean {
    return this.lines.length > 0
  }

  /**
   * Prints `text` ('\n' line ends), pausing after a screenful. Returns true when it paused; the
   * caller then feeds keys to `key()` until it reports the output done.
   */
  show(text: string, length: number): boolean {
    const lines = text.split('\n')
    const tail = lines.pop() ?? ''
    this.screen = Math.max(1, length - 1)
    if (length <= 0 || lines.length <= this.screen) {
      this.write(text.replace(/\n/g, '\r\n'))
      return false
    }
    this.lines = tail === '' ? lines : [...lines, tail]
    this.endsOpen = tail !== ''
    this.lastWasCr = false
    this.emit(this.screen)
    return this.paused
  }

  /** One key typed at `--More--`. Returns true when the output is finished (shown or dropped). */
  key(ch: string): boolean {
    if (!this.paused) return true
    // A terminal's CR LF is one Enter: the LF after a CR is not a second key.
    if (ch === '\n' && this.lastWasCr) {
      this.lastWasCr = false
      return false
    }
    this.lastWasCr = ch === '\r'
    this.write(ERASE)
    if (ch === ' ') this.emit(this.screen)
    else if (ch === '\r' || ch === '\n') this.emit(1)
    else this.lines = []
    return !this.paused
  }

  private emit(count: number): void {
    const shown = this.lines.splice(0, count)
    const partial = this.endsOpen && this.lines.length === 0
    this.write(shown.map((line, i) => (partial && i === shown.length - 1 ? line : `${line}\r\n`)).join(''))
    if (this.paused) this.write(PROMPT)
  }
}
