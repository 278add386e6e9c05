import { useId, useState } from 'react'
import type { SiteRecord } from '../../../shared/contract'
import { SITE_FIELD_NAMES, SITE_FIELDS, type SiteField } from '../../../shared/procedure'
import { useLab } from '../../app/context'
import { NodesEditor } from './NodesEditor'
import { useCucm } from './cucm/cucm-context'
import { CHOICE_LABELS, CHOICES, fieldKind, fromText, maxLengthOf, toText, validateForm, type TextField } from './site-form'

const TEXT_FIELDS = SITE_FIELD_NAMES.filter((f): f is TextField => f !== 'cucmNodes')

function initialDrafts(site: SiteRecord): Record<TextField, string> {
  return Object.fromEntries(TEXT_FIELDS.map((f) => [f, toText(site.vars[f])])) as Record<TextField, string>
}

/** Every site variable, checked as it is typed; the commands below re-render from the stored values. */
export function SiteForm({ site }: { site: SiteRecord }) {
  const updateSiteVars = useLab((s) => s.updateSiteVars)
  const cucm = useCucm()
  const id = useId()
  const [drafts, setDrafts] = useState(() => initialDrafts(site))
  const validation = validateForm(site.vars, drafts)
  const [open, setOpen] = useState(!validation.ok)

  const change = (field: TextField, text: string): void => {
    setDrafts((d) => ({ ...d, [field]: text }))
    const parsed = fromText(field, text)
    if (parsed.ok) updateSiteVars(site.id, { [field]: parsed.value })
  }

  // The practice router's GigabitEthernet0/1 is 10.10.10.1: the CA URL must use an address it has.
  const usePracticeAddresses = (): void => {
    const addresses = { ntpServerIp: '10.10.10.5', caIp: '10.10.10.1' } as const
    setDrafts((d) => ({ ...d, ...addresses }))
    updateSiteVars(site.id, { ...addresses, cucmNodes: [{ name: 'CUCMPUB15', ip: '10.10.10.10', priority: 1, publisher: true }] })
    // Both halves of the practice lab: the practice CUCM answers for CUCMPUB15.
    cucm.setOptions(site.id, { practice: true })
  }

  const summary =
    validation.errorCount > 0
      ? `${validation.errorCount} to fix`
      : validation.warningCount > 0
        ? `${validation.warningCount} warning${validation.warningCount === 1 ? '' : 's'}`
        : 'all valid'

  return (
    <details className="site-form" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Site variables <span className={validation.errorCount > 0 ? 'badge bad' : 'badge'}>{summary}</span>
      </summary>
      <p className="site-practice">
        Rehearsing on the practice router?{' '}
        <button type="button" onClick={usePracticeAddresses}>
          Use practice-lab addresses
        </button>
      </p>
      <div className="site-fields">
        {SITE_FIELD_NAMES.map((field: SiteField) => {
          const issues = validation.fields[field] ?? []
          if (field === 'cucmNodes') {
            return (
              <NodesEditor
                key={field}
                vars={site.vars}
                issues={issues.map((i) => i.message)}
                invalid={issues.some((i) => i.severity === 'error')}
                onChange={(cucmNodes) => updateSiteVars(site.id, { cucmNodes })}
              />
            )
          }
          const info = SITE_FIELDS[field]
          const inputId = `${id}-${field}`
          const messageId = `${inputId}-msg`
          const error = issues.some((i) => i.severity === 'error')
          const kind = fieldKind(field)
          const common = {
            id: inputId,
            'aria-invalid': error,
            'aria-describedby': issues.length > 0 ? messageId : `${inputId}-help`,
            title: info.help,
          }
          return (
            <div key={field} className={`site-field ${error ? 'invalid' : ''}`}>
              <label htmlFor={inputId}>{info.label}</label>
              {kind === 'choice' ? (
                <select {...common} value={drafts[field]} onChange={(e) => change(field, e.target.value)}>
                  {(CHOICES[field] ?? []).map((c) => (
                    <option key={c} value={c}>
                      {CHOICE_LABELS[c] ?? c}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...common}
                  type="text"
                  inputMode={kind === 'number' ? 'numeric' : undefined}
                  spellCheck={false}
                  maxLength={maxLengthOf(field)}
                  placeholder={info.example}
                  value={drafts[field]}
                  onChange={(e) => change(field, e.target.value)}
                />
              )}
              <span id={`${inputId}-help`} className="visually-hidden">
                {info.help}
              </span>
              {issues.length > 0 && (
                <p id={messageId} className={`field-issue ${error ? 'error' : 'warning'}`}>
                  {issues.map((i) => i.message).join(' ')}
                </p>
              )}
            </div>
          )
        })}
      </div>
    </details>
  )
}
