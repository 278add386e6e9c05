// A small DER/BER reader. The X.509 library tells us *that* bytes are broken; this tells us
// *where* (byte offset, expected vs found length), which is what a field engineer needs.

export interface Tlv {
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  tagClass: number
  constructed: boolean
  tagNumber: number
  /** Offset of the identifier octet. */
  offset: number
  headerLength: number
  /** Content length (for indefinite lengths: up to, not including, the end-of-contents octets). */
  length: number
  indefinite: boolean
  /** Offset just past the element (including end-of-contents octets). */
  end: number
}

export class DerError extends Error {
  constructor(
    message: string,
    readonly byteOffset: number,
    readonly kind: 'truncated' | 'malformed',
    readonly expected?: number,
    readonly found?: number,
  ) {
    super(message)
    this.name = 'DerError'
  }
}

const MAX_DEPTH = 48

export function contentStart(t: Tlv): number {
  return t.offset + t.headerLength
}

export function contentOf(bytes: Uint8Array, t: Tlv): Uint8Array {
  return bytes.subarray(contentStart(t), contentStart(t) + t.length)
}

/** Reads one element at `offset` that must end at or before `limit`. */
export function readTlv(bytes: Uint8Array, offset: number, limit: number = bytes.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) throw new DerError(`nesting deeper than ${MAX_DEPTH} levels at byte ${offset}`, offset, 'malformed')
  let p = offset
  const need = (n: number): void => {
    if (p + n > limit) {
      throw new DerError(`element header at byte ${offset} runs past the end of the data`, offset, 'truncated')
    }
  }
  need(1)
  const id = bytes[p++] ?? 0
  const tagClass = id >> 6
  const constructed = (id & 0x20) !== 0
  let tagNumber = id & 0x1f
  if (tagNumber === 0x1f) {
    tagNumber = 0
    for (let i = 0; ; i++) {
      need(1)
      const b = bytes[p++] ?? 0
      tagNumber = tagNumber * 128 + (b & 0x7f)
      if ((b & 0x80) === 0) break
      if (i > 4) throw new DerError(`tag number too long at byte ${offset}`, offset, 'malformed')
    }
  }
  need(1)
  const first = bytes[p++] ?? 0
  if (first === 0x80) {
    if (!constructed) throw new DerError(`indefinite length on a primitive element at byte ${offset}`, offset, 'malformed')
    let q = p
    for (;;) {
      if (q + 2 > limit) throw new DerError(`element at byte ${offset} has no end-of-contents marker`, offset, 'truncated')
      if (bytes[q] === 0 && bytes[q + 1] === 0) break
      q = readTlv(bytes, q, limit, depth + 1).end
    }
    return { tagClass, constructed, tagNumber, offset, headerLength: p - offset, length: q - p, indefinite: true, end: q + 2 }
  }
  let length = first
  if (first & 0x80) {
    const n = first & 0x7f
    if (n > 4) throw new DerError(`length field of ${n} bytes at byte ${offset} is not plausible`, offset, 'malformed')
    need(n)
    length = 0
    for (let i = 0; i < n; i++) length = length * 256 + (bytes[p++] ?? 0)
  }
  const headerLength = p - offset
  const end = p + length
  if (end > limit) {
    throw new DerError(
      `element at byte ${offset} needs ${headerLength + length} bytes but only ${limit - offset} remain`,
      offset,
      'truncated',
      headerLength + length,
      limit - offset,
    )
  }
  return { tagClass, constructed, tagNumber, offset, headerLength, length, indefinite: false, end }
}

/** The direct children of a constructed element. */
export function childrenOf(bytes: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = []
  let p = contentStart(t)
  const stop = p + t.length
  while (p < stop) {
    const child = readTlv(bytes, p, stop)
    out.push(child)
    p = child.end
  }
  return out
}

/** Checks that every constructed element nests properly; throws a DerError at the first fault. */
export function validateTree(bytes: Uint8Array, t: Tlv, depth = 0): void {
  if (!t.constructed) return
  if (depth > MAX_DEPTH) throw new DerError(`nesting deeper than ${MAX_DEPTH} levels`, t.offset, 'malformed')
  for (const child of childrenOf(bytes, t)) validateTree(bytes, child, depth + 1)
}

/**
 * The one element `bytes` holds: every constructed element below it checked to nest properly, and
 * nothing after it. Throws a DerError at the first fault (`what` names the value in the message).
 */
