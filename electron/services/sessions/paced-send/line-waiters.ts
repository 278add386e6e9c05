/**
 * What "the router has taken this line" looks like in its output. Fed the output text that
 * arrives after a line was written; `done` turns true once the line is accounted for.
 */
export interface LineWaiter {
  feed(text: string): void
  readonly done: boolean
}

/**
 * Waits for the line's characters to come back, then for the echo of Enter.
 * The characters are matched in order but not contiguously: IOS redraws long lines
 * (`$` scrolling, backspaces) and terminals interleave CR/LF, so extra output is skipped.
 * Waiting for the echoed line break as well means the device has read the whole line, so the
 * prompt that follows cannot be mistaken for the start of the next line's echo.
 */
export class EchoWaiter implements LineWaiter {
  private readonly expected: string[]
  private matched = 0
  private finished = false

  /** `lineBreak` false: done once the characters are back (one piece of a long line). */
  constructor(
    line: string,
    private readonly lineBreak = true,
  ) {
    this.expected = [...line]
    this.finished = !lineBreak && this.expected.length === 0
  }

  get done(): boolean {
    return this.finished
  }

  feed(text: string): void {
    for (const ch of text) {
      if (this.finished) return
      if (this.matched < this.expected.length) {
        if (ch === this.expected[this.matched]) this.matched += 1
        if (!this.lineBreak && this.matched === this.expected.length) this.finished = true
      } else if (ch === '\r' || ch === '\n') {
        this.finished = true
      }
    }
  }
}

/** Matches an IOS or shell prompt at the end of the output, after a line break. */
export const DEFAULT_PROMPT_PATTERN = /[\r\n][\w.:/@~-]+(?:\([\w.:/ -]+\))?[#>$]\s*$/

/** Output kept for prompt matching: enough for any prompt, small enough to test on every chunk. */
const PROMPT_WINDOW = 512

export class PromptWaiter implements LineWaiter {
  private tail = ''
  private finished = false

  constructor(private readonly pattern: RegExp = DEFAULT_PROMPT_PATTERN) {}

  get done(): boolean {
    return this.finished
  }

  feed(text: string): void {
    if (this.finished) return
    this.tail = (this.tail + text).slice(-PROMPT_WINDOW)
    // A global or sticky pattern carries lastIndex between calls; matching must not depend on it.
    this.pattern.lastIndex = 0
    if (this.pattern.test(this.tail)) this.finished = true
  }
}
