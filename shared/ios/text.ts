/**
 * Terminal text clean-up shared by the prompt detector and every parser. Router output reaches us
 * as a terminal would see it: ANSI escapes from terminal servers, backspaces that erase
 * `--More--`, and CR/LF in every combination.
 */

const ESC = 0x1b
const BEL = 0x07
const BS = 0x08

/** C0/C1 controls other than TAB, LF, CR and BS carry no text. */
function isDroppedControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d || code === BS) return false
  return code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f)
}

/** Index after a CSI's parameter, intermediate and final bytes. */
function skipCsi(text: string, from: number): number {
  let j = from
  while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x3f) j++
  while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++
  return j < text.length ? j + 1 : j
}

/** Index after an escape sequence starting at `from` (which holds ESC). */
function skipEscape(text: string, from: number): number {
  const next = text.charCodeAt(from + 1)
  if (Number.isNaN(next)) return from + 1
  if (next === 0x5b) return skipCsi(text, from + 2)
  if (next === 0x5d) {
    // OSC (window titles): ends at BEL or ESC \; an unterminated one ends where the next escape starts.
    for (let j = from + 2; j < text.length; j++) {
      const c = text.charCodeAt(j)
      if (c === BEL) return j + 1
      if (c === ESC) return text.charCodeAt(j + 1) === 0x5c ? j + 2 : j
    }
    return text.length
  }
  // SS3 (ESC O x): application-mode arrow and F1–F4 keys; the byte after O belongs to it.
  if (next === 0x4f) return Math.min(from + 3, text.length)
  let j = from + 1
  while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++
  return j < text.length ? j + 1 : j
}

/**
 * Remove ANSI/VT escape sequences (CSI, OSC, SS3, two-byte escapes, 8-bit CSI) and controls that
 * carry no text. A sequence cut off at the end of the text is dropped too.
 */
export function stripAnsi(text: string): string {
  return strip(text, true)
}

/**
 * Remove only the escape sequences and keep every control character: what typed input needs
 * (arrow and function keys are not text, but DEL and BS are edits the echo must show).
 */
export function stripEscapeSequences(text: string): string {
  return strip(text, false)
}

function strip(text: string, dropControls: boolean): string {
  const parts: string[] = []
  let start = 0
  let i = 0
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === ESC || code === 0x9b || (dropControls && isDroppedControl(code))) {
      if (i > start) parts.push(text.slice(start, i))
      i = code === ESC ? skipEscape(text, i) : code === 0x9b ? skipCsi(text, i + 1) : i + 1
      start = i
    } else {
      i++
    }
  }
  if (start < text.length) parts.push(text.slice(start))
  return parts.join('')
}

/** Backspace erases the character before it on the same line, as it does on screen. */
export function applyBackspaces(text: string): string {
  if (!text.includes('\b')) return text
  const out: string[] = []
  for (const ch of text) {
    if (ch === '\b') {
      const last = out[out.length - 1]
      if (last !== undefined && last !== '\n' && last !== '\r') out.pop()
    } else {
      out.push(ch)
    }
  }
  return out.join('')
}

/** ANSI removed and backspaces applied; line endings kept as received. */
export function cleanTerminalText(text: string): string {
  return applyBackspaces(stripAnsi(text))
}

/** Lines of cleaned text; CRLF, LF and lone CR all end a line. */
export function toLines(text: string): string[] {
  return cleanTerminalText(text).split(/\r\n|\r|\n/)
}

/** Cleaned text with every line ending turned into LF and trailing blanks removed per line. */
export function normalizeOutput(text: string): string {
  return toLines(text)
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
}

/** The first `% …` line in a piece of output, for "not recognised" messages that quote the router. */
export function firstIosMessage(text: string): string | undefined {
  for (const line of toLines(text)) {
    const trimmed = line.trim()
    if (/^%\s*\S/.test(trimmed)) return trimmed
  }
  return undefined
}
