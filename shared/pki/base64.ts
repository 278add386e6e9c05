// Our own base64 codec instead of atob: we need the exact text position of the first bad
// character, tolerance for whitespace and IOS pager prompts, and no Buffer (shared/ runs in Chromium).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const VALUES = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i

const PAGER = '--More--'

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  let chunk = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0
    const b1 = bytes[i + 1] ?? 0
    const b2 = bytes[i + 2] ?? 0
    chunk += ALPHABET[b0 >> 2]
    chunk += ALPHABET[((b0 & 3) << 4) | (b1 >> 4)]
    chunk += i + 1 < bytes.length ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)] : '='
    chunk += i + 2 < bytes.length ? ALPHABET[b2 & 63] : '='
    // Repeated string += on one huge string is slow in some engines; flush now and then.
    if (chunk.length >= 8192) {
      parts.push(chunk)
      chunk = ''
    }
  }
  parts.push(chunk)
  return parts.join('')
}

export function isBase64Char(code: number): boolean {
  return code < 128 && (VALUES[code] ?? -1) >= 0
}

function isSkippable(code: number): boolean {
  // Whitespace, and backspaces that terminals use to erase a pager prompt.
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 8 || code === 12 || code === 0xa0
}

export type Base64Failure =
  { kind: 'bad-char'; offset: number; char: string; count: number } | { kind: 'padding-in-middle'; offset: number }

export interface Base64Decoded {
  bytes: Uint8Array
  /** Base64 characters read (padding excluded). */
  chars: number
  /** Characters (padding included) left over after the last complete group of four: text is missing or extra. */
  strayChars: number
  pagerPrompts: number
  failure?: Base64Failure
}

/**
 * Decodes text[start, end) ignoring whitespace and `--More--` pager prompts. On a bad character
 * it keeps scanning only to count further bad characters, and returns no bytes.
 */
export function decodeBase64Region(text: string, start: number, end: number): Base64Decoded {
  const out = new Uint8Array(Math.ceil(((end - start) * 3) / 4) + 3)
  let outLen = 0
  let acc = 0
  let accBits = 0
  let chars = 0
  let pagerPrompts = 0
  let paddingAt = -1
  let padding = 0
  let failure: Base64Failure | undefined
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    if (isSkippable(code)) continue
    if (code === 45 /* - */ && text.startsWith(PAGER, i)) {
      pagerPrompts++
      i += PAGER.length - 1
      continue
    }
    if (code === 61 /* = */) {
      if (paddingAt < 0) paddingAt = i
      padding++
      continue
    }
    const value = code < 128 ? (VALUES[code] ?? -1) : -1
    if (value < 0) {
      if (failure?.kind === 'bad-char') failure.count++
      else if (!failure) failure = { kind: 'bad-char', offset: i, char: charAt(text, i), count: 1 }
      continue
    }
    if (paddingAt >= 0 && !failure) failure = { kind: 'padding-in-middle', offset: paddingAt }
    if (failure) continue
    chars++
    acc = (acc << 6) | value
    accBits += 6
    if (accBits >= 8) {
      accBits -= 8
      out[outLen++] = (acc >> accBits) & 0xff
      acc &= (1 << accBits) - 1
    }
  }
  // Properly padded text is a whole number of groups; anything left over means lost characters.
  const strayChars = (chars + padding) % 4
  if (failure) return { bytes: new Uint8Array(0), chars, strayChars, pagerPrompts, failure }
  // A lone 6-bit leftover cannot form a byte; 2 or 3 leftovers are normal unpadded endings.
  return { bytes: out.slice(0, outLen), chars, strayChars, pagerPrompts }
}

/** Text offset of the n-th significant base64 character in text[start, end), for error locations. */
export function offsetOfBase64Char(text: string, start: number, end: number, n: number): number {
  let seen = 0
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code === 45 && text.startsWith(PAGER, i)) {
      i += PAGER.length - 1
      continue
    }
    if (!isBase64Char(code)) continue
    if (seen === n) return i
    seen++
  }
  return end
}

/** The character at i, whole even when it is a surrogate pair. */
export function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i) ?? 0
  return String.fromCodePoint(cp)
}

/** How to show a character in a message: printable ones quoted, the rest as U+XXXX. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0
  if (cp < 32 || (cp >= 0x7f && cp < 0xa0) || cp === 0xfffd) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
  return `'${ch}'`
}

/** Decodes base64 that is known to be clean (our own `der` fields); throws otherwise. */
export function decodeBase64(text: string): Uint8Array {
  const d = decodeBase64Region(text, 0, text.length)
  if (d.failure) throw new Error(`invalid base64 at character ${d.failure.offset}`)
  return d.bytes
}
