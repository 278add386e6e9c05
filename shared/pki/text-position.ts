import type { TextPosition } from './types'

/** Maps character offsets to 1-based line/column; built on first use (a 10 MB paste costs ~10 ms). */
export class LineIndex {
  private starts: number[] | undefined

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts
    const starts = [0]
    const t = this.text
    for (let i = t.indexOf('\n'), cr = t.indexOf('\r'); i >= 0 || cr >= 0;) {
      // \r\n is one break; a lone \r (some terminals) is one too.
      if (cr >= 0 && (i < 0 || cr < i)) {
        if (t.charCodeAt(cr + 1) !== 10) starts.push(cr + 1)
        cr = t.indexOf('\r', cr + 1)
      } else {
        starts.push(i + 1)
        i = t.indexOf('\n', i + 1)
      }
    }
    this.starts = starts
    return starts
  }

  at(offset: number): TextPosition {
    const starts = this.lineStarts()
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] ?? 0) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1, offset }
  }
}
