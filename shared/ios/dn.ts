/** Distinguished names as IOS prints them: one `cn=…` per line, or `cn=A,ou=B` on one line. */
export interface DnAttribute {
  readonly type: string
  readonly value: string
}

export interface DistinguishedName {
  readonly attributes: readonly DnAttribute[]
  readonly cn?: string
  /** `cn=testCA, o=cisco` in the order printed. */
  readonly text: string
}

const ATTRIBUTE = /^([A-Za-z][A-Za-z0-9.]*)\s*=\s*(.*)$/
// IOS prints the router's own name/IP/serial under Subject when they are not in a cn.
const NAMED_FIELD = /^(Name|IP Address|Serial Number|hostname|unstructuredName)\s*:\s*(.+)$/i

/** Attributes on one printed line, or null when the line is not part of a DN. */
export function parseDnLine(line: string): DnAttribute[] | null {
  const trimmed = line.trim()
  const named = NAMED_FIELD.exec(trimmed)
  if (named) return [{ type: named[1] ?? '', value: (named[2] ?? '').trim() }]
  if (!ATTRIBUTE.test(trimmed)) return null
  const parts = trimmed.split(/\s*[,+]\s*(?=[A-Za-z][A-Za-z0-9.]*\s*=)/)
  const out: DnAttribute[] = []
  for (const part of parts) {
    const m = ATTRIBUTE.exec(part)
    if (!m) return null
    out.push({ type: m[1] ?? '', value: (m[2] ?? '').trim() })
  }
  return out
}

export function makeDn(attributes: readonly DnAttribute[]): DistinguishedName {
  const cn = attributes.find((a) => a.type.toLowerCase() === 'cn')?.value
  return {
    attributes,
    ...(cn !== undefined ? { cn } : {}),
    text: attributes.map((a) => `${a.type}=${a.value}`).join(', '),
  }
}

/** `CN=testCA, O=cisco` or `cn=testCA` (as in `Issuer name:`) → DN. */
export function parseDnText(text: string): DistinguishedName {
  return makeDn(parseDnLine(text) ?? [])
}
