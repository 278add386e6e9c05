import { callManagerTrustpoints, describeNode, formatNodeList, groupNodes, type GroupNode } from './cucm-nodes'
import { defaultSite, SITE_FIELD_NAMES, SITE_FIELDS, type SiteField, type SiteVars } from './site'
import type { CommandLine, ProcedureStep } from './types'
import { validateSite } from './validate-site'
import { normalizeInterfaceName } from './validators'

const PLACEHOLDER = /\{([A-Za-z]+)(?:\[(\d+)\])?\}/g
const NODE_PLACEHOLDER = /\{node\.(name|ip|priority|identifier|trustpoint)\}/g
const FIELDS = new Set<string>(SITE_FIELD_NAMES)

function isField(name: string): name is SiteField {
  return FIELDS.has(name)
}

/**
 * Values derived from the CUCM group, usable like fields in any template:
 * `{cucmNodeNames}` (CUCMPUB15, CUCMSUB1), `{cucmNodeIps}` (space-separated, for checks),
 * `{cucmNodesDescribed}` (CUCMPUB15 (10.10.10.10), …), `{cucmPublisherName}`, `{cucmPublisherIp}`.
 */
const DERIVED: Readonly<Record<string, { readonly uses: readonly SiteField[]; readonly value: (vars: SiteVars) => string }>> = {
  cucmNodeNames: {
    uses: ['cucmNodes'],
    value: (v) =>
      joinOr(
        groupNodes(v).map((n) => n.name.trim() || '<node name>'),
        ', ',
        'cucmNodes',
      ),
  },
  cucmNodeNamesOr: {
    uses: ['cucmNodes'],
    value: (v) =>
      joinOr(
        groupNodes(v).map((n) => n.name.trim() || '<node name>'),
        ' or ',
        'cucmNodes',
      ),
  },
  cucmNodeIps: {
    uses: ['cucmNodes'],
    value: (v) =>
      joinOr(
        groupNodes(v).map((n) => n.ip.trim() || '<node IP>'),
        ' ',
        'cucmNodes',
      ),
  },
  cucmNodesDescribed: { uses: ['cucmNodes'], value: (v) => joinOr(groupNodes(v).map(describeNode), ', ', 'cucmNodes') },
  cucmPublisherName: { uses: ['cucmNodes'], value: (v) => v.cucmNodes.find((n) => n.publisher)?.name.trim() || '<publisher name>' },
  cucmPublisherIp: { uses: ['cucmNodes'], value: (v) => v.cucmNodes.find((n) => n.publisher)?.ip.trim() || '<publisher IP>' },
  callManagerTrustpoints: {
    uses: ['cucmNodes', 'cucmTrustpoint', 'callManagerTrust'],
    value: (v) => callManagerTrustpoints(v).join(', ') || missing('cucmTrustpoint'),
  },
}

function joinOr(items: string[], separator: string, field: SiteField): string {
  return items.length === 0 ? missing(field) : items.join(separator)
}

/** A visible stand-in for an empty value: IOS rejects it rather than configuring something wrong. */
function missing(field: SiteField, index?: number): string {
  const label = SITE_FIELDS[field].label
  return index === undefined ? `<${label}>` : `<${label} #${index + 1}>`
}

