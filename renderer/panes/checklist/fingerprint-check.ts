import { fingerprintsEqual, formatIosFingerprint, parseFingerprints } from '../../../shared/ios/fingerprint'

/** A certificate the router's printed fingerprint may be compared with. */
export interface FingerprintReference {
  readonly label: string
  /** `workbench`: a certificate the engineer loaded; `router`: `show crypto pki server`'s CA cert fingerprint. */
  readonly source: 'workbench' | 'router'
  /** For a workbench reference: the library entry, so a stale copy can be named and replaced. */
  readonly certificateId?: string
  readonly md5?: string
  readonly sha1?: string
  readonly sha256?: string
}

export interface PrintedFingerprints {
  readonly md5?: string
  readonly sha1?: string
  readonly sha256?: string
}

export type FingerprintVerdict =
  | {
      readonly verdict: 'match'
      readonly printed: PrintedFingerprints
      readonly reference: FingerprintReference
      readonly algorithms: readonly Algorithm[]
    }
  | {
      readonly verdict: 'mismatch'
      readonly printed: PrintedFingerprints
      readonly references: readonly FingerprintReference[]
      readonly message: string
    }
  | { readonly verdict: 'no-reference'; readonly printed: PrintedFingerprints; readonly message: string }
  | { readonly verdict: 'no-fingerprint'; readonly message: string }

type Algorithm = 'md5' | 'sha1' | 'sha256'
const ALGORITHMS: readonly Algorithm[] = ['md5', 'sha1', 'sha256']
export const ALGORITHM_LABEL: Readonly<Record<Algorithm, string>> = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256' }

/**
 * A reference matches when every algorithm both sides have is equal, and there is at least one:
 * IOS 15 prints MD5 and SHA-1, and a match on one with a difference on the other is no match.
 */
export function referenceMatches(printed: PrintedFingerprints, reference: FingerprintReference): Algorithm[] | undefined {
  const comparable = ALGORITHMS.filter((a) => printed[a] && reference[a])
  if (comparable.length === 0) return undefined
  return comparable.every((a) => fingerprintsEqual(printed[a], reference[a])) ? comparable : undefined
}

/**
 * Judges the fingerprints a router printed before `[yes/no]` (the last ones in `output`) against
 * the references. Only a match allows an automatic `yes`.
 */
export function judgeFingerprints(output: string, references: readonly FingerprintReference[]): FingerprintVerdict {
  const parsed = parseFingerprints(output)
  if (!parsed.ok) return { verdict: 'no-fingerprint', message: `The router printed no fingerprint to check (${parsed.reason})` }
  const printed: PrintedFingerprints = {
    ...(parsed.value.md5 ? { md5: parsed.value.md5 } : {}),
    ...(parsed.value.sha1 ? { sha1: parsed.value.sha1 } : {}),
    ...(parsed.value.sha256 ? { sha256: parsed.value.sha256 } : {}),
  }
  const usable = references.filter((r) => ALGORITHMS.some((a) => printed[a] && r[a]))
  if (usable.length === 0) {
    return {
      verdict: 'no-reference',
      printed,
      message: 'Nothing to compare the printed fingerprint with: load the expected certificate into the workbench first.',
    }
  }
  for (const reference of usable) {
    const algorithms = referenceMatches(printed, reference)
    if (algorithms) return { verdict: 'match', printed, reference, algorithms }
  }
  const names = usable.map((r) => r.label).join(', ')
  return {
    verdict: 'mismatch',
    printed,
    references: usable,
    message: `The fingerprint the router printed does not match ${names}. Do not accept this certificate unless you know why.`,
  }
}

/** Printed and expected values for display, IOS style. */
export function fingerprintRows(printed: PrintedFingerprints): Array<{ algorithm: string; value: string }> {
  return ALGORITHMS.filter((a) => printed[a]).map((a) => ({ algorithm: ALGORITHM_LABEL[a], value: formatIosFingerprint(printed[a] ?? '') }))
}

export function referenceRows(
  references: readonly FingerprintReference[],
  printed: PrintedFingerprints,
): Array<{ label: string; algorithm: string; value: string }> {
  return references.flatMap((r) =>
    ALGORITHMS.filter((a) => r[a] && printed[a]).map((a) => ({
      label: r.label,
      algorithm: ALGORITHM_LABEL[a],
      value: formatIosFingerprint(r[a] ?? ''),
    })),
  )
}
