import type { SessionInfo, SessionKind, SessionPrompt } from '../../../shared/contract'
import { OutputBatcher, type FlowControlOptions, DEFAULT_FLOW } from './flow-control'
import type { ExitInfo, PromptAnswer, PromptRequest, Transport } from './transport'

export interface SessionEvents {
  data(id: string, text: string): void
  state(info: SessionInfo): void
  prompt(prompt: SessionPrompt): void
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
  private readonly rawTaps = new Set<RawTap>()
  private readonly textTaps = new Set<TextTap>()
  private readonly pendingPrompts = new Map<string, { resolve(a: PromptAnswer): void; reject(e: Error): void }>()
  private readonly disposers: Array<() => void> = []

  constructor(
    readonly id: string,
    kind: SessionKind,
    readonly transport: Transport,
    private readonly events: SessionEvents,
    flow: FlowControlOptions = DEFAULT_FLOW,
  ) {
    this.info = { id, kind, title: transport.title, state: 'opening', paused: false }
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
      this.transport.onData((chunk) => this.receive(chunk)),
      this.transport.onExit((exit) => this.ended(exit)),
    )
    this.events.state(this.info)
    try {
      await this.transport.open({ cols, rows, prompt: (request) => this.ask(request) })
      if (this.info.state === 'opening') this.update({ state: 'open' })
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      this.ended({ reason, error: true })
    }
  }

  write(data: string): void {
    if (this.info.state !== 'open') return
    this.transport.write(data)
  }

  resize(cols: number, rows: number): void {
    if (this.info.state === 'open') this.transport.resize(cols, rows)
  }

  respond(promptId: string, answer: PromptAnswer): boolean {
    const pending = this.pendingPrompts.get(promptId)
    if (!pending) return false
    this.pendingPrompts.delete(promptId)
    pending.resolve(answer)
    return true
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
    if (!text) return
    for (const tap of this.textTaps) tap(text)
    this.batcher.push(text)
  }

  private ended(exit: ExitInfo): void {
    if (this.info.state === 'closed' || this.info.state === 'error') return
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
  }

  private ask(request: PromptRequest): Promise<PromptAnswer> {
    const promptId = `p${++promptCounter}`
    return new Promise<PromptAnswer>((resolve, reject) => {
      this.pendingPrompts.set(promptId, { resolve, reject })
      this.events.prompt({ ...request, id: this.id, promptId })
    })
  }

  private update(patch: Partial<SessionInfo>): void {
    this.info = { ...this.info, ...patch }
    this.events.state(this.info)
  }
}
