import type { WebSocket, WebSocketServer } from 'ws'
import type { Dispatch, EventHub } from '../../shared/contract/dispatcher'
import { encodeSessionData } from '../../shared/contract/terminal-frame'
import { ClientMessage } from './ws-protocol'

let clientCounter = 0

function isSessionData(payload: unknown): payload is { id: string; data: string } {
  if (typeof payload !== 'object' || payload === null) return false
  const { id, data } = payload as { id?: unknown; data?: unknown }
  return typeof id === 'string' && typeof data === 'string'
}

export interface WsAdapterHooks {
  /** A window connected or went away (flow control forgets what it never acknowledged). */
  readonly onClientsChanged?: (count: number) => void
  /** A client left: its sessions end. */
  readonly onClientGone?: (client: string) => void
  /** Which client an event belongs to; undefined sends it to all. */
  readonly audienceOf?: (event: string, payload: unknown) => string | undefined
}

/**
 * Serves the contract over WebSocket for the browser host. Authentication (token, Origin) has
 * already happened at the HTTP upgrade; here every message is parsed and dispatched through the
 * same validating dispatcher the Electron adapter uses.
 */
export function attachWebSocketAdapter(wss: WebSocketServer, dispatch: Dispatch, hub: EventHub, hooks: WsAdapterHooks = {}): () => void {
  const clients = new Map<WebSocket, string>()

  const stopEvents = hub.listen((event, payload) => {
    if (clients.size === 0) return
    const audience = hooks.audienceOf?.(event, payload)
    // Terminal output goes as a binary frame (shared/contract/terminal-frame.ts), the rest as JSON.
    const frame =
      event === 'session.data' && isSessionData(payload)
        ? encodeSessionData(payload.id, payload.data)
        : JSON.stringify({ t: 'event', event, payload })
    for (const [ws, client] of clients) {
      if (ws.readyState === ws.OPEN && (audience === undefined || audience === client)) ws.send(frame)
    }
  })

  wss.on('connection', (ws: WebSocket) => {
    const client = `ws-${++clientCounter}`
    clients.set(ws, client)
    hooks.onClientsChanged?.(clients.size)
    ws.on('message', (raw, isBinary) => {
      void handle(ws, client, isBinary ? null : raw.toString())
    })
    ws.on('close', () => {
      clients.delete(ws)
      hooks.onClientGone?.(client)
      hooks.onClientsChanged?.(clients.size)
    })
    ws.on('error', () => ws.terminate())
  })

  async function handle(ws: WebSocket, client: string, text: string | null): Promise<void> {
    let message: unknown
    try {
      message = text === null ? null : JSON.parse(text)
    } catch {
      message = null
    }
    const parsed = ClientMessage.safeParse(message)
    if (!parsed.success) {
      ws.send(JSON.stringify({ t: 'error', message: 'Malformed message: expected {t:"invoke", id, method, input} as JSON text' }))
      return
    }
    const { id, method, input } = parsed.data
    const result = await dispatch(method, input, { client })
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'result', id, result }))
  }

  return () => {
    stopEvents()
    for (const ws of clients.keys()) ws.close()
  }
}
