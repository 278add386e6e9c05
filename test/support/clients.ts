import WebSocket from 'ws'
import {
  unwrapEnvelope,
  type Envelope,
  type EventName,
  type In,
  type LabTransport,
  type Method,
  type Out,
  type Payload,
} from '../../shared/contract'
import { decodeSessionData } from '../../shared/contract/terminal-frame'
import type { Services } from '../../electron/services/compose'

export type TestClient = LabTransport & { close(): Promise<void> }

/** Calls the dispatcher directly, as the Electron adapter does after its sender check. */
export function directClient(services: Services, client = 'direct'): TestClient {
  return {
    async invoke<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
      return unwrapEnvelope((await services.dispatch(method, input, { client })) as Envelope<Out<M>>)
    },
    subscribe<E extends EventName>(event: E, listener: (payload: Payload<E>) => void): () => void {
      return services.hub.listen((name, payload) => {
        if (name !== event) return
        const audience = services.audienceOf(name, payload)
        if (audience === undefined || audience === client) listener(payload as Payload<E>)
      })
    },
    close: async () => services.sessions.closeOwnedBy(client),
  }
}

/**
 * A WebSocket client of the browser host, as the renderer is, from Node: same Origin, and the
 * token as the first message; resolves once the host has accepted it.
 */
export async function wsClient(port: number, token: string): Promise<TestClient & { raw: WebSocket }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { origin: `http://127.0.0.1:${port}` })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => ws.send(JSON.stringify({ t: 'auth', token })))
    ws.once('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as { t: string; message?: string }
      if (frame.t === 'ready') resolve()
      else reject(new Error(`The host refused the token: ${frame.message ?? raw.toString()}`))
    })
    ws.once('error', reject)
  })
  let nextId = 1
  const pending = new Map<number, (e: Envelope<unknown>) => void>()
  const listeners = new Set<(event: string, payload: unknown) => void>()
  ws.on('message', (raw, isBinary) => {
    if (isBinary) {
      // Terminal output is a binary frame (shared/contract/terminal-frame.ts).
      const bytes = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw)
      const data = decodeSessionData(bytes)
      if (data) for (const l of listeners) l('session.data', data)
      return
    }
    const frame = JSON.parse(raw.toString()) as { t: string; id?: number; result?: Envelope<unknown>; event?: string; payload?: unknown }
    if (frame.t === 'result' && frame.id !== undefined && frame.result) pending.get(frame.id)?.(frame.result)
    if (frame.t === 'event' && frame.event) for (const l of listeners) l(frame.event, frame.payload)
  })
  return {
    raw: ws,
    invoke<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
      const id = nextId++
      return new Promise<Out<M>>((resolve, reject) => {
        pending.set(id, (envelope) => {
          pending.delete(id)
          try {
            resolve(unwrapEnvelope(envelope as Envelope<Out<M>>))
          } catch (err) {
            reject(err)
          }
        })
        ws.send(JSON.stringify({ t: 'invoke', id, method, input }))
      })
    },
    subscribe<E extends EventName>(event: E, listener: (payload: Payload<E>) => void): () => void {
      const l = (name: string, payload: unknown): void => {
        if (name === event) listener(payload as Payload<E>)
      }
      listeners.add(l)
      return () => listeners.delete(l)
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve()
        ws.once('close', () => resolve())
        ws.close()
      }),
  }
}

/** Collects a session's output until a predicate holds, acknowledging as a window would. */
export function collectOutput(
  client: LabTransport,
  sessionId: string,
): { text(): string; waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<string>; stop(): void } {
  let text = ''
  const waiters = new Set<() => void>()
  const stop = client.subscribe('session.data', ({ id, data }) => {
    if (id !== sessionId) return
    text += data
    void client.invoke('session.ack', { id, chars: data.length }).catch(() => undefined)
    for (const w of waiters) w()
  })
  return {
    text: () => text,
    stop,
    waitFor(pattern, timeoutMs = 10_000) {
      const matches = (): boolean => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text))
      if (matches()) return Promise.resolve(text)
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${String(pattern)}; output so far:\n${text.slice(-2000)}`))
        }, timeoutMs)
        const check = (): void => {
          if (!matches()) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(text)
        }
        waiters.add(check)
      })
    },
  }
}

/** Resolves with the first session.state event matching the predicate. */
export function waitForState(
  client: LabTransport,
  sessionId: string,
  predicate: (state: Payload<'session.state'>) => boolean,
  timeoutMs = 10_000,
): Promise<Payload<'session.state'>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`Timed out waiting for a state of ${sessionId}`))
    }, timeoutMs)
    const stop = client.subscribe('session.state', (info) => {
      if (info.id !== sessionId || !predicate(info)) return
      clearTimeout(timer)
      stop()
      resolve(info)
    })
    void client
      .invoke('session.list', null)
      .then((list) => {
        const found = list.find((s) => s.id === sessionId)
        if (found && predicate(found)) {
          clearTimeout(timer)
          stop()
          resolve(found)
        }
      })
      .catch(() => undefined)
  })
}
