import type { LabTransport } from '../../../shared/contract'

/** The part of an xterm Terminal the data path needs. */
export interface TerminalSink {
  write(data: string, callback?: () => void): void
}

/** Largest piece of input sent in one call (the contract caps session.write at 64 KiB). */
const WRITE_CHUNK = 32 * 1024

/**
 * During a flood, output that arrives while xterm is still parsing the previous write is gathered
 * and handed over when xterm has parsed what it had, at this many characters, or after
 * COALESCE_MS, whichever comes first: xterm then
 * parses and paints once per piece instead of once per host batch (it drew ~3.5 × more frames per
 * MB than xterm fed directly). Output to an idle terminal (an echo) is written at once.
 */
export const COALESCE_CHARS = 512 * 1024
export const COALESCE_MS = 24
/**
 * xterm parses each write() call whole before it yields: a 1 MiB piece would hold the main thread
 * (and every other tab's keystroke echo) for a long task. Pieces are handed over in writes of
 * this size, which xterm's own time-sliced write loop then parses a few at a time.
 */
export const XTERM_WRITE_CHARS = 64 * 1024
/**
 * Parsed output is acknowledged in one message once this many characters have gathered, or
 * after ACK_MS: an ack for every parse slice was ~300 messages per 20 MB flood, and posting them
 * cost the window more than anything else of ours (bench profile). The host resumes a paused
 * session well before its window runs dry (flow-control.ts), so a later ack costs no speed.
 */
export const ACK_CHARS = 256 * 1024
export const ACK_MS = 8

interface Flow {
  /** Characters handed to xterm whose write callback has not run yet. */
  inFlight: number
  pending: string[]
  pendingChars: number
  timer: ReturnType<typeof setTimeout> | undefined
}

/**
 * Terminal bytes travel here, beside the store, never through it: session.data events go
 * straight to the session's xterm, and each batch is acknowledged once xterm has parsed it,
 * which is what lets the main process pause a transport when the window falls behind.
 */
export class TerminalIo {
  private readonly sinks = new Map<string, TerminalSink>()
  private readonly waiting = new Map<string, string[]>()
  /** Parsed but not yet acknowledged, by session (see ACK_CHARS). */
  private readonly parsed = new Map<string, number>()
  private readonly flows = new Map<string, Flow>()
  private parsedChars = 0
  private ackTimer: ReturnType<typeof setTimeout> | undefined
  private readonly stop: () => void

  constructor(private readonly transport: LabTransport) {
    this.stop = transport.subscribe('session.data', ({ id, data }) => this.deliver(id, data))
  }

  attach(sessionId: string, sink: TerminalSink): () => void {
    this.sinks.set(sessionId, sink)
    // Output that arrived before the terminal was mounted; bounded, because the session pauses
    // once this much is left unacknowledged.
    for (const data of this.waiting.get(sessionId) ?? []) this.deliver(sessionId, data)
    this.waiting.delete(sessionId)
    return () => {
      if (this.sinks.get(sessionId) !== sink) return
      this.sinks.delete(sessionId)
      const flow = this.flows.get(sessionId)
      if (flow?.timer) clearTimeout(flow.timer)
      this.flows.delete(sessionId)
    }
  }

  send(sessionId: string, data: string): void {
    for (let i = 0; i < data.length; i += WRITE_CHUNK) {
      void this.transport.invoke('session.write', { id: sessionId, data: data.slice(i, i + WRITE_CHUNK) }).catch(() => undefined)
    }
  }

  resize(sessionId: string, cols: number, rows: number): void {
    void this.transport.invoke('session.resize', { id: sessionId, cols, rows }).catch(() => undefined)
  }

  dispose(): void {
    this.stop()
    for (const flow of this.flows.values()) if (flow.timer) clearTimeout(flow.timer)
    this.flows.clear()
    if (this.ackTimer) clearTimeout(this.ackTimer)
  }

  private deliver(id: string, data: string): void {
    const sink = this.sinks.get(id)
    if (!sink) {
      const list = this.waiting.get(id) ?? []
      list.push(data)
      this.waiting.set(id, list)
      return
    }
    let flow = this.flows.get(id)
    if (!flow) {
      flow = { inFlight: 0, pending: [], pendingChars: 0, timer: undefined }
      this.flows.set(id, flow)
    }
    if (flow.inFlight === 0 && flow.pendingChars === 0) {
      this.write(id, sink, flow, data)
      return
    }
    flow.pending.push(data)
    flow.pendingChars += data.length
    if (flow.pendingChars >= COALESCE_CHARS) this.flush(id, flow)
    else flow.timer ??= setTimeout(() => this.flush(id, flow), COALESCE_MS)
  }

  private flush(id: string, flow: Flow): void {
    if (flow.timer) clearTimeout(flow.timer)
    flow.timer = undefined
    const sink = this.sinks.get(id)
    if (!sink || flow.pendingChars === 0 || this.flows.get(id) !== flow) return
    const data = flow.pending.length === 1 ? (flow.pending[0] ?? '') : flow.pending.join('')
    flow.pending = []
    flow.pendingChars = 0
    this.write(id, sink, flow, data)
  }

  private write(id: string, sink: TerminalSink, flow: Flow, data: string): void {
    flow.inFlight += data.length
    for (let i = 0; i < data.length; i += XTERM_WRITE_CHARS) {
      const part = data.length <= XTERM_WRITE_CHARS ? data : data.slice(i, i + XTERM_WRITE_CHARS)
      sink.write(part, () => {
        flow.inFlight -= part.length
        this.acknowledge(id, part.length)
        // xterm has parsed everything it was given: what arrived meanwhile goes now, as one piece,
        // rather than leaving xterm idle until the timer.
        if (flow.inFlight === 0 && flow.pendingChars > 0) this.flush(id, flow)
      })
    }
  }

  private acknowledge(id: string, chars: number): void {
    this.parsed.set(id, (this.parsed.get(id) ?? 0) + chars)
    this.parsedChars += chars
    if (this.parsedChars >= ACK_CHARS) this.sendAcks()
    else this.ackTimer ??= setTimeout(() => this.sendAcks(), ACK_MS)
  }

  private sendAcks(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer)
    this.ackTimer = undefined
    for (const [sessionId, count] of this.parsed) {
      void this.transport.invoke('session.ack', { id: sessionId, chars: count }).catch(() => undefined)
    }
    this.parsed.clear()
    this.parsedChars = 0
  }
}
