/**
 * Turns keystrokes into edit events the way the IOS console does: echo of printable characters,
 * backspace, '?' and Tab as help/completion at a command prompt, Ctrl-C / Ctrl-Z, arrow-key history.
 * '\r', '\n' and '\r\n' each count as one Enter.
 */

export type EditorEvent =
  | { readonly type: 'enter'; readonly line: string }
  | { readonly type: 'help'; readonly text: string }
  | { readonly type: 'tab'; readonly text: string }
  | { readonly type: 'ctrl-c' }
  | { readonly type: 'ctrl-z' }

/** command: a CLI prompt; text: a dialog line (echoed, '?' literal); secret: a password (no echo). */
export type EditorMode = 'command' | 'text' | 'secret'

const HISTORY_SIZE = 20

export class LineEditor {
  private buffer = ''
  private lastWasCr = false
  private escape: '' | 'esc' | 'csi' = ''
  private mode: EditorMode = 'command'
  private readonly history: string[] = []
  private historyIndex = 0

  constructor(private readonly echo: (text: string) => void) {}

  get text(): string {
    return this.buffer
  }

  get editorMode(): EditorMode {
    return this.mode
  }

  setMode(mode: EditorMode): void {
    this.mode = mode
    this.buffer = ''
  }

  /** Redraw target after help or a log message: the caller prints the prompt, then this. */
  replaceText(text: string): void {
    this.buffer = text
  }

  feed(ch: string): EditorEvent | null {
    const wasCr = this.lastWasCr
    this.lastWasCr = ch === '\r'
    if (this.escape) return this.escapeSequence(ch)
    switch (ch) {
      case '\r':
        return this.enter()
      case '\n':
        return wasCr ? null : this.enter()
      case '\x7f':
      case '\b':
        if (this.buffer.length > 0) {
          this.buffer = this.buffer.slice(0, -1)
          if (this.mode !== 'secret') this.echo('\b \b')
        }
        return null
      case '\x03':
        return { type: 'ctrl-c' }
      case '\x1a':
        return { type: 'ctrl-z' }
      case '\x15': // Ctrl-U: erase the line
        this.erase()
        return null
      case '\x10': // Ctrl-P
        this.recall(-1)
        return null
      case '\x0e': // Ctrl-N
        this.recall(1)
        return null
      case '\x1b':
        this.escape = 'esc'
        return null
      case '\t':
        return this.mode === 'command' ? { type: 'tab', text: this.buffer } : null
      case '?':
        if (this.mode === 'command') return { type: 'help', text: this.buffer }
        break
    }
    if (ch < ' ' || ch === '\x7f') return null
    this.buffer += ch
    if (this.mode !== 'secret') this.echo(ch)
    return null
  }

  private enter(): EditorEvent {
    const line = this.buffer
    this.buffer = ''
    if (this.mode === 'command' && line.trim() && this.history[this.history.length - 1] !== line) {
      this.history.push(line)
      if (this.history.length > HISTORY_SIZE) this.history.shift()
    }
    this.historyIndex = this.history.length
    return { type: 'enter', line }
  }

  private escapeSequence(ch: string): null {
    if (this.escape === 'esc') {
      this.escape = ch === '[' || ch === 'O' ? 'csi' : ''
      return null
    }
    // Parameter bytes of a CSI sequence keep it open; the final byte ends it.
    if (ch >= '0' && ch <= '?') return null
    this.escape = ''
    if (this.mode !== 'command') return null
    if (ch === 'A') this.recall(-1)
    else if (ch === 'B') this.recall(1)
    return null
  }

  private erase(): void {
    if (this.mode !== 'secret' && this.buffer.length > 0) {
      const n = this.buffer.length
      this.echo(`${'\b'.repeat(n)}${' '.repeat(n)}${'\b'.repeat(n)}`)
    }
    this.buffer = ''
  }

  private recall(direction: -1 | 1): void {
    if (this.mode !== 'command') return
    const next = this.historyIndex + direction
    if (next < 0 || next > this.history.length) return
    this.historyIndex = next
    this.erase()
    this.buffer = this.history[next] ?? ''
    this.echo(this.buffer)
  }
}
