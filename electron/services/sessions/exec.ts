import { detectPrompt, type DetectedPrompt } from '../../../shared/ios/prompt'
import { cleanTerminalText } from '../../../shared/ios/text'
import type { ExecResult } from '../../../shared/contract'
import type { Session } from './session'

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
  const stop = session.tapText((text) => {
    all += text
    sinceLine += text
    wake?.()
  })
  const waitForPrompt = async (): Promise<DetectedPrompt | null> => {
    const deadline = Date.now() + request.timeoutMs
    for (;;) {
      const prompt = detectPrompt(sinceLine)
      if (prompt?.kind === 'more') {
        sinceLine = ''
        session.writeRaw(' ')
      } else if (prompt) return prompt
      const left = deadline - Date.now()
      if (left <= 0 || session.state.state !== 'open') return null
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
      sinceLine = ''
      session.writeRaw(`${request.lines[i]}\r`)
      prompt = await waitForPrompt()
      if (!prompt) return result(null, i + 1, true)
      if (INTERACTIVE.has(prompt.kind)) return result(prompt, i + 1, false)
    }
    return result(prompt ?? detectPrompt(all), request.lines.length, false)
  } finally {
    stop()
  }
}
