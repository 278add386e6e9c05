// Everything the renderer asks of the certificate parser. The parse worker imports this module;
// the main thread loads it only as a lazy chunk, where module workers cannot start. Results are
// plain data (they cross postMessage).
import { asn1Outline, checkUploadSet, formatAsn1Outline, hexDump, parseInput } from '../../shared/pki'
import type { Check, ParseResult, ParsedCertificate, UploadContext } from '../../shared/pki'
import type { PkiRequest, PkiResult } from './pki-protocol'

/** A saved PEM read on its own: its certificate, or why it has none (an edited state file). */
export type KeptParse = { cert: ParsedCertificate } | { error: string }

/** The hex dump and ASN.1 outline of one certificate's DER (BytesView). */
export interface BytesDump {
  asn1: string
  hex: string
}

function readKept(pem: string): KeptParse {
  try {
    const r = parseInput(pem)
    const cert = r.certificates[0]
    if (cert) return { cert }
    return { error: r.problems[0]?.message ?? 'The saved PEM holds no certificate.' }
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) }
  }
}

export const pkiCalls = {
  /** Pasted text or file bytes: everything in it. */
  parse: (input: string | Uint8Array, fileName?: string): ParseResult => parseInput(input, fileName),
  /** Saved PEMs, each on its own: the first certificate of each, or why there is none. */
  readKept: (pems: string[]): KeptParse[] => pems.map(readKept),
  /** Router export blocks (`crypto pki export … pem terminal`), each read on its own. */
  parseEach: (texts: string[]): ParseResult[] => texts.map((text) => parseInput(text)),
  dump: (der: string): BytesDump => ({ asn1: formatAsn1Outline(asn1Outline(der)), hex: hexDump(der) }),
  /** Rules 5 and 9–12 for the CUCM upload set; verifies the bridge's signature with the CA's key. */
  checkUploadSet: (certs: ParsedCertificate[], ctx: UploadContext): Promise<Check[]> => checkUploadSet(certs, ctx),
}

export type PkiCalls = typeof pkiCalls
export type PkiCall = keyof PkiCalls

/** Runs one request (in the worker, or here on the main-thread fallback). */
export function answer(request: PkiRequest): PkiResult<PkiCall> | Promise<PkiResult<PkiCall>> {
  switch (request.call) {
    case 'parse':
      return pkiCalls.parse(...request.args)
    case 'readKept':
      return pkiCalls.readKept(...request.args)
    case 'parseEach':
      return pkiCalls.parseEach(...request.args)
    case 'dump':
      return pkiCalls.dump(...request.args)
    case 'checkUploadSet':
      return pkiCalls.checkUploadSet(...request.args)
  }
}
