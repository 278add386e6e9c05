import type { KeptCertificate, SaveFile } from '../../../shared/contract'
import { cucmUploadFiles, type ParsedCertificate } from '../../../shared/pki/parsed'
import type { ReportFingerprint, SiteVars } from '../../../shared/procedure'
import type { FingerprintReference } from './fingerprint-check'
import { selectLoadedCertificates } from '../../store/certs-slice'

/** A workbench certificate with its parsed details (fingerprints, CN). */
export interface WorkbenchCert {
  readonly kept: KeptCertificate
  readonly parsed: ParsedCertificate
}

/** The workbench library, parsed once by the workbench's own memoised selector. */
export function parseWorkbench(certificates: readonly KeptCertificate[]): WorkbenchCert[] {
  return selectLoadedCertificates({ certificates }).map((e) => ({
    kept: e.kept,
    parsed: e.cert,
  }))
}

const newestFirst = (a: WorkbenchCert, b: WorkbenchCert): number => b.kept.addedAt.localeCompare(a.kept.addedAt)

export function withCommonName(list: readonly WorkbenchCert[], cn: string): WorkbenchCert[] {
  const want = cn.toLowerCase()
  return list.filter((c) => c.parsed.commonName?.toLowerCase() === want).sort(newestFirst)
}

/**
 * Which workbench certificate is CUCM's CallManager.pem: the engineer's choice if it still exists,
 * else one labelled CallManager, else the newest that is neither the site's CA nor its bridge.
 */
export function chooseCallManager(list: readonly WorkbenchCert[], vars: SiteVars, chosenId?: string): WorkbenchCert | undefined {
  const chosen = chosenId ? list.find((c) => c.kept.id === chosenId) : undefined
  if (chosen) return chosen
  const sorted = [...list].sort(newestFirst)
  const labelled = sorted.find((c) => /callmanager|cucm/i.test(`${c.kept.role ?? ''} ${c.kept.name}`))
  if (labelled) return labelled
  const ours = new Set([vars.caName.toLowerCase(), vars.bridgeName.toLowerCase()])
  return sorted.find((c) => !ours.has((c.parsed.commonName ?? '').toLowerCase()))
}

export function toReference(cert: WorkbenchCert, label = cert.kept.name): FingerprintReference {
  const fp = cert.parsed.fingerprints
  return {
    label: `${label} in the workbench`,
    source: 'workbench',
    certificateId: cert.kept.id,
    md5: fp.md5.hex,
    sha1: fp.sha1.hex,
    sha256: fp.sha256.hex,
  }
}

/** Every workbench certificate's fingerprints, for the report. */
export function reportFingerprints(list: readonly WorkbenchCert[]): ReportFingerprint[] {
  return list.map(({ kept, parsed }) => ({
    label: kept.name,
    subject: parsed.subject.text,
    notAfter: parsed.notAfter,
    md5: parsed.fingerprints.md5.hex,
    sha1: parsed.fingerprints.sha1.hex,
    sha256: parsed.fingerprints.sha256.hex,
  }))
}

export type UploadSet = { ok: true; files: SaveFile[] } | { ok: false; reason: string }

/** `testCA.pem` + `SecureCFB.pem` for CallManager-trust, one certificate per file, from the workbench. */
export function cucmUploadSet(list: readonly WorkbenchCert[], vars: SiteVars): UploadSet {
  const ca = withCommonName(list, vars.caName)[0]
  const bridge = withCommonName(list, vars.bridgeName)[0]
  const missing = [ca ? undefined : `${vars.caName} (CA)`, bridge ? undefined : `${vars.bridgeName} (bridge)`].filter(Boolean)
  if (!ca || !bridge) {
    return {
      ok: false,
      reason: `The workbench has no certificate for ${missing.join(' and ')}: run step 10 (export) first, or load the PEM into the workbench.`,
    }
  }
  const result = cucmUploadFiles([ca.parsed, bridge.parsed], [`${vars.caName}.pem`, `${vars.bridgeName}.pem`])
  if (!result.ok) return result
  return { ok: true, files: result.files.map((f) => ({ name: f.fileName, contents: f.contents, encoding: 'utf8' as const })) }
}
