import { detectPrompt, type DetectedPrompt } from '../../../shared/ios/prompt'
import { cleanTerminalText } from '../../../shared/ios/text'
import type { ExecResult } from '../../../shared/contract'
import type { Session } from './session'

/**
 * What to look for in the echo of a line: its start. IOS shows a line longer than the terminal
 * with a `$` and shifted, so only the first characters are sure to appear as typed.
 */
function echoMark(line: string): string {
  return line.trim().slice(0, 16)
}

/** Prompts where the router waits for a decision the caller must make (not just the next command). */
const INTERACTIVE = new Set<DetectedPrompt['kind']>(['yes-no', 'password', 'username', 'confirm', 'enrollment-paste'])

export interface ExecRequest {
  readonly lines: readonly string[]
  readonly timeoutMs: number
  readonly secret: boolean
  readonly paste: boolean
}

/**
 * Types lines into a session the way an engineer would: one line, then wait for the router's
 * prompt, then the next. Pages through `--More--`. Stops early at a question (yes/no, password,
 * paste) so the caller decides the answer; stops at a timeout rather than hanging.
 */
export async function execLines(session: Session, request: ExecRequest): Promise<ExecResult> {
  let all = ''
  let sinceLine = ''
  let wake: (() => void) | undefined
  /** Output came since the last look (possibly synchronously, while we were writing). */
  let fresh = false
  const stop = session.tapText((text) => {
    all += text
    sinceLine += text
    fresh = true
    wake?.()
  })
  /** Waits for a prompt; with `echo`, only one that comes after the line's echo (not a stale one). */
  const waitForPrompt = async (echo = ''): Promise<DetectedPrompt | null> => {
    const deadline = Date.now() + request.timeoutMs
    // Once seen, the echo stays seen: paging through --More-- drops the text it was in.
    let echoed = echo === ''
    for (;;) {
      fresh = false
      echoed ||= cleanTerminalText(sinceLine).includes(echo)
      const prompt = echoed ? detectPrompt(sinceLine) : null
      if (prompt?.kind === 'more') {
        sinceLine = ''
        session.writeRaw(' ')
      } else if (prompt) return prompt
      const left = deadline - Date.now()
      if (left <= 0 || session.state.state !== 'open') return null
      // A device in this process (the practice router) answers the space for --More-- at once.
      if (fresh) continue
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = undefined
    }
  }
  const result = (prompt: DetectedPrompt | null, linesSent: number, timedOut: boolean): ExecResult => ({
    output: cleanTerminalText(all),
    prompt: prompt ? { kind: prompt.kind, text: prompt.text, ...(prompt.mode ? { mode: prompt.mode } : {}) } : null,
    linesSent,
    timedOut,
  })
  try {
    if (session.state.state !== 'open') throw new Error(`Session ${session.id} is not open (${session.state.state})`)
    if (request.paste) {
      sinceLine = ''
      for (const line of request.lines) session.writeRaw(`${line}\r`)
      const prompt = await waitForPrompt()
      return result(prompt, request.lines.length, prompt === null)
    }
    let prompt: DetectedPrompt | null = null
    for (let i = 0; i < request.lines.length; i++) {
      const line = request.lines[i] ?? ''
      sinceLine = ''
      session.writeRaw(`${line}\r`)
      prompt = await waitForPrompt(request.secret ? '' : echoMark(line))
      if (!prompt) return result(null, i + 1, true)
      if (INTERACTIVE.has(prompt.kind)) return result(prompt, i + 1, false)
    }
    return result(prompt ?? detectPrompt(all), request.lines.length, false)
  } finally {
    stop()
  }
}
