// Certificate workbench logic: pure TypeScript for main and renderer (no Node built-ins, no DOM).
export type * from './types'
export { extractFromText, parseInput } from './input'
export { parseCertificateDer, CertificateParseError, pemWrap } from './certificate'
export {
  computeFingerprints,
  toFingerprint,
  iosStyle,
  colonStyle,
  normalizeHex,
  algorithmForLength,
  type FingerprintAlgorithm,
} from './fingerprints'
export {
  parseFingerprintText,
  matchFingerprint,
  compareFingerprintText,
  type FoundFingerprint,
  type FingerprintMatch,
} from './fingerprint-compare'
export { verifyIssued, type ChainResult } from './chain'
export { sameName } from './names'
export { checkCertificate, EXPIRY_WARNING_DAYS, CUCM_MAX_RSA_BITS, type CheckContext } from './checks'
export { checkUploadSet, findRoot, findBridge, type UploadContext } from './upload-checks'
export { toPem, toDer, pemBundle, cucmUploadFiles, safeFileName, type UploadFile, type UploadFilesResult } from './export'
export { hexDump, asn1Outline, formatAsn1Outline, type Asn1Line } from './dump'
export { encodeBase64, decodeBase64 } from './base64'
