import {
  CALLMANAGER_TRUST_MODES,
  defaultSite,
  SITE_FIELD_SCHEMAS,
  validateSite,
  type SiteField,
  type SiteValidation,
  type SiteVars,
} from '../../../shared/procedure'
import { parseList } from '../../../shared/procedure/validators'

/** How a site variable is typed in the form. `nodes`: the CUCM group table, edited row by row. */
export type FieldKind = 'text' | 'number' | 'list' | 'choice' | 'nodes'

/** A site field typed as text (everything but the CUCM group table). */
export type TextField = Exclude<SiteField, 'cucmNodes'>

const DEFAULTS = defaultSite()

export function fieldKind(field: SiteField): FieldKind {
  if (field === 'cucmNodes') return 'nodes'
  if (field === 'callManagerTrust') return 'choice'
  const value = DEFAULTS[field]
  return Array.isArray(value) ? 'list' : typeof value === 'number' ? 'number' : 'text'
}

export const CHOICES: Partial<Record<SiteField, readonly string[]>> = { callManagerTrust: CALLMANAGER_TRUST_MODES }

export const CHOICE_LABELS: Readonly<Record<string, string>> = {
  '': '(not set)',
  'per-node': 'Self-signed: one trustpoint per node',
  'ca-root': 'CA-signed: one CA-root trustpoint',
}

export function toText(value: SiteVars[TextField]): string {
  return Array.isArray(value) ? value.join(' ') : String(value)
}

/**
 * The stored value for what was typed, if the stored shape can hold it. A half-typed number
 * ("66a") cannot: it stays a draft in the form, shown with its error, and the commands keep the
 * last good value.
 */
export function fromText<F extends SiteField>(field: F, text: string): { ok: true; value: SiteVars[F] } | { ok: false } {
  const kind = fieldKind(field)
  const candidate: unknown =
    kind === 'number' ? (/^\s*\d+\s*$/.test(text) ? Number(text) : undefined) : kind === 'list' ? (parseList(text) ?? []) : text
  if (candidate === undefined) return { ok: false }
  const parsed = SITE_FIELD_SCHEMAS[field].safeParse(candidate)
  return parsed.success ? { ok: true, value: parsed.data as SiteVars[F] } : { ok: false }
}

/** Validation of what is on screen: the drafts as typed, over the stored values. */
export function validateForm(vars: SiteVars, drafts: Partial<Record<TextField, string>>): SiteValidation {
  return validateSite({ ...vars, ...drafts })
}

/** The longest value the stored shape takes, for the input's maxLength. */
export function maxLengthOf(field: SiteField): number | undefined {
  if (fieldKind(field) !== 'text') return undefined
  return field === 'voiceCard' || field === 'sccpVersion' ? 16 : 64
}
