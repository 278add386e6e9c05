import {
  ContractError,
  unwrapEnvelope,
  type Envelope,
  type LabTransport,
  type Method,
  type In,
  type Out,
  type EventName,
  type Payload,
} from '../../shared/contract'

type Pending = { resolve(value: unknown): void; reject(error: Error): void }
type ServerFrame =
  | { t: 'result'; id: number; result: Envelope<unknown> }
  | { t: 'event'; event: string; payload: unknown }
  | { t: 'error'; message: string }
  | { t: 'ready' }

/** The host closes with these when the token is missing or wrong (electron/ipc/ws-protocol.ts). */
const AUTH_REFUSED = new Set([4401, 4403])

export interface WsTransportOptions {
  /** ws://127.0.0.1:PORT/ws */
  readonly url: string
  /** The browser host's token, sent as the first message of every connection. */
  readonly token: string
  /** Told when the link to the host drops or comes back. */
  /** `refused`: the host turned this page away for good (token), so no retry follows. */
  readonly onConnectionChange?: (connected: boolean, refused: boolean) => void
}

/**
 * The contract over the browser host's WebSocket. Calls made while the socket is (re)connecting
 * wait for it; calls in flight when it drops fail with a clear error rather than hanging.
 */
export function createWsTransport(options: WsTransportOptions): LabTransport & { close(): void } {
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let queue: string[] = []
  let nextId = 1
  let socket: WebSocket | undefined
  let closed = false
  let retryMs = 250
  /** The current socket has had its token accepted. */
  let ready = false
  let refusal: string | undefined

  function connect(): void {
    const ws = new WebSocket(options.url)
    socket = ws
    ready = false
    ws.onopen = () => ws.send(JSON.stringify({ t: 'auth', token: options.token }))
    ws.onmessage = (message) => {
      if (typeof message.data !== 'string') return
      const frame = JSON.parse(message.data) as ServerFrame
      if (frame.t === 'ready') {
        ready = true
        retryMs = 250
        options.onConnectionChange?.(true, false)
        for (const queued of queue) ws.send(queued)
        queue = []
      } else if (frame.t === 'result') {
        const call = pending.get(frame.id)
        pending.delete(frame.id)
        if (!call) return
        try {
          call.resolve(unwrapEnvelope(frame.result))
        } catch (err) {
          call.reject(err as Error)
        }
      } else if (frame.t === 'event') {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload)
      } else if (frame.t === 'error' && !ready) {
        refusal = frame.message
      }
    }
    ws.onclose = (event) => {
      // A refused token will not get better by retrying: the printed URL must be opened again.
      if (AUTH_REFUSED.has(event.code)) closed = true
      options.onConnectionChange?.(false, closed)
      const message = closed && refusal ? refusal : 'Lost the connection to the Lab Console host'
      for (const [, call] of pending) call.reject(new ContractError({ code: 'failed', message }))
      pending.clear()
      queue = []
      if (!closed) {
        setTimeout(connect, retryMs)
        retryMs = Math.min(retryMs * 2, 5000)
      }
    }
  }
  connect()

  return {
    invoke<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
      const id = nextId++
      const frame = JSON.stringify({ t: 'invoke', id, method, input: input ?? null })
      return new Promise<Out<M>>((resolve, reject) => {
        pending.set(id, { resolve: (v) => resolve(v as Out<M>), reject })
        if (socket?.readyState === WebSocket.OPEN && ready) socket.send(frame)
        else queue.push(frame)
      })
    },
    subscribe<E extends EventName>(event: E, listener: (payload: Payload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const wrapped = (payload: unknown): void => listener(payload as Payload<E>)
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
    close(): void {
      closed = true
      socket?.close()
    },
  }
}
