// Certificate workbench logic: pure TypeScript for main and renderer (no Node built-ins, no DOM).
// Everything, the DER reader included: the parse worker, the host and the tests import this. The
// renderer's main thread imports ./parsed instead (what works on certificates already read).
export type * from './types'
export { extractFromText, parseInput } from './input'
export { parseCertificateDer, CertificateParseError, pemWrap } from './certificate'
export { computeFingerprints } from './hash'
export { toFingerprint, iosStyle, colonStyle, normalizeHex, algorithmForLength, type FingerprintAlgorithm } from './fingerprints'
export {
  parseFingerprintText,
  matchFingerprint,
  compareFingerprintText,
  type FoundFingerprint,
  type FingerprintMatch,
} from './fingerprint-compare'
export { verifyIssued, type ChainResult } from './chain'
export { sameName } from './same-name'
export { checkCertificate, EXPIRY_WARNING_DAYS, CUCM_MAX_RSA_BITS, CLOCK_SKEW_TOLERANCE_MS, type CheckContext } from './checks'
export { checkUploadSet, type UploadContext } from './upload-checks'
export { findRoot, findBridge } from './upload-roles'
export { toPem, toDer, pemBundle, cucmUploadFiles, safeFileName, type UploadFile, type UploadFilesResult } from './export'
export { hexDump, asn1Outline, formatAsn1Outline, type Asn1Line } from './dump'
export { encodeBase64, decodeBase64 } from './base64'
