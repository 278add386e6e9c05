// Entry points for "the user pasted something / dropped a file". Never throws: everything that
// cannot be read becomes an InputProblem that says what and where, and the rest still loads.

import { decodeBase64Region, describeChar, offsetOfBase64Char } from './base64'
import { addDer, addProblem, blockWhere, finishProblems, type BlockContext, type BlockInfo } from './block-decode'
import { toHex } from './der'
import { describeKeyBlock, isKeyLabel } from './keys'
import { findBlocks, type RawBlock } from './pem-extract'
import { LineIndex } from './text-position'
import type { ParseResult, SourceRef } from './types'

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE', 'PKCS7', 'PKCS #7 SIGNED DATA', 'CMS'])
const NOT_CERTIFICATES: Record<string, string> = {
  'CERTIFICATE REQUEST': 'a certificate signing request (CSR), not a certificate: the CA has to sign it first',
  'NEW CERTIFICATE REQUEST': 'a certificate signing request (CSR), not a certificate: the CA has to sign it first',
  'X509 CRL': 'a certificate revocation list, not a certificate',
  'EC PARAMETERS': 'EC curve parameters, not a certificate',
  'DH PARAMETERS': 'Diffie-Hellman parameters, not a certificate',
}
const BINARY_SAMPLE = 65536

function emptyResult(): ParseResult {
  return { certificates: [], keys: [], problems: [] }
}

/** Finds every certificate and key block in pasted text. */
export function extractFromText(text: string, fileName?: string): ParseResult {
  const ctx: BlockContext = { result: emptyResult(), seen: new Map() }
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const named = fileName ? ` ${fileName}` : ''
  if (input.trim().length === 0) {
    addProblem(ctx, { severity: 'error', code: 'empty', message: fileName ? `The file${named} is empty.` : 'The paste is empty.' })
    return ctx.result
  }
  const junk = controlCharShare(input)
  if (junk > 0.1) {
    addProblem(ctx, {
      severity: 'error',
      code: 'binary',
      message: `The input${named} is not text: ${Math.round(junk * 100)}% of its first characters are control characters. Load a .der/.cer/.p7b file as a file, not as pasted text.`,
    })
    return ctx.result
  }
  const lines = new LineIndex(input)
  const blocks = findBlocks(input)
  blocks.forEach((raw, i) => readBlock(ctx, input, lines, raw, i + 1, fileName))
  const show = describeShowOutput(input, lines)
  if (show) addProblem(ctx, show)
  if (ctx.result.certificates.length === 0 && ctx.result.keys.length === 0 && blocks.length === 0) {
    addProblem(ctx, {
      severity: show ? 'info' : 'error',
      code: 'no-certificate',
      message: `No certificate found${fileName ? ` in ${fileName}` : ''}: paste PEM text (-----BEGIN CERTIFICATE-----), the base64 of one, or load a .pem/.der/.cer/.p7b file.`,
    })
  }
  finishProblems(ctx)
  return ctx.result
}

function readBlock(ctx: BlockContext, text: string, lines: LineIndex, raw: RawBlock, number: number, fileName?: string): void {
  const start = lines.at(raw.start)
  const where = blockWhere(number, start)
  const source: SourceRef = {
    kind: raw.kind,
    block: number,
    start,
    ...(raw.label ? { pemLabel: raw.label } : {}),
    ...(fileName ? { fileName } : {}),
  }
  const label = raw.label ?? 'CERTIFICATE'
  if (raw.kind === 'pem' && !raw.hasEnd) {
    const stop = lines.at(raw.contentEnd)
    addProblem(ctx, {
      severity: 'warning',
      code: 'missing-end',
      block: number,
      position: stop,
      message: `${where}: no -----END ${label}----- line; read the base64 up to line ${stop.line} column ${stop.column}.`,
    })
  }
  if (raw.endLabel !== undefined) {
    const endAt = lines.at(raw.contentEnd)
    addProblem(ctx, {
      severity: 'warning',
      code: 'missing-end',
      block: number,
      position: endAt,
      message: `${where}: BEGIN ${label} is closed by END ${raw.endLabel} at line ${endAt.line}; part of a block is probably missing.`,
    })
  }
  const notCert = NOT_CERTIFICATES[label]
  if (notCert) {
    addProblem(ctx, { severity: 'warning', code: 'not-a-certificate', block: number, position: start, message: `${where} is ${notCert}.` })
    return
  }
  const isKey = isKeyLabel(label)
  if (!isKey && !CERTIFICATE_LABELS.has(label)) {
    addProblem(ctx, {
      severity: 'warning',
      code: 'unknown-block',
      block: number,
      position: start,
      message: `${where} is a '${label}' block, which the workbench does not read.`,
    })
    return
  }
  const decoded = decodeBase64Region(text, raw.contentStart, raw.contentEnd)
  if (decoded.pagerPrompts > 0) {
    addProblem(ctx, {
      severity: 'info',
      code: 'pager-removed',
      block: number,
      position: start,
      message: `${where}: ignored ${decoded.pagerPrompts} --More-- pager prompt(s) inside the block (set 'terminal length 0' before exporting).`,
    })
  }
  if (isKey) {
    readKeyBlock(ctx, raw, label, decoded.failure ? undefined : decoded.bytes, source, where, number)
    return
  }
  const f = decoded.failure
  if (f) {
    const pos = lines.at(f.offset)
    const what =
      f.kind === 'bad-char'
        ? `invalid base64 character ${describeChar(f.char)} at line ${pos.line} column ${pos.column}${f.count > 1 ? ` (and ${f.count - 1} more)` : ''}`
        : `'=' padding in the middle of the base64 at line ${pos.line} column ${pos.column} (two blocks run together?)`
    addProblem(ctx, { severity: 'error', code: 'bad-base64', block: number, position: pos, message: `${where}: ${what}.` })
    return
  }
  const info: BlockInfo = {
    number,
    where,
    source,
    positionOfByte: (byte) => lines.at(offsetOfBase64Char(text, raw.contentStart, raw.contentEnd, Math.floor((byte * 4) / 3))),
    endPosition: lines.at(raw.contentEnd),
    ...(raw.roleLabel ? { roleLabel: raw.roleLabel } : {}),
    ...(decoded.strayChars ? { strayChars: decoded.strayChars } : {}),
  }
  const before = ctx.result.problems.length
  addDer(ctx, decoded.bytes, info)
  const failed = ctx.result.problems.slice(before).some((p) => p.severity === 'error')
  if (decoded.strayChars === 1 && !failed) {
    // One lone character cannot be decoded: a character was lost or added (OCR, a bad copy).
    addProblem(ctx, {
      severity: 'warning',
      code: 'bad-base64',
      block: number,
      position: start,
      message: `${where}: the base64 has ${decoded.chars} characters, one too many or too few for whole groups of four; a character was probably lost or added.`,
    })
  }
}

