import http from 'node:http'
import crypto from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { MAX_MESSAGE_BYTES } from '../../shared/contract'
import type { Services } from '../services/compose'
import { attachWebSocketAdapter } from '../ipc/ws-adapter'
import { AuthMessage, CLOSE_AUTH_MISSING, CLOSE_AUTH_WRONG } from '../ipc/ws-protocol'
import { SECURITY_HEADERS, readStaticFile } from '../static-files'

export interface BrowserHostOptions {
  readonly services: Services
  /** The built renderer (out/renderer). */
  readonly rendererDir: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Tests may fix the token; normally a fresh random one per launch. */
  readonly token?: string
  /** How long a socket may wait before presenting the token (tests shorten it). */
  readonly authTimeoutMs?: number
}

export interface BrowserHost {
  readonly port: number
  readonly token: string
  readonly url: string
  /** The socket address the server is actually bound to. */
  address(): AddressInfo
  close(): Promise<void>
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && crypto.timingSafeEqual(left, right)
}

/** How long a new socket may take to present the token before it is closed. */
const DEFAULT_AUTH_TIMEOUT_MS = 10_000

/**
 * The browser host: the same services as the desktop app, served to a browser on this machine
 * only. It binds 127.0.0.1 and checks Host (DNS rebinding) on every request and Origin on the
 * WebSocket. The per-launch token is printed in the URL's fragment, which browsers never send;
 * the page keeps it in sessionStorage (this tab, this origin and port only) and presents it as
 * the first message on the WebSocket. No cookie is ever set: browsers send 127.0.0.1 cookies to
 * every port, so any local listener would receive it. The static files are the public build and
 * hold no secret; everything that matters goes through the authenticated socket.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url')
  const authTimeoutMs = options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS
  let port = options.port ?? 0
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`]
  const hostAllowed = (req: http.IncomingMessage): boolean => allowedHosts().includes(req.headers.host ?? '')

  const server = http.createServer((req, res) => {
    void serve(req, res)
  })

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
      res.end('Forbidden: Unexpected Host header\n')
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS })
      res.end()
      return
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const file = await readStaticFile(options.rendererDir, pathname)
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
      res.end('Not found\n')
      return
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-store', ...SECURITY_HEADERS })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  server.on('upgrade', (req, socket, head) => {
    const origin = req.headers.origin
    const originOk = origin !== undefined && allowedHosts().some((h) => origin === `http://${h}`)
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (!hostAllowed(req) || !originOk || path !== '/ws') {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => authenticate(ws, req))
  })

  /** The socket serves nothing (no calls, no events) until its first message is the token. */
  function authenticate(ws: WebSocket, req: http.IncomingMessage): void {
    const refuse = (code: number, message: string): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'error', message }))
      ws.close(code, message.slice(0, 100))
    }
    // A broken or oversized frame is reported as an 'error' event; unhandled, it would end the process.
    ws.on('error', () => ws.terminate())
    const timer = setTimeout(() => refuse(CLOSE_AUTH_MISSING, 'A token is required: open the URL printed by the host'), authTimeoutMs)
    ws.once('close', () => clearTimeout(timer))
    ws.once('message', (raw, isBinary) => {
      clearTimeout(timer)
      let message: unknown = null
      try {
        message = isBinary ? null : JSON.parse(raw.toString())
      } catch {
        message = null
      }
      const auth = AuthMessage.safeParse(message)
      if (!auth.success) return refuse(CLOSE_AUTH_MISSING, 'A token is required first: send {t:"auth", token}')
      if (auth.data.token === '') return refuse(CLOSE_AUTH_MISSING, 'A token is required: open the URL printed by the host')
      if (!sameSecret(auth.data.token, token)) return refuse(CLOSE_AUTH_WRONG, 'Wrong token: open the URL printed by the host')
      // Synchronous hand-over: calls the client sent right behind the token reach the adapter.
      wss.emit('connection', ws, req)
      ws.send(JSON.stringify({ t: 'ready' }))
    })
  }

  const detach = attachWebSocketAdapter(wss, options.services.dispatch, options.services.hub, {
    onClientsChanged: () => options.services.sessions.resetFlowControl(),
    onClientGone: (client) => options.services.sessions.closeOwnedBy(client),
    audienceOf: options.services.audienceOf,
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  return {
    port,
    token,
    // The fragment is never sent by the browser: not to this host, not in Referer, not to proxies.
    url: `http://127.0.0.1:${port}/#token=${token}`,
    address: () => server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        detach()
        // Sockets still waiting to present the token are not the adapter's: end them too.
        for (const ws of wss.clients) ws.terminate()
        wss.close()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
