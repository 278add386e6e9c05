import { formatIosFingerprint } from '../ios/fingerprint'
import { CORRECTIONS } from './corrections'
import { PROCEDURE, TASKS } from './procedure'
import type { StepStatus, StoredStepProgress } from './progress'
import { renderText } from './render'
import { escapeHtml, escapeMarkdown, formatDuration, formatTime, markdownCodeBlock, trimEvidence, type EvidenceLimit } from './report-text'
import { formatNodeList } from './cucm-nodes'
import { SITE_FIELD_NAMES, SITE_FIELDS, type SiteVars } from './site'
import type { ProcedureStep } from './types'
import { validateSite } from './validate-site'
import type { VerificationResult } from './verification'

/** Stored progress plus, optionally, the verification result computed for it. */
export interface StepProgress extends Readonly<StoredStepProgress> {
  readonly verification?: VerificationResult
}

export interface ReportFingerprint {
  readonly label: string
  readonly subject?: string
  readonly notAfter?: string
  readonly md5?: string
  readonly sha1?: string
  readonly sha256?: string
}

export interface ReportExtras {
  readonly title?: string
  readonly engineer?: string
  readonly site?: string
  readonly generatedAt?: string | number | Date
  readonly fingerprints?: readonly ReportFingerprint[]
  readonly openProblems?: readonly string[]
  readonly evidenceLimit?: EvidenceLimit
}

export interface RenderedReport {
  readonly markdown: string
  readonly html: string
}

interface StepView {
  readonly step: ProcedureStep
  readonly title: string
  readonly status: StepStatus
  /** `verified on the router` / `by hand` for done steps that say how. */
  readonly how?: string
  readonly time?: string
  readonly duration?: string
  readonly note?: string
  readonly evidence?: string
  readonly failedChecks: ReadonlyArray<{ readonly expected: string; readonly seen: string }>
  readonly verificationStatus?: string
}

const STATUSES: readonly StepStatus[] = ['pending', 'in-progress', 'done', 'failed', 'skipped']

/** Everything the two renderers show, computed once so Markdown and HTML cannot disagree. */
function collect(site: SiteVars, progress: Readonly<Record<string, StepProgress>>, extras: ReportExtras) {
  const steps: StepView[] = PROCEDURE.map((step) => {
    const p = progress[step.id]
    const time = formatTime(p?.completedAt ?? p?.startedAt)
    const duration = formatDuration(p?.startedAt, p?.completedAt)
    const failedChecks = (p?.verification?.checks ?? [])
      .filter((c) => c.status === 'fail')
      .map((c) => ({ expected: c.expected, seen: c.seen }))
    // A step that depends on CUCM is not done on router output alone (see ProcedureStep.cucmConfirmation).
    const awaitingCucm = step.cucmConfirmation !== undefined && p?.status === 'done' && p.doneBy !== 'hand' && !p.cucm
    const how =
      p?.status !== 'done'
        ? undefined
        : awaitingCucm
          ? 'router side verified; CUCM side not confirmed'
          : p.doneBy === 'hand'
            ? 'by hand'
            : p.cucm
              ? `verified on the router; CUCM side ${p.cucm.by === 'api' ? "confirmed by CUCM's API" : 'confirmed by the engineer'}`
              : p.doneBy
                ? 'verified on the router'
                : undefined
    return {
      step,
      title: renderText(step.title, site),
      // Progress may come from a file on disk: an unknown status is shown as pending, not trusted.
      status: awaitingCucm ? 'in-progress' : p && STATUSES.includes(p.status) ? p.status : 'pending',
      ...(how ? { how } : {}),
      ...(time ? { time } : {}),
      ...(duration ? { duration } : {}),
      ...(p?.note ? { note: p.note } : {}),
      ...(p?.evidence ? { evidence: trimEvidence(p.evidence, extras.evidenceLimit) } : {}),
      ...(p?.verification ? { verificationStatus: p.verification.status } : {}),
      failedChecks,
    }
  })
  const problems: string[] = [...(extras.openProblems ?? [])]
  for (const view of steps) {
    if (view.status !== 'failed') continue
    const cause = progress[view.step.id]?.verification?.likelyCauses[0]
    problems.push(`${view.step.id} ${view.title}: failed${cause ? ` — likely: ${cause.title}` : ''}`)
  }
  const validation = validateSite(site)
  for (const field of SITE_FIELD_NAMES) {
    for (const issue of validation.fields[field] ?? []) {
      if (issue.severity === 'error') problems.push(`${SITE_FIELDS[field].label}: ${issue.message}`)
    }
  }
  const variables = SITE_FIELD_NAMES.map((field) => {
    if (field === 'cucmNodes') return { label: SITE_FIELDS[field].label, value: formatNodeList(site.cucmNodes) }
    const value = site[field]
    return { label: SITE_FIELDS[field].label, value: Array.isArray(value) ? value.join(' ') : String(value) }
  })
  const corrections = CORRECTIONS.map((c) => ({ title: renderText(c.title, site), detail: renderText(c.detail, site), steps: c.steps }))
  const counts = { done: 0, failed: 0, skipped: 0, 'in-progress': 0, pending: 0 }
  for (const view of steps) counts[view.status]++
  return {
    title: extras.title ?? 'Secure ad hoc conference — site report',
    generated: formatTime(extras.generatedAt ?? Date.now()) ?? '',
    engineer: extras.engineer,
    siteName: extras.site,
    steps,
    problems,
    variables,
    corrections,
    counts,
    fingerprints: extras.fingerprints ?? [],
  }
}

