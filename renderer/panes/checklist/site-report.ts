import type { SaveFile, SiteRecord } from '../../../shared/contract'
import { PROCEDURE, renderReport, type StepProgress } from '../../../shared/procedure'
import { buildRunContext, recomputeVerification } from './run-context'
import { reportFingerprints, type WorkbenchCert } from './workbench-certs'

/** A file name from the site name: letters, digits, dot, dash, underscore. */
export function reportBaseName(siteName: string): string {
  const base = siteName
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  return `${base || 'site'}-report`
}

/**
 * The site's run as Markdown and HTML: stored progress, each router check recomputed from its
 * evidence, and the fingerprints of every certificate in the workbench.
 */
export function buildSiteReport(
  site: SiteRecord,
  workbench: readonly WorkbenchCert[],
  callManagerCertId: string | undefined,
  now: Date,
): SaveFile[] {
  // The same comparison as a run: every node's CallManager certificate counts (multi-node groups).
  const context = buildRunContext(site, workbench, callManagerCertId).verification
  const progress: Record<string, StepProgress> = {}
  for (const step of PROCEDURE) {
    const stored = site.progress[step.id]
    if (!stored) continue
    const verification = recomputeVerification(step.id, stored, site.vars, context)
    progress[step.id] = verification ? { ...stored, verification } : stored
  }
  const { markdown, html } = renderReport(site.vars, progress, {
    site: site.name,
    generatedAt: now,
    fingerprints: reportFingerprints(workbench),
  })
  const base = reportBaseName(site.name)
  return [
    { name: `${base}.md`, contents: markdown, encoding: 'utf8' },
    { name: `${base}.html`, contents: html, encoding: 'utf8' },
  ]
}