function valueOf(vars: SiteVars, field: SiteField, index?: number): string {
  if (field === 'cucmNodes') return vars.cucmNodes.length === 0 ? missing(field) : formatNodeList(vars.cucmNodes)
  const value = vars[field]
  if (Array.isArray(value)) {
    if (index !== undefined) {
      const item = value[index]
      return item === undefined || item === '' ? missing(field, index) : item
    }
    return value.length === 0 ? missing(field) : value.join(', ')
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : missing(field)
  if (value === '') return missing(field)
  if (field === 'sccpInterface') return normalizeInterfaceName(value) ?? value
  return value
}

/** Replace `{field}` and `{field[i]}` with site values; `{item}` with `item` when given. */
export function renderText(template: string, vars: SiteVars, item?: string): string {
  return template.replace(PLACEHOLDER, (whole, name: string, index: string | undefined) => {
    if (name === 'item' && item !== undefined) return item
    const derived = DERIVED[name]
    if (derived) return derived.value(vars)
    if (!isField(name)) return whole
    return valueOf(vars, name, index === undefined ? undefined : Number(index))
  })
}

function isSet(vars: SiteVars, field: SiteField): boolean {
  const value = vars[field]
  const fallback = defaultSite()[field]
  if (value === '' || value === undefined) return false
  return JSON.stringify(value) !== JSON.stringify(fallback)
}

/** Fill `{node.…}` placeholders, then the site's. */
export function renderNodeText(template: string, vars: SiteVars, node: GroupNode): string {
  const filled = template.replace(NODE_PLACEHOLDER, (_whole, key: 'name' | 'ip' | 'priority' | 'identifier' | 'trustpoint') => {
    const value = node[key]
    if (typeof value === 'number') return String(value)
    return value.trim() || (key === 'name' ? '<node name>' : key === 'ip' ? '<node IP>' : value)
  })
  return renderText(filled, vars)
}

/** One node per trustpoint: every node for per-node trust, the first (by priority) for a shared CA root. */
export function trustpointNodes(vars: SiteVars): GroupNode[] {
  const seen = new Set<string>()
  return groupNodes(vars).filter((n) => (seen.has(n.trustpoint) ? false : (seen.add(n.trustpoint), true)))
}

function renderLine(line: CommandLine, vars: SiteVars): string[] {
  if (typeof line === 'string') return [renderText(line, vars)]
  if ('eachNode' in line) return groupNodes(vars).flatMap((node) => line.eachNode.map((l) => renderNodeText(l, vars, node)))
  if ('eachTrustpoint' in line)
    return trustpointNodes(vars).flatMap((node) => line.eachTrustpoint.map((l) => renderNodeText(l, vars, node)))
  if ('each' in line) {
    const items = vars[line.each]
    return items.length === 0 ? [renderText(line.line, vars, missing(line.each))] : items.map((item) => renderText(line.line, vars, item))
  }
  return isSet(vars, line.ifSet) ? [renderText(line.line, vars)] : []
}

export interface RenderOptions {
  /** Wrap config-mode steps in `configure terminal` … `end`. */
  readonly wrapConfig?: boolean
}

/** The router lines of a step, site values filled in. Empty for web and phone steps. */
export function renderCommands(step: ProcedureStep, vars: SiteVars, options: RenderOptions = {}): string[] {
  const lines = (step.commands ?? []).flatMap((line) => renderLine(line, vars))
  if (options.wrapConfig && step.mode === 'config' && lines.length > 0) return ['configure terminal', ...lines, 'end']
  return lines
}

export function renderInstructions(step: ProcedureStep, vars: SiteVars): string[] {
  return (step.instructions ?? []).map((line) => renderText(line, vars))
}

/** Config-mode steps must be entered after `configure terminal`. */
export function needsConfigureTerminal(step: ProcedureStep): boolean {
  return step.mode === 'config'
}

function templatesOf(step: ProcedureStep): string[] {
  const lines = (step.commands ?? []).flatMap((l) =>
    typeof l === 'string' ? [l] : 'eachNode' in l ? l.eachNode : 'eachTrustpoint' in l ? l.eachTrustpoint : [l.line],
  )
  const each = (step.commands ?? []).flatMap((l) => (typeof l !== 'string' && 'each' in l ? [`{${l.each}}`] : []))
  const specs = [step.precheck, step.verify].flatMap((spec) => (spec ? [...spec.commands, ...(spec.manual ?? [])] : []))
  const checks = [step.precheck, step.verify].flatMap((spec) =>
    (spec?.checks ?? []).flatMap((c) => Object.values(c.check).filter((v): v is string => typeof v === 'string')),
  )
  const prompts = (step.prompts ?? []).map((p) => p.note)
  return [step.title, step.why, ...lines, ...each, ...(step.instructions ?? []), ...specs, ...checks, ...prompts]
}

/** Site fields a step's text refers to. */
export function fieldsUsedBy(step: ProcedureStep): SiteField[] {
  const used = new Set<SiteField>()
  for (const template of templatesOf(step)) {
    for (const m of template.matchAll(PLACEHOLDER)) {
      const name = m[1] ?? ''
      if (isField(name)) used.add(name)
      for (const field of DERIVED[name]?.uses ?? []) used.add(field)
    }
    for (const m of template.matchAll(NODE_PLACEHOLDER)) {
      used.add('cucmNodes')
      if (m[1] === 'identifier') used.add('ccmIdentifier')
      if (m[1] === 'trustpoint') used.add('cucmTrustpoint')
    }
  }
  for (const line of step.commands ?? []) {
    if (typeof line === 'string') continue
    if ('ifSet' in line) used.add(line.ifSet)
    if ('eachNode' in line || 'eachTrustpoint' in line) used.add('cucmNodes')
    if ('eachTrustpoint' in line) used.add('callManagerTrust')
  }
  return SITE_FIELD_NAMES.filter((f) => used.has(f))
}

/** Fields this step needs whose current value has a validation error: do not send the step yet. */
export function blockingFields(step: ProcedureStep, vars: Partial<Record<SiteField, unknown>>): SiteField[] {
  const validation = validateSite(vars)
  return fieldsUsedBy(step).filter((f) => (validation.fields[f] ?? []).some((i) => i.severity === 'error'))
}
