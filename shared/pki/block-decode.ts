// Turns one block's bytes into certificates (plain, or out of a PKCS#7 bundle), reporting every
// fault with the block number and, when the bytes came from text, the line and column.

import { computeFingerprints } from './hash'
import { CertificateParseError, outerElement, parseCertificateDer } from './certificate'
import { childrenOf, DerError, isUniversal, TAG } from './der'
import { looksLikePkcs7, pkcs7Certificates } from './pkcs7'
import type { InputProblem, ParseResult, SourceRef, TextPosition } from './types'

export const MAX_CERTIFICATES = 1000
/** Nobody reads more; a pathological paste must not build a list of 60 000 messages. */
export const MAX_PROBLEMS = 200

export interface BlockContext {
  result: ParseResult
  /** Certificate id → block number, to report duplicates instead of loading them twice. */
  seen: Map<string, number>
  /** Problems dropped after MAX_PROBLEMS. */
  suppressed?: number
}

export interface BlockInfo {
  number: number
  /** `Block 2 (line 14)` — the start of every message about this block. */
  where: string
  source: SourceRef
  roleLabel?: string
  /** Text position of a byte of the decoded DER, when the DER came from base64 text. */
  positionOfByte?: (byteOffset: number) => TextPosition
  /** Position just after the block's last base64 character. */
  endPosition?: TextPosition
  /** Base64 characters left over after the last complete group. */
  strayChars?: number
}

export function blockWhere(number: number, position?: TextPosition, fileName?: string): string {
  if (position) return `Block ${number} (line ${position.line})`
  return fileName ? `Block ${number} (${fileName})` : `Block ${number}`
}

export function addProblem(ctx: BlockContext, problem: InputProblem): void {
  if (ctx.result.problems.length < MAX_PROBLEMS) ctx.result.problems.push(problem)
  else ctx.suppressed = (ctx.suppressed ?? 0) + 1
}

/** Appends the "and N more" line once all blocks are read. */
export function finishProblems(ctx: BlockContext): void {
  if (!ctx.suppressed) return
  ctx.result.problems.push({
    severity: 'warning',
    code: 'too-many',
    message: `${ctx.suppressed} more problem(s) not listed; the first ${MAX_PROBLEMS} are shown.`,
  })
}

/** Loads certificate or PKCS#7 DER. */
export function addDer(ctx: BlockContext, der: Uint8Array, block: BlockInfo): void {
  if (der.length === 0) {
    addProblem(ctx, { severity: 'error', code: 'bad-der', block: block.number, message: `${block.where}: the block holds no data.` })
    return
  }
  if (looksLikePkcs7(der)) {
    addPkcs7(ctx, der, block)
    return
  }
  let end: number
  try {
    end = outerElement(der).end
  } catch (e) {
    reportParseError(ctx, e, block, 0)
    return
  }
  if (end < der.length && block.source.pemLabel !== 'TRUSTED CERTIFICATE') {
    addProblem(ctx, {
      severity: 'warning',
      code: 'der-trailing-bytes',
      block: block.number,
      byteOffset: end,
      message: `${block.where}: ${der.length - end} extra byte(s) after the certificate were ignored (from byte ${end}).`,
    })
  }
  const body = der.subarray(0, end)
  if (isKeyShaped(body)) {
    addProblem(ctx, {
      severity: 'warning',
      code: 'private-key',
      block: block.number,
      message: `${block.where} is a private key in DER form, not a certificate; it is not loaded.`,
    })
    return
  }
  addCertificate(ctx, body, block, block.source, 0)
}

/** PKCS#1, PKCS#8 and SEC1 private keys all start with an INTEGER version; certificates with a SEQUENCE. */
function isKeyShaped(der: Uint8Array): boolean {
  try {
    const first = childrenOf(der, outerElement(der))[0]
    return first !== undefined && isUniversal(first, TAG.INTEGER)
  } catch {
    return false
  }
}

