import { toLines } from './text'

/**
 * Router messages worth reacting to: CLI errors (`% Invalid input…`), PKI results
 * (`% Certificate Server enabled.`) and syslog lines (`%PKI-2-NON_AUTHORITATIVE_CLOCK: …`).
 */
export type IosMessageCode =
  | 'invalid-input'
  | 'incomplete-command'
  | 'ambiguous-command'
  | 'unknown-command'
  | 'non-authoritative-clock'
  | 'cs-enabled'
  | 'cs-enabled-syslog'
  | 'certificate-imported'
  | 'ca-certificate-accepted'
  | 'certificate-request-sent'
  | 'certificate-received'
  | 'not-enrolled'
  | 'ca-retrieval-failed'
  | 'must-authenticate-first'
  | 'enrollment-failed'
  | 'question'
  | 'syslog'
  | 'other'

export type IosMessageSeverity = 'error' | 'warning' | 'info' | 'success'

export interface IosMessage {
  readonly code: IosMessageCode
  readonly severity: IosMessageSeverity
  readonly text: string
  /** 0-based line index in the cleaned output. */
  readonly line: number
  /** For `invalid-input`: the command line above the caret and the caret's column. */
  readonly command?: string
  readonly caretColumn?: number
  /** For syslog lines: `PKI`, 2, `NON_AUTHORITATIVE_CLOCK`. */
  readonly facility?: string
  readonly syslogSeverity?: number
  readonly mnemonic?: string
}

const KNOWN: ReadonlyArray<readonly [RegExp, IosMessageCode, IosMessageSeverity]> = [
  [/^% ?Invalid input detected at '\^' marker\.?/i, 'invalid-input', 'error'],
  [/^% ?Incomplete command\.?/i, 'incomplete-command', 'error'],
  [/^% ?Ambiguous command/i, 'ambiguous-command', 'error'],
  [/^% ?(?:Unknown command|Bad IP address or host name|Unrecognized command)/i, 'unknown-command', 'error'],
  [/^% ?Certificate Server enabled\.?/i, 'cs-enabled', 'success'],
  [/^% ?Certificate successfully imported/i, 'certificate-imported', 'success'],
  [/^Trustpoint CA certificate accepted\.?/i, 'ca-certificate-accepted', 'success'],
  [/^% ?Certificate request sent to Certificate Authority/i, 'certificate-request-sent', 'info'],
  [/^% ?The specified trustpoint is not enrolled/i, 'not-enrolled', 'error'],
  [/^% ?Error in receiving Certificate Authority certificate/i, 'ca-retrieval-failed', 'error'],
  [/^% ?You must authenticate the Certificate Authority before/i, 'must-authenticate-first', 'error'],
  [/^% ?(?:Certificate enrollment failed|Enrollment failed)/i, 'enrollment-failed', 'error'],
]

const SYSLOG_CODES: Readonly<Record<string, readonly [IosMessageCode, IosMessageSeverity]>> = {
  'PKI-2-NON_AUTHORITATIVE_CLOCK': ['non-authoritative-clock', 'error'],
  'PKI-6-CS_ENABLED': ['cs-enabled-syslog', 'success'],
  'PKI-6-CERTRET': ['certificate-received', 'success'],
  'PKI-2-CS_CERT_GEN_FAIL': ['enrollment-failed', 'error'],
  'PKI-3-CERTRETFAIL': ['enrollment-failed', 'error'],
}

// Optional sequence number, `*` or `.` (clock not authoritative / not synced), timestamp, then %FAC-SEV-MNEMONIC:
const SYSLOG =
  /^(?:\d+:\s*)?[*.]?(?:[A-Za-z]{3}\s+\d{1,2}\s+(?:\d{4}\s+)?\d{1,2}:\d{2}:\d{2}(?:\.\d+)?(?:\s+[A-Za-z]{2,5})?:\s*)?%([A-Z0-9_]+)-(\d)-([A-Z0-9_]+):\s*(.*)$/

function syslogSeverity(level: number): IosMessageSeverity {
  return level <= 3 ? 'error' : level === 4 ? 'warning' : 'info'
}

export function parseIosMessages(text: string): IosMessage[] {
  if (typeof text !== 'string' || text.length === 0) return []
  const lines = toLines(text.length > 1_000_000 ? text.slice(-1_000_000) : text)
  const messages: IosMessage[] = []
  lines.forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') return
    const syslog = SYSLOG.exec(line)
    if (syslog) {
      const facility = syslog[1] ?? ''
      const level = Number(syslog[2])
      const mnemonic = syslog[3] ?? ''
      const known = SYSLOG_CODES[`${facility}-${level}-${mnemonic}`]
      messages.push({
        code: known?.[0] ?? 'syslog',
        severity: known?.[1] ?? syslogSeverity(level),
        text: line,
        line: index,
        facility,
        syslogSeverity: level,
        mnemonic,
      })
      return
    }
    for (const [pattern, code, severity] of KNOWN) {
      if (!pattern.test(line)) continue
      if (code === 'invalid-input') {
        messages.push({ code, severity, text: line, line: index, ...caretContext(lines, index) })
      } else {
        messages.push({ code, severity, text: line, line: index })
      }
      return
    }
    if (/\[(?:yes\/no|yes|no)\]\s*:/i.test(line)) messages.push({ code: 'question', severity: 'info', text: line, line: index })
    else if (/^%\s?\S/.test(line)) messages.push({ code: 'other', severity: 'info', text: line, line: index })
  })
  return messages
}

/** IOS prints the offending command, then a line with `^` under the bad word, then the error. */
function caretContext(lines: readonly string[], errorLine: number): { command?: string; caretColumn?: number } {
  const caretLine = lines[errorLine - 1]
  const commandLine = lines[errorLine - 2]
  if (caretLine === undefined || !/^\s*\^\s*$/.test(caretLine)) return {}
  const caretColumn = caretLine.indexOf('^')
  return commandLine !== undefined ? { command: commandLine, caretColumn } : { caretColumn }
}

/** Errors only: what a checklist step should stop on. */
export function iosErrors(text: string): IosMessage[] {
  return parseIosMessages(text).filter((m) => m.severity === 'error')
}
