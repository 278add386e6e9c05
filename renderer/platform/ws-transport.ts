import { ContractError, unwrapEnvelope, type Envelope, type LabTransport, type Method, type In, type Out } from '../../shared/contract'
import { createListeners } from './listeners'
import { openSocketLink, type LinkCommand, type LinkEvent, type LinkOptions, type SocketLink, type WorkerReport } from './socket-link'

type Pending = { resolve(value: unknown): void; reject(error: Error): void }

export interface WsTransportOptions extends LinkOptions {
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
  const listeners = createListeners()
  let nextId = 1

  const link = openLink({ url: options.url, token: options.token }, (event) => {
    if (event.t === 'data') {
      listeners.emit('session.data', { id: event.id, data: event.data })
    } else if (event.t === 'frame') {
      const frame = event.frame
      if (frame.t === 'result') {
        const call = pending.get(frame.id)
        pending.delete(frame.id)
        if (!call) return
        try {
          call.resolve(unwrapEnvelope(frame.result as Envelope<unknown>))
        } catch (err) {
          call.reject(err as Error)
        }
      } else if (frame.t === 'event') {
        listeners.emit(frame.event, frame.payload)
      }
    } else if (event.t === 'connected') {
      options.onConnectionChange?.(true, false)
    } else {
      const refused = event.refusal !== undefined
      options.onConnectionChange?.(false, refused)
      const message = event.refusal ?? 'Lost the connection to the Lab Console host'
      for (const [, call] of pending) call.reject(new ContractError({ code: 'failed', message }))
      pending.clear()
    }
  })

  return {
    invoke<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
      const id = nextId++
      const frame = JSON.stringify({ t: 'invoke', id, method, input: input ?? null })
      return new Promise<Out<M>>((resolve, reject) => {
        pending.set(id, { resolve: (v) => resolve(v as Out<M>), reject })
        link.send(frame)
      })
    },
    subscribe: listeners.subscribe,
    close: () => link.close(),
  }
}

/**
 * The socket in its worker (socket-worker.ts), or on this thread where a worker cannot start
 * (a host that does not serve the worker's chunk): the same link either way.
 */
function openLink(options: LinkOptions, onEvent: (event: LinkEvent) => void): SocketLink {
  let worker: Worker
  try {
    worker = new Worker(new URL('./socket-worker.ts', import.meta.url), { type: 'module', name: 'host-socket' })
  } catch {
    return openSocketLink(options, onEvent)
  }
  let fallback: SocketLink | undefined
  let heard = false
  const commands: LinkCommand[] = []
  worker.addEventListener('message', (event: MessageEvent<WorkerReport>) => {
    if (!heard) commands.length = 0
    heard = true
    if (event.data.t !== 'started') onEvent(event.data)
  })
  // A worker that fails before it ever reports (its script missing or refused) leaves the page
  // without a host: the socket then runs here, with what was asked of it meanwhile.
  worker.addEventListener('error', () => {
    if (heard || fallback) return
    worker.terminate()
    fallback = openSocketLink(options, onEvent)
    for (const command of commands.splice(0)) run(fallback, command)
  })
  worker.postMessage(options)
  const post = (command: LinkCommand): void => {
    if (fallback) return run(fallback, command)
    if (!heard) commands.push(command)
    worker.postMessage(command)
  }
  return { send: (frame) => post({ t: 'send', frame }), close: () => post({ t: 'close' }) }
}

function run(link: SocketLink, command: LinkCommand): void {
  if (command.t === 'send') link.send(command.frame)
  else link.close()
}
