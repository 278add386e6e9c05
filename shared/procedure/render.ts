import { defaultSite, SITE_FIELD_NAMES, SITE_FIELDS, type SiteField, type SiteVars } from './site'
import type { CommandLine, ProcedureStep } from './types'
import { validateSite } from './validate-site'
import { normalizeInterfaceName } from './validators'

const PLACEHOLDER = /\{([A-Za-z]+)(?:\[(\d+)\])?\}/g
const FIELDS = new Set<string>(SITE_FIELD_NAMES)

function isField(name: string): name is SiteField {
  return FIELDS.has(name)
}

/** A visible stand-in for an empty value: IOS rejects it rather than configuring something wrong. */
function missing(field: SiteField, index?: number): string {
  const label = SITE_FIELDS[field].label
  return index === undefined ? `<${label}>` : `<${label} #${index + 1}>`
}

function valueOf(vars: SiteVars, field: SiteField, index?: number): string {
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

function renderLine(line: CommandLine, vars: SiteVars): string[] {
  if (typeof line === 'string') return [renderText(line, vars)]
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
  const lines = (step.commands ?? []).map((l) => (typeof l === 'string' ? l : l.line))
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
    }
  }
  for (const line of step.commands ?? []) if (typeof line !== 'string' && 'ifSet' in line) used.add(line.ifSet)
  return SITE_FIELD_NAMES.filter((f) => used.has(f))
}

/** Fields this step needs whose current value has a validation error: do not send the step yet. */
export function blockingFields(step: ProcedureStep, vars: Partial<Record<SiteField, unknown>>): SiteField[] {
  const validation = validateSite(vars)
  return fieldsUsedBy(step).filter((f) => (validation.fields[f] ?? []).some((i) => i.severity === 'error'))
}