function readKeyBlock(
  ctx: BlockContext,
  raw: RawBlock,
  label: string,
  der: Uint8Array | undefined,
  source: SourceRef,
  where: string,
  number: number,
): void {
  const key = describeKeyBlock(label, raw.headers, der, source, raw.roleLabel)
  ctx.result.keys.push(key)
  const article = /^(RSA|[AEIO])/.test(label) ? 'an' : 'a'
  if (key.kind === 'public') {
    addProblem(ctx, {
      severity: 'info',
      code: 'not-a-certificate',
      block: number,
      position: source.start,
      message: `${where} is ${article} ${label}, not a certificate.`,
    })
    return
  }
  const protection = !key.encrypted
    ? ' It is not encrypted: keep it off shared drives and never upload it to CUCM.'
    : key.weakEncryption
      ? ` It is encrypted with ${key.cipher ?? 'DES'}, which is weak; it is never part of a CUCM upload.`
      : ` It is encrypted${key.cipher ? ` with ${key.cipher}` : ''}; it is never part of a CUCM upload.`
  addProblem(ctx, {
    severity: 'warning',
    code: 'private-key',
    block: number,
    position: source.start,
    message: `${where} is ${article} ${label}, not a certificate.${protection}`,
  })
}

/** Share of control characters (other than whitespace, backspace, escape) in the first 64K characters. */
function controlCharShare(text: string): number {
  const n = Math.min(text.length, BINARY_SAMPLE)
  let bad = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 8 && c !== 12 && c !== 27) || c === 0xfffd) bad++
  }
  return n === 0 ? 0 : bad / n
}

/** `show crypto pki certificates` describes certificates without containing them: say so. */
function describeShowOutput(text: string, lines: LineIndex): ParseResult['problems'][number] | undefined {
  const serials = [...text.matchAll(/Certificate Serial Number(?: \(hex\))?:/g)]
  const first = serials[0]
  if (!first) return undefined
  const pos = lines.at(first.index)
  return {
    severity: 'info',
    code: 'show-output',
    position: pos,
    message: `Line ${pos.line} starts 'show crypto pki certificates' output: it describes ${serials.length} certificate(s) but does not contain them; compare its fingerprints instead, or paste the output of 'crypto pki export <trustpoint> pem terminal'.`,
  }
}

/** Reads a pasted string, or the bytes of a dropped file (PEM text, DER, PKCS#7 DER, UTF-16 text). */
export function parseInput(input: string | Uint8Array, fileName?: string): ParseResult {
  if (typeof input === 'string') return extractFromText(input, fileName)
  const named = fileName ? ` ${fileName}` : ''
  if (input.length === 0) {
    return { ...emptyResult(), problems: [{ severity: 'error', code: 'empty', message: `The file${named} is empty.` }] }
  }
  // DER starts with 30 (SEQUENCE); so does a text file whose first character is the digit '0'.
  // Real certificates are over 127 bytes, so their length is in long form (30 8x): short-form
  // input that decodes as text is read as text.
  if (input[0] === 0x30 && ((input[1] ?? 0) >= 0x80 || decodeText(input) === undefined)) {
    const ctx: BlockContext = { result: emptyResult(), seen: new Map() }
    const where = blockWhere(1, undefined, fileName)
    const source: SourceRef = { kind: 'der', block: 1, ...(fileName ? { fileName } : {}) }
    addDer(ctx, input, { number: 1, where, source })
    finishProblems(ctx)
    return ctx.result
  }
  const text = decodeText(input)
  if (text === undefined) {
    const head = toHex(input.subarray(0, 8)).replace(/(..)(?=.)/g, '$1 ')
    return {
      ...emptyResult(),
      problems: [
        {
          severity: 'error',
          code: 'binary',
          message: `The file${named} is neither text nor DER (it starts with bytes ${head}); a certificate file starts with '-----BEGIN' or with byte 30.`,
        },
      ],
    }
  }
  return extractFromText(text, fileName)
}

/** Text from bytes: UTF-16 with a BOM (Windows Notepad), else UTF-8; undefined for binary data. */
function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  const sample = bytes.subarray(0, BINARY_SAMPLE)
  let bad = 0
  for (const b of sample) if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 8 && b !== 12 && b !== 27) bad++
  if (bad / sample.length > 0.1) return undefined
  return new TextDecoder('utf-8').decode(bytes)
}
