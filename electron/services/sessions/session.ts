import { LIMITS, fitMiddle, fitText, type SessionInfo, type SessionKind, type SessionPrompt } from '../../../shared/contract'
import { OutputBatcher, type FlowControlOptions, DEFAULT_FLOW } from './flow-control'
import type { ExitInfo, PromptAnswer, PromptRequest, Transport } from './transport'
import type { MiddlewareChain } from './middleware'

export interface SessionEvents {
  data(id: string, text: string): void
  state(info: SessionInfo): void
  prompt(prompt: SessionPrompt): void
}

/** Lets a service answer a question from memory (a remembered password) or keep an answer. */
export interface PromptMemory {
  recall(request: PromptRequest): Promise<PromptAnswer | undefined>
  rememberable(request: PromptRequest): boolean
  remember(request: PromptRequest, answers: readonly string[]): void
}

/** Taps see every byte exactly as received, before batching: the session log hangs here. */
export type RawTap = (chunk: Uint8Array) => void
/** Text taps see decoded output as it arrives (prompt detection, fingerprint watching). */
export type TextTap = (text: string) => void

let promptCounter = 0

/**
 * One open connection: a transport plus what every kind needs alike — decoding, batching with
 * back-pressure, state for the window, and questions to the user.
 */
export class Session {
  private info: SessionInfo
  private readonly batcher: OutputBatcher
  private readonly decoder = new TextDecoder('utf-8')
  /** Display goes through line handling (hex view, LF→CRLF); taps and logs see the device's bytes. */
  private readonly displayDecoder = new TextDecoder('utf-8')
  private readonly rawTaps = new Set<RawTap>()
  private readonly textTaps = new Set<TextTap>()
  private readonly pendingPrompts = new Map<string, { request: PromptRequest; resolve(a: PromptAnswer): void; reject(e: Error): void }>()
  private memory: PromptMemory | undefined
  private readonly disposers: Array<() => void> = []
  private readonly endListeners = new Set<(info: SessionInfo) => void>()
  private endReason: string | undefined
  private sizeWhileOpening: { cols: number; rows: number } | undefined

  constructor(
    readonly id: string,
    kind: SessionKind,
    readonly transport: Transport,
    private readonly events: SessionEvents,
    flow: FlowControlOptions = DEFAULT_FLOW,
    private readonly lineHandling?: MiddlewareChain,
  ) {
    this.info = { id, kind, title: fitText(transport.title, LIMITS.session.title), state: 'opening', paused: false }
    this.batcher = new OutputBatcher(
      {
        send: (text) => this.events.data(this.id, text),
        pause: () => {
          this.transport.pause()
          this.update({ paused: true })
        },
        resume: () => {
          this.transport.resume()
          this.update({ paused: false })
        },
      },
      flow,
    )
  }

  get state(): SessionInfo {
    return this.info
  }

  get flow(): OutputBatcher {
    return this.batcher
  }

  async open(cols: number, rows: number): Promise<void> {
    this.disposers.push(
      this.transport.onData((chunk) => this.guarded('reading its output', () => this.receive(chunk))),
      this.transport.onExit((exit) => this.guarded('ending', () => this.ended(exit))),
    )
    try {
      this.events.state(this.info)
      await this.transport.open({ cols, rows, prompt: (request) => this.ask(request) })
      if (this.info.state === 'opening') {
        this.update({ state: 'open' })
        const size = this.sizeWhileOpening
        if (size && (size.cols !== cols || size.rows !== rows)) this.transport.resize(size.cols, size.rows)
      }
      this.sizeWhileOpening = undefined
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      this.ended({ reason, error: true })
    }
  }

  /**
   * Runs a step of this session so that a bug in it (a tap, line handling, a parser) ends this
   * session with a clear error instead of escaping into a transport's callback and ending the
   * process with every other session.
   */
  private guarded(what: string, step: () => void): void {
    try {
      step()
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      try {
        this.transport.close()
      } catch {
        // Already failing; the session is ended below either way.
      }
      this.ended({ reason: `Lab Console failed while ${what} (${message}); this session was ended, others go on.`, error: true })
    }
  }

  /** Keystrokes and pastes from the terminal: line handling applies (Enter → CR/LF/CRLF, local echo). */
  write(data: string): void {
    if (this.info.state !== 'open') return
    if (!this.lineHandling) {
      this.transport.write(data)
      return
    }
    const { toDevice, toTerminal } = this.lineHandling.fromTerminal(data)
    if (toTerminal) this.batcher.push(toTerminal)
    if (toDevice) this.transport.write(toDevice)
  }

  /** Text from the app itself (checklist, paced sending): exactly these characters go to the device. */
  writeRaw(data: string): void {
    if (this.info.state === 'open') this.transport.write(data)
  }

  /** Show a condition of the connection without ending it (serial: waiting for the cable). */
  setCondition(condition: {
    detail?: string | undefined
    warning?: string | undefined
    logPath?: string | undefined
    logError?: string | undefined
  }): void {
    const patch: Partial<SessionInfo> = {}
    for (const key of ['detail', 'warning', 'logPath', 'logError'] as const) {
      if (key in condition) patch[key] = condition[key]
    }
    this.update(patch)
  }

  resize(cols: number, rows: number): void {
    if (this.info.state === 'open') this.transport.resize(cols, rows)
    // The window fits its terminal while the session is still opening (a login, a host key):
    // keep the size and apply it once open, or the device keeps the size asked at open.
    else if (this.info.state === 'opening') this.sizeWhileOpening = { cols, rows }
  }