type Collected = ReturnType<typeof collect>

function fingerprintLines(fp: ReportFingerprint): Array<[string, string]> {
  const out: Array<[string, string]> = []
  if (fp.md5) out.push(['MD5', formatIosFingerprint(fp.md5)])
  if (fp.sha1) out.push(['SHA-1', formatIosFingerprint(fp.sha1)])
  // IOS style like the other two (groups of 8): the workbench shows all three that way (DOMAIN rule 2).
  if (fp.sha256) out.push(['SHA-256', formatIosFingerprint(fp.sha256)])
  return out
}

function toMarkdown(r: Collected): string {
  const md = escapeMarkdown
  const out: string[] = [`# ${md(r.title)}`, '']
  out.push(`Generated ${md(r.generated)}${r.engineer ? ` by ${md(r.engineer)}` : ''}${r.siteName ? ` for ${md(r.siteName)}` : ''}.`, '')
  out.push(
    `Steps: ${r.counts.done} done, ${r.counts.failed} failed, ${r.counts['in-progress']} in progress, ${r.counts.skipped} skipped, ${r.counts.pending} pending.`,
    '',
  )
  out.push('## Site variables', '', '| Variable | Value |', '| --- | --- |')
  for (const v of r.variables) out.push(`| ${md(v.label)} | ${v.value === '' ? '*(not set)*' : md(v.value)} |`)
  out.push('', '## Open problems', '')
  if (r.problems.length === 0) out.push('None.')
  for (const p of r.problems) out.push(`- ${md(p)}`)
  for (const task of TASKS) {
    out.push('', `## ${md(task.title)}`)
    for (const view of r.steps.filter((s) => s.step.task === task.id)) {
      out.push('', `### ${md(view.step.id)} · ${md(view.title)}`, '')
      const facts = [`**Status:** ${md(view.status)}${view.how ? ` (${md(view.how)})` : ''}`, `**Where:** ${md(view.step.where)}`]
      if (view.time) facts.push(`**Time:** ${md(view.time)}${view.duration ? ` (${md(view.duration)})` : ''}`)
      if (view.verificationStatus) facts.push(`**Check:** ${md(view.verificationStatus)}`)
      out.push(facts.join(' · '))
      if (view.note) out.push('', md(view.note))
      for (const c of view.failedChecks) out.push('', `- Expected: ${md(c.expected)}`, `  Seen: ${md(c.seen)}`)
      if (view.evidence) out.push('', markdownCodeBlock(view.evidence))
    }
  }
  out.push('', '## Certificate fingerprints', '')
  if (r.fingerprints.length === 0) out.push('None recorded.')
  for (const fp of r.fingerprints) {
    out.push(`- **${md(fp.label)}**${fp.subject ? ` — ${md(fp.subject)}` : ''}${fp.notAfter ? `, valid until ${md(fp.notAfter)}` : ''}`)
    for (const [alg, value] of fingerprintLines(fp)) out.push(`  - ${alg}: \`${value}\``)
  }
  out.push('', '## Corrections to the tech note', '')
  for (const c of r.corrections) out.push(`- **${md(c.title)}** (${md(c.steps.join(', '))}): ${md(c.detail)}`)
  return `${out.join('\n')}\n`
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}
pre{background:#f5f5f5;padding:.6em;overflow-x:auto;white-space:pre-wrap}code{font-family:ui-monospace,monospace}
.done{color:#176a1f}.failed{color:#b00020;font-weight:bold}.pending,.skipped{color:#666}.in-progress{color:#8a5a00}`

function toHtml(r: Collected): string {
  const h = escapeHtml
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${h(r.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${h(r.title)}</h1>`,
    `<p>Generated ${h(r.generated)}${r.engineer ? ` by ${h(r.engineer)}` : ''}${r.siteName ? ` for ${h(r.siteName)}` : ''}.</p>`,
    `<p>Steps: ${r.counts.done} done, ${r.counts.failed} failed, ${r.counts['in-progress']} in progress, ${r.counts.skipped} skipped, ${r.counts.pending} pending.</p>`,
    '<h2>Site variables</h2><table><tr><th>Variable</th><th>Value</th></tr>',
  ]
  for (const v of r.variables) out.push(`<tr><td>${h(v.label)}</td><td>${v.value === '' ? '<em>(not set)</em>' : h(v.value)}</td></tr>`)
  out.push('</table><h2>Open problems</h2>')
  out.push(r.problems.length === 0 ? '<p>None.</p>' : `<ul>${r.problems.map((p) => `<li>${h(p)}</li>`).join('')}</ul>`)
  for (const task of TASKS) {
    out.push(`<h2>${h(task.title)}</h2>`)
    for (const view of r.steps.filter((s) => s.step.task === task.id)) {
      out.push(`<h3>${h(view.step.id)} · ${h(view.title)}</h3>`)
      const facts = [
        `<strong>Status:</strong> <span class="${h(view.status)}">${h(view.status)}</span>${view.how ? ` (${h(view.how)})` : ''}`,
        `<strong>Where:</strong> ${h(view.step.where)}`,
      ]
      if (view.time) facts.push(`<strong>Time:</strong> ${h(view.time)}${view.duration ? ` (${h(view.duration)})` : ''}`)
      if (view.verificationStatus) facts.push(`<strong>Check:</strong> ${h(view.verificationStatus)}`)
      out.push(`<p>${facts.join(' · ')}</p>`)
      if (view.note) out.push(`<p>${h(view.note)}</p>`)
      if (view.failedChecks.length > 0) {
        out.push(`<ul>${view.failedChecks.map((c) => `<li>Expected: ${h(c.expected)}<br>Seen: ${h(c.seen)}</li>`).join('')}</ul>`)
      }
      if (view.evidence) out.push(`<pre><code>${h(view.evidence)}</code></pre>`)
    }
  }
  out.push('<h2>Certificate fingerprints</h2>')
  if (r.fingerprints.length === 0) out.push('<p>None recorded.</p>')
  for (const fp of r.fingerprints) {
    out.push(`<h3>${h(fp.label)}</h3>`)
    if (fp.subject || fp.notAfter)
      out.push(`<p>${fp.subject ? h(fp.subject) : ''}${fp.notAfter ? ` — valid until ${h(fp.notAfter)}` : ''}</p>`)
    out.push(
      `<table>${fingerprintLines(fp)
        .map(([alg, value]) => `<tr><th>${h(alg)}</th><td><code>${h(value)}</code></td></tr>`)
        .join('')}</table>`,
    )
  }
  out.push('<h2>Corrections to the tech note</h2><ul>')
  for (const c of r.corrections) out.push(`<li><strong>${h(c.title)}</strong> (${h(c.steps.join(', '))}): ${h(c.detail)}</li>`)
  out.push('</ul></body></html>')
  return `${out.join('\n')}\n`
}

/**
 * The site report as Markdown and as a standalone HTML page. Every value that came from the user
 * or the router is escaped; evidence is trimmed and has private keys and typed passwords removed.
 */
export function renderReport(site: SiteVars, progress: Readonly<Record<string, StepProgress>>, extras: ReportExtras = {}): RenderedReport {
  const collected = collect(site, progress, extras)
  return { markdown: toMarkdown(collected), html: toHtml(collected) }
}
