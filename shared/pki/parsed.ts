// What works on certificates already read, without the DER reader or the hashes: the renderer's
// main thread imports only this. Reading certificates (and everything
// that needs their bytes: chain signatures, the hex and ASN.1 dump) happens in the parse worker
// (renderer/workers), so the parser ships once; test/browser/workbench-bundle.test.ts checks
// that the main bundle holds none of it.
export type * from './types'
export { checkCertificate, EXPIRY_WARNING_DAYS, CUCM_MAX_RSA_BITS, CLOCK_SKEW_TOLERANCE_MS, type CheckContext } from './checks'
export { iosStyle, colonStyle, normalizeHex, algorithmForLength, type FingerprintAlgorithm } from './fingerprints'
export {
  parseFingerprintText,
  matchFingerprint,
  compareFingerprintText,
  matchPrintedFingerprints,
  type FoundFingerprint,
  type FingerprintMatch,
  type SectionMatch,
} from './fingerprint-compare'
export { sameName } from './same-name'
export { findRoot, findBridge } from './upload-roles'
export type { UploadContext } from './upload-checks'
export { pemBundle, cucmUploadFiles, safeFileName, type UploadFile, type UploadFilesResult } from './export'
