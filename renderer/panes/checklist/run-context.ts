import type { SiteRecord } from '../../../shared/contract'
import {
  evaluateVerification,
  getStep,
  trustpointNodes,
  verificationCommands,
  type SiteVars,
  type StoredStepProgress,
  type VerificationContext,
  type VerificationResult,
} from '../../../shared/procedure'
import { splitEvidence } from './evidence'
import type { RunContext } from './runner'
import { chooseCallManager, toReference, withCommonName, type WorkbenchCert } from './workbench-certs'

/**
 * The CUCM node a workbench certificate belongs to: its CN is the node's name, or the node's
 * name is the CN's first label (CallManager certificates carry the FQDN: `CUCMPUB15.uc.com`).
 */
function certificateOfNode(workbench: readonly WorkbenchCert[], nodeName: string): WorkbenchCert | undefined {
  const name = nodeName.trim().toLowerCase()
  if (name === '') return undefined
  return workbench.find((c) => {
    const cn = (c.parsed.commonName ?? '').toLowerCase()
    return cn === name || cn.split('.')[0] === name || name.split('.')[0] === cn
  })
}

/**
 * Which certificate each CallManager trustpoint of step 9 takes. One trustpoint (one node, or a
 * CA root shared by all): the certificate chosen in step 8. Several: each node's own
 * CallManager.pem, found by its CN; the chosen one stands in for the first node only.
 */
export function callManagerAssignments(
  vars: SiteVars,
  workbench: readonly WorkbenchCert[],
  callManagerCertId?: string,
): Array<{ readonly trustpoint: string; readonly node: string; readonly cert?: WorkbenchCert }> {
  const nodes = trustpointNodes(vars)
  const chosen = chooseCallManager(workbench, vars, callManagerCertId)
  if (nodes.length <= 1) return nodes.map((n) => ({ trustpoint: n.trustpoint, node: n.name, ...(chosen ? { cert: chosen } : {}) }))
  return nodes.map((n, i) => {
    const cert = certificateOfNode(workbench, n.name) ?? (i === 0 ? chosen : undefined)
    return { trustpoint: n.trustpoint, node: n.name, ...(cert ? { cert } : {}) }
  })
}

/** What the runner compares against, taken from the workbench at the moment a step starts. */
export function buildRunContext(site: SiteRecord, workbench: readonly WorkbenchCert[], callManagerCertId?: string): RunContext {
  const ca = withCommonName(workbench, site.vars.caName).map((c) => toReference(c))
  const cm = chooseCallManager(workbench, site.vars, callManagerCertId)
  const assigned = callManagerAssignments(site.vars, workbench, callManagerCertId)
  const byTrustpoint = Object.fromEntries(
    assigned.flatMap((a) => (a.cert ? [[a.trustpoint, { pem: a.cert.parsed.pem, reference: toReference(a.cert) }] as const] : [])),
  )
  const missing = assigned.filter((a) => !a.cert).map((a) => `${a.node || a.trustpoint} (${a.trustpoint})`)
  return {
    vars: site.vars,
    references: { 'ca-server-fingerprint': ca, 'callmanager-pem': cm ? [toReference(cm)] : [] },
    ...(cm ? { callManagerPem: cm.parsed.pem } : {}),
    callManagerByTrustpoint: byTrustpoint,
    ...(missing.length > 0 ? { callManagerMissing: missing } : {}),
    verification: verificationContext(
      cm,
      assigned.flatMap((a) => (a.cert ? [a.cert] : [])),
    ),
  }
}

export function verificationContext(callManager: WorkbenchCert | undefined, others: readonly WorkbenchCert[] = []): VerificationContext {
  const fps = (c: WorkbenchCert) => {
    const fp = c.parsed.fingerprints
    return { label: c.kept.name, md5: fp.md5.hex, sha1: fp.sha1.hex, sha256: fp.sha256.hex }
  }
  if (!callManager && others.length === 0) return {}
  return {
    expectedFingerprints: {
      ...(callManager ? { callManagerPem: fps(callManager) } : {}),
      ...(others.length > 0 ? { callManagerCandidates: others.map(fps) } : {}),
    },
  }
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
