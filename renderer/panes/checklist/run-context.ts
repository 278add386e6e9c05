import type { SiteRecord } from '../../../shared/contract'
import {
  evaluateVerification,
  getStep,
  verificationCommands,
  type SiteVars,
  type StoredStepProgress,
  type VerificationContext,
  type VerificationResult,
} from '../../../shared/procedure'
import { splitEvidence } from './evidence'
import type { RunContext } from './runner'
import { chooseCallManager, toReference, withCommonName, type WorkbenchCert } from './workbench-certs'

/** What the runner compares against, taken from the workbench at the moment a step starts. */
export function buildRunContext(site: SiteRecord, workbench: readonly WorkbenchCert[], callManagerCertId?: string): RunContext {
  const ca = withCommonName(workbench, site.vars.caName).map((c) => toReference(c))
  const cm = chooseCallManager(workbench, site.vars, callManagerCertId)
  return {
    vars: site.vars,
    references: { 'ca-server-fingerprint': ca, 'callmanager-pem': cm ? [toReference(cm)] : [] },
    ...(cm ? { callManagerPem: cm.parsed.pem } : {}),
    verification: verificationContext(cm),
  }
}

export function verificationContext(callManager: WorkbenchCert | undefined): VerificationContext {
  if (!callManager) return {}
  const fp = callManager.parsed.fingerprints
  return { expectedFingerprints: { callManagerPem: { md5: fp.md5.hex, sha1: fp.sha1.hex, sha256: fp.sha256.hex } } }
}

/**
 * The verification of a step recomputed from its stored evidence (the result itself is never
 * stored). Undefined when the step has no router check or no evidence for it.
 */
export function recomputeVerification(
  stepId: string,
  progress: StoredStepProgress | undefined,
  vars: SiteVars,
  context: VerificationContext,
): VerificationResult | undefined {
  if (!progress?.evidence || progress.doneBy === 'hand') return undefined
  if (!getStep(stepId)) return undefined
  const commands = verificationCommands(stepId, vars)
  if (commands.length === 0) return undefined
  const outputs = splitEvidence(progress.evidence, commands)
  if (Object.keys(outputs).length === 0) return undefined
  return evaluateVerification(stepId, outputs, vars, context)
}
