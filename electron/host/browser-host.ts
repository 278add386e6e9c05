import http from 'node:http'
import crypto from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { MAX_MESSAGE_BYTES } from '../../shared/contract'
import type { Services } from '../services/compose'
import { attachWebSocketAdapter } from '../ipc/ws-adapter'
import { SECURITY_HEADERS, readStaticFile } from '../static-files'

export interface BrowserHostOptions {
  readonly services: Services
  /** The built renderer (out/renderer). */
  readonly rendererDir: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Tests may fix the token; normally a fresh random one per launch. */
  readonly token?: string
}

export interface BrowserHost {
  readonly port: number
  readonly token: string
  readonly url: string
  close(): Promise<void>
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && crypto.timingSafeEqual(left, right)
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

type Verdict = { ok: true; fromQuery: boolean } | { ok: false; status: 401 | 403; reason: string }

/**
 * The browser host: the same services as the desktop app, served to a browser on this machine
 * only. It binds 127.0.0.1, requires the per-launch token (in the URL once, then an HttpOnly
 * cookie), checks Host against DNS rebinding and Origin on the WebSocket.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url')
  let port = options.port ?? 0
  let cookieName = 'lab_token'
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`]

  function authorize(req: http.IncomingMessage): Verdict {
    if (!allowedHosts().includes(req.headers.host ?? '')) return { ok: false, status: 403, reason: 'Unexpected Host header' }
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('token')
    const cookie = cookieValue(req.headers.cookie, cookieName)
    const presented = query ?? cookie
    if (!presented) return { ok: false, status: 401, reason: 'A token is required: open the URL printed by the host' }
    if (!sameSecret(presented, token)) return { ok: false, status: 403, reason: 'Wrong token' }
    return { ok: true, fromQuery: query !== null }
  }

  const server = http.createServer((req, res) => {
    void serve(req, res)
  })

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const verdict = authorize(req)
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
      res.end(`${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}: ${verdict.reason}\n`)
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
    const headers: Record<string, string> = { 'Content-Type': file.contentType, 'Cache-Control': 'no-store', ...SECURITY_HEADERS }
    if (verdict.fromQuery) headers['Set-Cookie'] = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  server.on('upgrade', (req, socket, head) => {
    const verdict = authorize(req)
    const origin = req.headers.origin
    const originOk = origin !== undefined && allowedHosts().some((h) => origin === `http://${h}`)
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (!verdict.ok || !originOk || path !== '/ws') {
      const status = !verdict.ok ? verdict.status : 403
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

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
  // Cookies are shared across ports of one host; naming it per port keeps two hosts apart.
  cookieName = `lab_token_${port}`

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        detach()
        wss.close()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
