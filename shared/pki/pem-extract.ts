// Finds certificate-looking regions in messy text: PEM blocks (multi-line, CRLF, or flattened onto
// one line), and bare base64 as pasted into `enrollment terminal`. Decoding happens elsewhere;
// this only says where each block is, its label, headers and the `%` role label printed before it.

import { decodeBase64Region, isBase64Char } from './base64'
import type { PemHeaders } from './keys'

export interface RawBlock {
  kind: 'pem' | 'bare-base64'
  /** Upper-case PEM label (`CERTIFICATE`, `RSA PRIVATE KEY`, …); absent for bare base64. */
  label?: string
  /** Offset of the BEGIN marker or of the first base64 character. */
  start: number
  /** Offset just past the END marker (or past the last base64 character). */
  end: number
  /** The base64 body: text[contentStart, contentEnd). */
  contentStart: number
  contentEnd: number
  hasEnd: boolean
  /** END label when it differs from the BEGIN label. */
  endLabel?: string
  headers: PemHeaders
  roleLabel?: string
}

// Markers are found from the word BEGIN/END outwards, never with an unbounded dash repeat: that
// backtracks quadratically on a long run of dashes. Any dash kind counts, because OCR and word
// processors turn "-----" into en/em dashes.
const BEGIN_WORD = /BEGIN ([A-Z0-9][A-Z0-9 ]{0,40}?)[ \t]?[-\u2010-\u2015]{2}/gi
const END_WORD = /END ([A-Z0-9][A-Z0-9 ]{0,40}?)[ \t]?[-\u2010-\u2015]{2}/gi

function isDash(code: number): boolean {
  return code === 45 || (code >= 0x2010 && code <= 0x2015)
}

interface Marker {
  index: number
  end: number
  label: string
}

/** BEGIN/END markers: the word, at least two dashes before it (one space allowed), dashes after. */
function markers(text: string, word: RegExp): Marker[] {
  const out: Marker[] = []
  for (const m of text.matchAll(word)) {
    let start = m.index
    if (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9) start--
    let dashes = 0
    while (start > 0 && isDash(text.charCodeAt(start - 1))) {
      start--
      dashes++
    }
    if (dashes < 2) continue
    let end = m.index + m[0].length
    while (isDash(text.charCodeAt(end))) end++
    out.push({ index: start, end, label: (m[1] ?? '').toUpperCase().trim() })
  }
  return out
}

// RFC 1421 headers; values are matched tightly so a flattened paste (no newlines) still parses.
const HEADER =
  /^[ \t\r\n]*(Proc-Type:[ \t]*[0-9]+,[A-Z-]+|DEK-Info:[ \t]*[A-Za-z0-9-]+(?:,[0-9A-Fa-f]+)?|[A-Za-z][A-Za-z0-9-]*:[ \t]*[^\r\n]*(?=\r?\n))/
const LABEL_WINDOW = 600

export function findBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = []
  const begins = markers(text, BEGIN_WORD)
  // All END markers up front, walked with a pointer: a paste full of BEGIN lines without END
  // lines must not rescan the whole text for each of them.
  const ends = markers(text, END_WORD)
  let endIndex = 0
  let previousEnd = 0
  begins.forEach((m, i) => {
    const start = m.index
    if (start < previousEnd) return // a BEGIN inside the previous block's body (two blocks run together)
    const label = m.label
    const nextBegin = begins[i + 1]?.index ?? text.length
    let contentStart = m.end
    const headers: PemHeaders = {}
    for (;;) {
      const h = HEADER.exec(text.slice(contentStart, contentStart + 200))
      if (!h?.[1] || !/^(Proc-Type|DEK-Info|Comment|Version):/i.test(h[1])) break
      const colon = h[1].indexOf(':')
      headers[h[1].slice(0, colon)] = h[1].slice(colon + 1).trim()
      contentStart += h[0].length
    }
    while (endIndex < ends.length && (ends[endIndex]?.index ?? 0) < contentStart) endIndex++
    const e = ends[endIndex]
    const block: RawBlock = { kind: 'pem', label, start, end: 0, contentStart, contentEnd: 0, hasEnd: false, headers }
    if (e && e.index < nextBegin) {
      block.contentEnd = e.index
      block.end = e.end
      block.hasEnd = true
      if (e.label !== label) block.endLabel = e.label
    } else {
      block.contentEnd = base64RunEnd(text, contentStart, nextBegin)
      block.end = block.contentEnd
    }
    previousEnd = block.end
    const role = roleLabelBefore(text, blocks[blocks.length - 1]?.end ?? 0, start)
    if (role) block.roleLabel = role
    blocks.push(block)
  })
  return [...blocks, ...findBareBase64(text, blocks)].sort((a, b) => a.start - b.start)
}

