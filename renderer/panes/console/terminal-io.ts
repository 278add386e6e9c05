import type { LabTransport } from '../../../shared/contract'

/** The part of an xterm Terminal the data path needs. */
export interface TerminalSink {
  write(data: string, callback?: () => void): void
}

/** Largest piece of input sent in one call (the contract caps session.write at 64 KiB). */
const WRITE_CHUNK = 32 * 1024

/**
 * Terminal bytes travel here, beside the store, never through it: session.data events go
 * straight to the session's xterm, and each batch is acknowledged once xterm has parsed it,
 * which is what lets the main process pause a transport when the window falls behind.
 */
export class TerminalIo {
  private readonly sinks = new Map<string, TerminalSink>()
  private readonly waiting = new Map<string, string[]>()
  /** Parsed but not yet acknowledged, by session: one ack per parse slice, not one per batch. */
  private readonly parsed = new Map<string, number>()
  private ackQueued = false
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
      if (this.sinks.get(sessionId) === sink) this.sinks.delete(sessionId)
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
  }

  private deliver(id: string, data: string): void {
    const sink = this.sinks.get(id)
    if (!sink) {
      const list = this.waiting.get(id) ?? []
      list.push(data)
      this.waiting.set(id, list)
      return
    }
    sink.write(data, () => this.acknowledge(id, data.length))
  }

  private acknowledge(id: string, chars: number): void {
    this.parsed.set(id, (this.parsed.get(id) ?? 0) + chars)
    if (this.ackQueued) return
    this.ackQueued = true
    // xterm runs several write callbacks in one parse slice; they leave as one message.
    queueMicrotask(() => {
      this.ackQueued = false
      for (const [sessionId, count] of this.parsed) {
        void this.transport.invoke('session.ack', { id: sessionId, chars: count }).catch(() => undefined)
      }
      this.parsed.clear()
    })
  }
}
