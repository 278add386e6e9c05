import { useId, type ReactNode } from 'react'

interface FieldShell {
  readonly label: string
  readonly error?: string | undefined
  readonly hint?: ReactNode
}

/** The reason a value is refused sits right under the field and is announced with it. */
function FieldMessages({ id, error, hint }: { id: string; error?: string | undefined; hint?: ReactNode }) {
  return (
    <>
      {hint && <small className="field-hint">{hint}</small>}
      {error && (
        <small id={id} className="field-error" role="alert">
          {error}
        </small>
      )}
    </>
  )
}

export function TextField(
  props: FieldShell & {
    readonly value: string
    readonly onChange: (value: string) => void
    readonly placeholder?: string
    readonly inputMode?: 'numeric' | 'text'
    readonly list?: string
  },
) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={props.value}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        list={props.list}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <FieldMessages id={errorId} error={props.error} hint={props.hint} />
    </div>
  )
}

export function SelectField<V extends string>(
  props: FieldShell & {
    readonly value: V
    readonly options: ReadonlyArray<{ readonly value: V; readonly label: string }>
    readonly onChange: (value: V) => void
  },
) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onChange={(e) => {
          const chosen = props.options.find((o) => o.value === e.target.value)
          if (chosen) props.onChange(chosen.value)
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={errorId} error={props.error} hint={props.hint} />
    </div>
  )
}

export function CheckField(props: FieldShell & { readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const id = useId()
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
      <FieldMessages id={`${id}-error`} error={props.error} hint={props.hint} />
    </div>
  )
}

/** Options from plain values: [1, 1.5, 2] → [{ value: '1', label: '1' }, …]. */
export function optionsOf(values: ReadonlyArray<string | number>): Array<{ value: string; label: string }> {
  return values.map((v) => ({ value: String(v), label: String(v) }))
}