function addPkcs7(ctx: BlockContext, der: Uint8Array, block: BlockInfo): void {
  let certs: ReturnType<typeof pkcs7Certificates>
  try {
    certs = pkcs7Certificates(der)
  } catch (e) {
    reportParseError(ctx, e, block, 0, 'PKCS#7 bundle')
    return
  }
  if (certs.length === 0) {
    addProblem(ctx, {
      severity: 'warning',
      code: 'no-certificate',
      block: block.number,
      message: `${block.where}: the PKCS#7 bundle holds no certificates.`,
    })
    return
  }
  certs.forEach((c, index) => {
    const source: SourceRef = { ...block.source, kind: 'pkcs7', indexInBundle: index }
    addCertificate(ctx, c.der, { ...block, where: `${block.where}, certificate ${index + 1} of the bundle` }, source, c.offset)
  })
}

function addCertificate(ctx: BlockContext, der: Uint8Array, block: BlockInfo, source: SourceRef, baseOffset: number): void {
  if (ctx.result.certificates.length >= MAX_CERTIFICATES) {
    if (!ctx.result.problems.some((p) => p.code === 'too-many' && p.block !== undefined)) {
      addProblem(ctx, {
        severity: 'warning',
        code: 'too-many',
        block: block.number,
        message: `${block.where}: only the first ${MAX_CERTIFICATES} certificates are loaded; the rest of the input was skipped.`,
      })
    }
    return
  }
  // A repeat is recognised by its hash before the (far costlier) full parse.
  const hash = computeFingerprints(der).sha256.hex
  const repeat = ctx.seen.get(hash)
  if (repeat !== undefined) {
    const first = ctx.result.certificates.find((c) => c.id === hash)
    addProblem(ctx, {
      severity: 'info',
      code: 'duplicate',
      block: block.number,
      message: `${block.where} is the same certificate as block ${repeat} (${first?.commonName ?? first?.subject.text ?? 'unnamed'}); loaded once.`,
    })
    return
  }
  try {
    const cert = parseCertificateDer(der, source, block.roleLabel)
    const earlier = ctx.seen.get(cert.id)
    if (earlier !== undefined) {
      addProblem(ctx, {
        severity: 'info',
        code: 'duplicate',
        block: block.number,
        message: `${block.where} is the same certificate as block ${earlier} (${cert.commonName ?? cert.subject.text}); loaded once.`,
      })
      return
    }
    ctx.seen.set(cert.id, block.number)
    ctx.result.certificates.push(cert)
  } catch (e) {
    reportParseError(ctx, e, block, baseOffset)
  }
}

function reportParseError(ctx: BlockContext, e: unknown, block: BlockInfo, baseOffset: number, what = 'certificate'): void {
  const stray = block.strayChars
    ? `; the base64 also ends with ${block.strayChars} character(s) short of a full group, so text is missing`
    : ''
  if (e instanceof CertificateParseError && e.truncated) {
    const problem: InputProblem = {
      severity: 'error',
      code: 'der-truncated',
      block: block.number,
      message: `${block.where}: ${e.message}${stray}.`,
    }
    if (block.endPosition) problem.position = block.endPosition
    addProblem(ctx, problem)
    return
  }
  const byteOffset = e instanceof CertificateParseError || e instanceof DerError ? e.byteOffset : undefined
  const why = e instanceof Error ? e.message : String(e)
  const problem: InputProblem = { severity: 'error', code: 'bad-der', block: block.number, message: '' }
  let place = ''
  if (byteOffset !== undefined) {
    const absolute = baseOffset + byteOffset
    problem.byteOffset = absolute
    const parts = why.includes(`byte ${byteOffset}`) && byteOffset === absolute ? [] : [`byte ${absolute}`]
    const pos = block.positionOfByte?.(absolute)
    if (pos) {
      problem.position = pos
      parts.push(`base64 at line ${pos.line} column ${pos.column}`)
    }
    if (parts.length) place = ` (${parts.join(', ')})`
  }
  const prefix = what === 'certificate' ? '' : `${what}: `
  problem.message = `${block.where}: ${prefix}${why}${place}${stray}.`
  addProblem(ctx, problem)
}
