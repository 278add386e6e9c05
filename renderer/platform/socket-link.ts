import { decodeSessionData } from '../../shared/contract/terminal-frame'

/** The host closes with these when the token is missing or wrong (electron/ipc/ws-protocol.ts). */
const AUTH_REFUSED = new Set([4401, 4403])
const FIRST_RETRY_MS = 250
const LONGEST_RETRY_MS = 5000

export interface LinkOptions {
  /** ws://127.0.0.1:PORT/ws */
  readonly url: string
  /** The browser host's token, sent as the first message of every connection. */
  readonly token: string
}

/** What the link reports to the transport: frames as they arrive, and the state of the link. */
export type LinkEvent =
  | { readonly t: 'data'; readonly id: string; readonly data: string }
  /** A JSON frame of the host other than the link's own (results, events), parsed. */
  | { readonly t: 'frame'; readonly frame: HostFrame }
  | { readonly t: 'connected' }
  /** `refusal`: the host turned this page away for good (token), so no retry follows. */
  | { readonly t: 'disconnected'; readonly refusal?: string }

/** What the socket's worker reports: the link's events, and that it has started. */
export type WorkerReport = LinkEvent | { readonly t: 'started' }

/** What the transport asks of the link. */
export type LinkCommand = { readonly t: 'send'; readonly frame: string } | { readonly t: 'close' }

/** The JSON frames the host sends (electron/ipc/ws-adapter.ts). */
export type HostFrame =
  | { t: 'result'; id: number; result: unknown }
  | { t: 'event'; event: string; payload: unknown }
  | { t: 'error'; message: string }
  | { t: 'ready' }

export interface SocketLink {
  send(frame: string): void
  close(): void
}

/**
 * The browser host's WebSocket itself: connects, presents the token, reconnects with back-off,
 * queues frames until the token is accepted, and turns terminal frames into text. It knows
 * nothing of calls or events, so it can run in a worker (socket-worker.ts) as well as here.
 */
export function openSocketLink(options: LinkOptions, emit: (event: LinkEvent) => void): SocketLink {
  let queue: string[] = []
  let socket: WebSocket | undefined
  let closed = false
  let retryMs = FIRST_RETRY_MS
  /** The current socket has had its token accepted. */
  let ready = false
  let refusal: string | undefined

  function connect(): void {
    const ws = new WebSocket(options.url)
    socket = ws
    ready = false
    ws.binaryType = 'arraybuffer'
    ws.onopen = () => ws.send(JSON.stringify({ t: 'auth', token: options.token }))
    ws.onmessage = (message) => {
      if (message.data instanceof ArrayBuffer) {
        // Terminal output (shared/contract/terminal-frame.ts).
        const data = decodeSessionData(new Uint8Array(message.data))
        if (data) emit({ t: 'data', id: data.id, data: data.data })
        return
      }
      const frame = typeof message.data === 'string' ? parseFrame(message.data) : undefined
      if (!frame) return
      if (frame.t === 'ready') {
        ready = true
        retryMs = FIRST_RETRY_MS
        emit({ t: 'connected' })
        for (const queued of queue) ws.send(queued)
        queue = []
      } else if (frame.t === 'error' && !ready) {
        refusal = frame.message
      } else {
        emit({ t: 'frame', frame })
      }
    }
    ws.onclose = (event) => {
      // A refused token will not get better by retrying: the printed URL must be opened again.
      if (AUTH_REFUSED.has(event.code)) closed = true
      queue = []
      emit(closed && refusal ? { t: 'disconnected', refusal } : { t: 'disconnected' })
      if (!closed) {
        setTimeout(connect, retryMs)
        retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS)
      }
    }
  }
  connect()

  return {
    send(frame) {
      if (socket?.readyState === WebSocket.OPEN && ready) socket.send(frame)
      else queue.push(frame)
    },
    close() {
      closed = true
      socket?.close()
    },
  }
}

/** The host's JSON, or undefined for anything that is not (never throws). */
function parseFrame(text: string): HostFrame | undefined {
  try {
    const frame = JSON.parse(text) as HostFrame | null
    return typeof frame === 'object' && frame !== null && typeof frame.t === 'string' ? frame : undefined
  } catch {
    return undefined
  }
}
