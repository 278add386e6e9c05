import { cleanTerminalText } from '../../../shared/ios/text'

/**
 * Evidence is kept as a router transcript (`VG-CME-1#show sccp` then its output, command after
 * command) so that it reads naturally in a report, and so that the outputs can be split out again
 * by command to recompute the verification after a restart.
 */

export interface EvidenceSection {
  readonly command: string
  readonly output: string
  /** The prompt the command was typed at (`VG-CME-1#`). */
  readonly prompt?: string
}

const normalize = (command: string): string => command.trim().replace(/\s+/g, ' ').toLowerCase()
// An IOS prompt in front of an echoed command: hostname, optional (mode), # or >.
const PROMPT_PREFIX = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63}(?:\([a-z0-9][a-z0-9-]*\))?[#>]) ?(.*)$/
const LONE_PROMPT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(?:\([a-z0-9][a-z0-9-]*\))?[#>]\s*$/

/** The output of one command without its echo and without the prompt it ended at. */
export function commandBody(command: string, output: string): string {
  const lines = cleanTerminalText(output)
    .replace(/\r\n|\r/g, '\n')
    .split('\n')
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift()
  const first = lines[0] ?? ''
  const echo = PROMPT_PREFIX.exec(first.trim())
  if (normalize(first) === normalize(command) || (echo && normalize(echo[2] ?? '') === normalize(command))) lines.shift()
  while (lines.length > 0 && ((lines.at(-1) ?? '').trim() === '' || LONE_PROMPT.test((lines.at(-1) ?? '').trim()))) lines.pop()
  return lines.join('\n')
}

/** Joins command outputs into one transcript, each headed by its prompt and command. */
export function joinEvidence(sections: readonly EvidenceSection[]): string {
  return sections.map((s) => `${s.prompt ?? 'Router#'}${s.command}\n${commandBody(s.command, s.output)}`).join('\n')
}

/**
 * Splits a transcript back into outputs by command. Only lines that are a prompt followed by one
 * of `commands` start a section, so output that merely mentions a command stays where it is.
 */
export function splitEvidence(evidence: string, commands: readonly string[]): Record<string, string> {
  const wanted = new Map(commands.map((c) => [normalize(c), c]))
  const out: Record<string, string> = {}
  let current: string | undefined
  let body: string[] = []
  const flush = (): void => {
    if (current !== undefined) out[current] = body.join('\n')
  }
  for (const line of evidence.replace(/\r\n|\r/g, '\n').split('\n')) {
    const m = PROMPT_PREFIX.exec(line.trim())
    const command = m ? wanted.get(normalize(m[2] ?? '')) : undefined
    if (command !== undefined) {
      flush()
      current = command
      body = []
    } else if (current !== undefined) body.push(line)
  }
  flush()
  return out
}