export function readWhole(bytes: Uint8Array, what = 'the value'): Tlv {
  const t = readTlv(bytes, 0)
  validateTree(bytes, t)
  if (t.end !== bytes.length) throw new DerError(`${what} has ${bytes.length - t.end} stray bytes after it`, t.end, 'malformed')
  return t
}

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8_STRING: 12,
  SEQUENCE: 16,
  SET: 17,
  PRINTABLE_STRING: 19,
  T61_STRING: 20,
  IA5_STRING: 22,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  UNIVERSAL_STRING: 28,
  BMP_STRING: 30,
} as const

export function isUniversal(t: Tlv, tagNumber: number): boolean {
  return t.tagClass === 0 && t.tagNumber === tagNumber
}

export function isContext(t: Tlv, tagNumber: number): boolean {
  return t.tagClass === 2 && t.tagNumber === tagNumber
}

export function expectUniversal(t: Tlv | undefined, tagNumber: number, what: string): Tlv {
  if (!t) throw new DerError(`${what} is missing`, 0, 'malformed')
  if (!isUniversal(t, tagNumber)) {
    throw new DerError(`${what} at byte ${t.offset} has the wrong type (tag ${describeTag(t)})`, t.offset, 'malformed')
  }
  return t
}

export function readOid(bytes: Uint8Array, t: Tlv): string {
  const c = contentOf(bytes, t)
  const parts: number[] = []
  let value = 0
  for (let i = 0; i < c.length; i++) {
    const b = c[i] ?? 0
    value = value * 128 + (b & 0x7f)
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2
        parts.push(first, value - first * 40)
      } else parts.push(value)
      value = 0
    }
  }
  return parts.join('.')
}

export function readString(bytes: Uint8Array, t: Tlv): string {
  const c = contentOf(bytes, t)
  switch (t.tagNumber) {
    case TAG.BMP_STRING: {
      let s = ''
      for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode(((c[i] ?? 0) << 8) | (c[i + 1] ?? 0))
      return s
    }
    case TAG.UNIVERSAL_STRING: {
      let s = ''
      for (let i = 0; i + 3 < c.length; i += 4) {
        s += String.fromCodePoint((((c[i] ?? 0) << 24) | ((c[i + 1] ?? 0) << 16) | ((c[i + 2] ?? 0) << 8) | (c[i + 3] ?? 0)) >>> 0)
      }
      return s
    }
    case TAG.T61_STRING:
      return latin1(c)
    default:
      return new TextDecoder('utf-8').decode(c)
  }
}

export function latin1(c: Uint8Array): string {
  let s = ''
  for (let i = 0; i < c.length; i++) s += String.fromCharCode(c[i] ?? 0)
  return s
}

/** UTCTime / GeneralizedTime to an ISO string. */
export function readTime(bytes: Uint8Array, t: Tlv): string {
  const s = latin1(contentOf(bytes, t))
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.(\d+))?Z$/.exec(s)
  if (!m) throw new DerError(`time '${s}' at byte ${t.offset} is not in UTC form`, t.offset, 'malformed')
  let year = Number(m[1])
  // RFC 5280: two-digit years 50..99 are 19xx.
  if ((m[1] ?? '').length === 2) year += year >= 50 ? 1900 : 2000
  const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0'))
  return new Date(ms).toISOString()
}

export function toHex(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] ?? 0).toString(16).padStart(2, '0')
  return s.toUpperCase()
}

const UNIVERSAL_NAMES: Record<number, string> = {
  1: 'BOOLEAN',
  2: 'INTEGER',
  3: 'BIT STRING',
  4: 'OCTET STRING',
  5: 'NULL',
  6: 'OBJECT',
  10: 'ENUMERATED',
  12: 'UTF8STRING',
  16: 'SEQUENCE',
  17: 'SET',
  19: 'PRINTABLESTRING',
  20: 'T61STRING',
  22: 'IA5STRING',
  23: 'UTCTIME',
  24: 'GENERALIZEDTIME',
  28: 'UNIVERSALSTRING',
  30: 'BMPSTRING',
}

export function describeTag(t: Tlv): string {
  if (t.tagClass === 0) return UNIVERSAL_NAMES[t.tagNumber] ?? `universal ${t.tagNumber}`
  const cls = ['univ', 'appl', 'cont', 'priv'][t.tagClass] ?? '?'
  return `${cls} [ ${t.tagNumber} ]`
}