/** The `%` label IOS prints before a block (`% CA certificate:`), or an enrollment prompt. */
function roleLabelBefore(text: string, from: number, to: number): string | undefined {
  const gap = text.slice(Math.max(from, to - LABEL_WINDOW), to)
  let label: string | undefined
  for (const m of gap.matchAll(/%[ \t]*([A-Za-z][A-Za-z0-9 ()/-]{0,60}?)[ \t]*:[ \t]*([^\s%-][^\s%]*)?/g)) {
    const value = m[2] && !/^-{3,}/.test(m[2]) ? `: ${m[2]}` : ''
    label = `${(m[1] ?? '').trim()}${value}`
  }
  if (label !== undefined) return label
  const prompt = /Enter the base ?64 encoded (CA )?certificate/i.exec(gap)
  if (prompt) return prompt[1] ? 'CA certificate' : 'Certificate'
  return undefined
}

function isBase64Token(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (!isBase64Char(c) && c !== 61 /* = */) return false
  }
  return true
}

/** A token that is base64 apart from a few damaged characters (OCR), so the decoder can point at them. */
function isDamagedBase64Token(text: string, start: number, end: number): boolean {
  if (end - start < 16) return false
  let bad = 0
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (!isBase64Char(c) && c !== 61) bad++
  }
  return bad * 10 <= end - start
}

/**
 * End of a run of base64 tokens starting at `from`: stops at a blank line, a token that is not
 * base64, or `limit`. The DER length in the first bytes, when readable, says where the run must
 * end, which keeps a following prompt word such as `quit` out of the certificate.
 */
function base64RunEnd(text: string, from: number, limit: number): number {
  const token = /\S+/g
  token.lastIndex = from
  let end = from
  let chars = 0
  let needed = Number.POSITIVE_INFINITY
  for (;;) {
    const m = token.exec(text)
    if (!m || m.index >= limit) break
    const tokenEnd = Math.min(m.index + m[0].length, limit)
    if (chars > 0 && /\n[ \t\r]*\n/.test(text.slice(end, m.index))) break
    const clean = isBase64Token(text, m.index, tokenEnd)
    if (!clean && !(chars > 0 && isDamagedBase64Token(text, m.index, tokenEnd))) break
    end = tokenEnd
    chars += tokenEnd - m.index
    if (needed === Number.POSITIVE_INFINITY && chars >= 8) needed = base64CharsForDer(text, from, end)
    if (chars >= needed) break
  }
  return end
}

/** Base64 characters (with padding) a DER object needs, read from its first bytes; Infinity if unknown. */
function base64CharsForDer(text: string, start: number, end: number): number {
  const head = decodeBase64Region(text, start, Math.min(end, start + 40))
  const b = head.bytes
  if (b.length < 2 || b[0] !== 0x30) return Number.POSITIVE_INFINITY
  const first = b[1] ?? 0
  let total: number
  if (first < 0x80) total = 2 + first
  else {
    const n = first & 0x7f
    if (n < 1 || n > 4 || b.length < 2 + n) return Number.POSITIVE_INFINITY
    let len = 0
    for (let i = 0; i < n; i++) len = len * 256 + (b[2 + i] ?? 0)
    total = 2 + n + len
  }
  return Math.ceil(total / 3) * 4
}

/** Bare base64 outside PEM blocks: a run whose first token starts with `MI` (a DER SEQUENCE). */
function findBareBase64(text: string, pem: readonly RawBlock[]): RawBlock[] {
  const out: RawBlock[] = []
  // Fixed length on purpose: an unbounded repeat overflows the regex stack on a 10 MB token.
  const first = /(?:^|[\s>#:])(MI[A-Za-z0-9+/]{38})/g
  let p = 0 // index of the first PEM block that ends after the candidate
  for (let m = first.exec(text); m; m = first.exec(text)) {
    const at = m.index + m[0].length - (m[1]?.length ?? 0)
    while (p < pem.length && (pem[p]?.end ?? 0) <= at) p++
    const next = pem[p]
    if (next && next.start <= at) {
      first.lastIndex = next.end
      continue
    }
    const limit = next?.start ?? text.length
    const end = base64RunEnd(text, at, limit)
    first.lastIndex = Math.max(end, at + 1)
    if (end - at < 100) continue
    const block: RawBlock = { kind: 'bare-base64', start: at, end, contentStart: at, contentEnd: end, hasEnd: true, headers: {} }
    const previousEnd = Math.max(pem[p - 1]?.end ?? 0, out[out.length - 1]?.end ?? 0)
    const role = roleLabelBefore(text, previousEnd, at)
    if (role) block.roleLabel = role
    out.push(block)
  }
  return out
}
