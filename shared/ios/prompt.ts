import { cleanTerminalText } from './text'

/**
 * Which prompt the router is waiting at. `username` is not in the original list of kinds but a
 * console login asks for it before `Password:`, and answering it like a password would be wrong.
 */
export type PromptKind =
  'user-exec' | 'privileged' | 'config' | 'yes-no' | 'password' | 'username' | 'confirm' | 'more' | 'enrollment-paste'

export interface DetectedPrompt {
  readonly kind: PromptKind
  /** The prompt line as shown, ANSI removed, trailing blanks trimmed. */
  readonly text: string
  /** For CLI prompts: `VG-CME-1` of `VG-CME-1(config)#`. */
  readonly hostname?: string
  /** For config prompts: the word in parentheses (`config`, `config-if`, `ca-trustpoint`, `cs-server`…). */
  readonly mode?: string
  /** For questions that show a default, e.g. `[no]:` or `Destination filename [startup-config]?`. */
  readonly defaultAnswer?: string
}

const ENROLLMENT_PASTE = /End with a blank line or the word "quit" on a line by itself\s*$/i
const MORE = /(?:^|\s)-{1,2} ?More ?-{1,2}\s*$/
// IOS always ends these with a colon; waiting for it avoids answering a half-printed question.
const YES_NO = /\[(yes\/no|yes|no)\]\s*:\s*$/i
const CONFIRM = /\[confirm\]\s*$/i
const DEFAULTED_QUESTION = /\[([^\]\r\n]*)\]\?\s*$/
const PASSWORD = /(?:^|[\s%])(?:re-enter |confirm |enter |new )?(?:password|passphrase|secret)\s*:\s*$/i
const USERNAME = /^\s*(?:username|user name|login)\s*:\s*$/i
// IOS hostnames: letter or digit first, then letters, digits, dot, underscore, hyphen.
const CLI = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63})(?:\(([a-z0-9][a-z0-9-]*)\))?([>#]) ?$/

/**
 * Say whether terminal output ends at a prompt, and which. `tail` is the raw end of the output
 * (ANSI, CR/LF, partial lines allowed); only its last line counts, except for the enrollment
 * paste prompt, which ends with a newline.
 */
export function detectPrompt(tail: string): DetectedPrompt | null {
  if (typeof tail !== 'string' || tail.length === 0) return null
  const lines = cleanTerminalText(tail).split(/\r\n|\r|\n/)
  const last = lines[lines.length - 1] ?? ''
  if (last.trim() === '') return detectAfterNewline(lines)
  const text = last.replace(/\s+$/, '')

  if (MORE.test(last)) return { kind: 'more', text: text.trim() }
  const yesNo = YES_NO.exec(last)
  if (yesNo) {
    const inside = (yesNo[1] ?? '').toLowerCase()
    return inside === 'yes' || inside === 'no' ? { kind: 'yes-no', text, defaultAnswer: inside } : { kind: 'yes-no', text }
  }
  if (CONFIRM.test(last)) return { kind: 'confirm', text }
  const defaulted = DEFAULTED_QUESTION.exec(last)
  if (defaulted) return { kind: 'confirm', text, defaultAnswer: defaulted[1] ?? '' }
  if (PASSWORD.test(last)) return { kind: 'password', text: text.trim() }
  if (USERNAME.test(last)) return { kind: 'username', text: text.trim() }

  const cli = CLI.exec(last)
  if (!cli) return null
  const hostname = cli[1] ?? ''
  const mode = cli[2]
  if (cli[3] === '>') return mode === undefined ? { kind: 'user-exec', text, hostname } : null
  return mode === undefined ? { kind: 'privileged', text, hostname } : { kind: 'config', text, hostname, mode }
}

function detectAfterNewline(lines: readonly string[]): DetectedPrompt | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? ''
    if (line.trim() === '') continue
    return ENROLLMENT_PASTE.test(line) ? { kind: 'enrollment-paste', text: line.trim() } : null
  }
  return null
}

/**
 * A rolling tail of terminal output fed in arbitrary chunks, so a prompt split across reads (or
 * an escape sequence split across reads) is still found. Keeps raw text and cleans on demand.
 */
export class PromptTail {
  private raw = ''

  constructor(private readonly maxChars = 4096) {
    if (!Number.isInteger(maxChars) || maxChars < 64) throw new RangeError('PromptTail needs at least 64 characters')
  }

  /** Append a chunk and return the prompt the output now ends at, if any. */
  feed(chunk: string): DetectedPrompt | null {
    this.raw += chunk
    if (this.raw.length > this.maxChars) this.raw = this.raw.slice(this.raw.length - this.maxChars)
    return this.detect()
  }

  detect(): DetectedPrompt | null {
    return detectPrompt(this.raw)
  }

  /** The tail with ANSI removed and backspaces applied. */
  text(): string {
    return cleanTerminalText(this.raw)
  }

  get size(): number {
    return this.raw.length
  }

  clear(): void {
    this.raw = ''
  }
}