  respond(promptId: string, answer: PromptAnswer & { remember?: boolean }): boolean {
    const pending = this.pendingPrompts.get(promptId)
    if (!pending) return false
    this.pendingPrompts.delete(promptId)
    if (answer.remember && answer.answers) this.memory?.remember(pending.request, answer.answers)
    pending.resolve({
      ...(answer.answers ? { answers: answer.answers } : {}),
      ...(answer.accept === undefined ? {} : { accept: answer.accept }),
    })
    return true
  }

  /** Answers questions from memory where it can (see PromptMemory). */
  useMemory(memory: PromptMemory): void {
    this.memory = memory
  }

  /** Called once when the session ends (closed, failed, or the device went away). */
  onEnded(listener: (info: SessionInfo) => void): () => void {
    this.endListeners.add(listener)
    return () => this.endListeners.delete(listener)
  }

  tapRaw(tap: RawTap): () => void {
    this.rawTaps.add(tap)
    return () => this.rawTaps.delete(tap)
  }

  tapText(tap: TextTap): () => void {
    this.textTaps.add(tap)
    return () => this.textTaps.delete(tap)
  }

  close(): void {
    if (this.info.state === 'closed' || this.info.state === 'error') return
    this.transport.close()
    // Some transports exit asynchronously; the window should not wait to see the tab close.
    this.ended({ reason: 'Closed by you' })
  }

  private receive(chunk: Uint8Array): void {
    for (const tap of this.rawTaps) tap(chunk)
    const text = this.decoder.decode(chunk, { stream: true })
    if (text) for (const tap of this.textTaps) tap(text)
    if (!this.lineHandling) {
      this.batcher.push(text)
      return
    }
    this.batcher.push(this.displayDecoder.decode(this.lineHandling.fromDevice(chunk), { stream: true }))
  }

  /** Why the session ended, before it was shortened to fit the state (see fitInfo). */
  get fullEndReason(): string | undefined {
    return this.endReason
  }

  private ended(exit: ExitInfo): void {
    if (this.info.state === 'closed' || this.info.state === 'error') return
    this.endReason = exit.reason
    if (exit.reason.length > LIMITS.session.reason) console.error(`[lab-console] session ${this.id} ended: ${exit.reason}`)
    this.batcher.dispose()
    for (const [, pending] of this.pendingPrompts) pending.reject(new Error('Session closed'))
    this.pendingPrompts.clear()
    for (const dispose of this.disposers.splice(0)) dispose()
    this.update({
      state: exit.error ? 'error' : 'closed',
      reason: exit.reason,
      ...(exit.exitCode === undefined ? {} : { exitCode: exit.exitCode }),
      paused: false,
    })
    for (const listener of this.endListeners) {
      try {
        listener(this.info)
      } catch (err) {
        console.error(`[lab-console] cleanup of session ${this.id} failed: ${String(err)}`)
      }
    }
    this.endListeners.clear()
  }

  private async ask(request: PromptRequest): Promise<PromptAnswer> {
    const recalled = await this.memory?.recall(request)
    if (recalled) return recalled
    const promptId = `p${++promptCounter}`
    const rememberable = this.memory?.rememberable(request) ?? false
    return new Promise<PromptAnswer>((resolve, reject) => {
      this.pendingPrompts.set(promptId, { request, resolve, reject })
      this.events.prompt(fitPrompt({ ...request, id: this.id, promptId, ...(rememberable ? { rememberable } : {}) }))
    })
  }

  private update(patch: Partial<SessionInfo>): void {
    const next: SessionInfo = { ...this.info, ...fitInfo(patch) }
    for (const key of Object.keys(next) as Array<keyof SessionInfo>) if (next[key] === undefined) delete next[key]
    this.info = next
    this.events.state(this.info)
  }
}

/**
 * A device or server chooses how long a reason is (an SSH server's algorithm lists, a serial
 * path): trimmed here, where the state is made, so the event always fits its contract. The
 * whole text still reaches the session log where there is one.
 */
function fitInfo(patch: Partial<SessionInfo>): Partial<SessionInfo> {
  const fitted = { ...patch }
  const caps = LIMITS.session
  if (fitted.title !== undefined) fitted.title = fitText(fitted.title, caps.title)
  if (fitted.reason !== undefined) fitted.reason = fitMiddle(fitted.reason, caps.reason)
  if (fitted.detail !== undefined) fitted.detail = fitText(fitted.detail, caps.detail)
  if (fitted.warning !== undefined) fitted.warning = fitText(fitted.warning, caps.warning)
  if (fitted.logPath !== undefined) fitted.logPath = fitMiddle(fitted.logPath, caps.logPath)
  if (fitted.logError !== undefined) fitted.logError = fitText(fitted.logError, caps.logError)
  return fitted
}

function fitPrompt(prompt: SessionPrompt): SessionPrompt {
  const caps = LIMITS.prompt
  return {
    ...prompt,
    title: fitText(prompt.title, caps.title),
    message: fitMiddle(prompt.message, caps.message),
    fields: prompt.fields.slice(0, caps.fields).map((f) => ({ ...f, label: fitText(f.label, caps.fieldLabel) })),
    ...(prompt.fingerprint === undefined ? {} : { fingerprint: fitText(prompt.fingerprint, caps.fingerprint) }),
  }
}
