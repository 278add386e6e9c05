/**
 * Speed mismatch detection. A console read at the wrong speed yields framing garbage: NULs,
 * bytes with the high bit set, stray control codes. Real console output is nearly all printable
 * ASCII (Cisco) or UTF-8 (Linux consoles), so a high share of other bytes is a strong hint.
 */

export const WRONG_BAUD_MESSAGE = 'Lots of unreadable characters: is the speed right? Cisco consoles default to 9600 8N1'

/** Below this many bytes a handful of line noise would dominate the ratio. */
const MIN_SAMPLE = 24
const UNREADABLE_RATIO = 0.3

function isReadableControl(byte: number): boolean {
  // BEL, BS, TAB, LF, CR, ESC: what terminals and IOS normally send.
  return byte === 0x07 || byte === 0x08 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x1b
}

/** Length of a well-formed UTF-8 multi-byte sequence starting at i, or 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
  if (length === 0 || i + length > bytes.length) return 0
  for (let k = 1; k < length; k++) {
    const next = bytes[i + k] ?? 0
    if ((next & 0xc0) !== 0x80) return 0
  }
  return length
}

/** Share of bytes that a terminal would not show as text (0..1). */
export function unreadableRatio(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0
  let unreadable = 0
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0
    if ((byte >= 0x20 && byte <= 0x7e) || isReadableControl(byte)) {
      i += 1
      continue
    }
    const sequence = byte >= 0x80 ? utf8SequenceLength(bytes, i) : 0
    if (sequence > 0) {
      i += sequence
      continue
    }
    unreadable += 1
    i += 1
  }
  return unreadable / bytes.length
}

/** True when the first bytes of a session look like a console read at the wrong speed. */
export function looksLikeWrongBaud(bytes: Uint8Array): boolean {
  if (bytes.length < MIN_SAMPLE) return false
  return unreadableRatio(bytes) >= UNREADABLE_RATIO
}

/**
 * Watches the first few hundred bytes after each (re)connect and answers once.
 * Later output is not judged: a binary transfer or a garbled line mid-session is not a speed issue.
 */
export class BaudSniffer {
  private sample = new Uint8Array(0)
  private decided = false

  constructor(private readonly sampleSize = 256) {}

  reset(): void {
    this.sample = new Uint8Array(0)
    this.decided = false
  }

  /** Returns true exactly once, when the sample first looks like the wrong speed. */
  feed(chunk: Uint8Array): boolean {
    if (this.decided) return false
    const room = this.sampleSize - this.sample.length
    const merged = new Uint8Array(this.sample.length + Math.min(room, chunk.length))
    merged.set(this.sample)
    merged.set(chunk.subarray(0, room), this.sample.length)
    this.sample = merged
    // Judge early (a user staring at garbage wants the hint now) but only once the sample is meaningful.
    if (this.sample.length >= 32 && looksLikeWrongBaud(this.sample)) {
      this.decided = true
      return true
    }
    if (this.sample.length >= this.sampleSize) this.decided = true
    return false
  }
}
