import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host'
import { CONTENT_SECURITY_POLICY, resolveStaticPath } from '../../../electron/static-files'
import { MAX_MESSAGE_BYTES } from '../../../shared/contract'
import { testServices } from '../../support/services'
import { wsClient } from '../../support/clients'

function get(
  port: number,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      })
      .on('error', reject)
  })
}

/** The kernel's own list of listening TCP sockets on `port` (/proc/net/tcp and tcp6; state 0A is LISTEN). */
function listeningSockets(port: number): { file: string; address: string }[] {
  const found: { file: string; address: string }[] = []
  for (const file of ['tcp', 'tcp6']) {
    let text = ''
    try {
      text = fs.readFileSync(`/proc/net/${file}`, 'utf8')
    } catch {
      continue
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/)
      const [address, hexPort] = (local ?? '').split(':')
      if (state === '0A' && address && hexPort && parseInt(hexPort, 16) === port) found.push({ file, address })
    }
  }
  return found
}

function nonLoopbackAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && !i.internal && i.family === 'IPv4')
    .map((i) => i?.address ?? '')
}

function connectError(address: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port })
    socket.once('connect', () => (socket.destroy(), resolve('connected')))
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message))
  })
}

/** Opens a socket with the app's Origin and resolves with how it ends: 'open', an HTTP status or a close code. */
function socket(port: number, origin: string | undefined, path = '/ws'): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, origin ? { origin } : {})
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('error', () => resolve(0))
  })
}

/** Everything the server sends on a socket, and the close code it ends with. */
function transcript(ws: WebSocket): { frames: unknown[]; closed: Promise<number> } {
  const frames: unknown[] = []
  ws.on('message', (m) => frames.push(JSON.parse(m.toString())))
  return { frames, closed: new Promise((resolve) => ws.once('close', (code) => resolve(code))) }
}

describe('browser host access control', () => {
  const services = testServices()
  let host: BrowserHost
  beforeAll(async () => {
    host = await startBrowserHost({ services, rendererDir: path.resolve('out/renderer'), authTimeoutMs: 500 })
  })
  afterAll(async () => {
    await host.close()
    services.cleanup()
  })
  const origin = (): string => `http://127.0.0.1:${host.port}`

  it('listens on 127.0.0.1 only, as the kernel sees it: bound to 0.0.0.0 or :: it would take connections from the network', async () => {
    expect(listeningSockets(host.port)).toEqual([{ file: 'tcp', address: '0100007F' }])
    expect(host.address()).toMatchObject({ address: '127.0.0.1', port: host.port })
    // And in practice: a non-loopback address of this machine, where one exists, is refused.
    for (const address of nonLoopbackAddresses()) expect(await connectError(address, host.port)).toBe('ECONNREFUSED')
  })

  it('puts the token only in the URL fragment: a ?token= query would be sent to the server and kept in history', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{32}$`))
    expect(new URL(host.url).search).toBe('')
  })

  it('never sets a cookie: a 127.0.0.1 cookie is sent to every other local port, which could replay it', async () => {
    for (const urlPath of ['/', `/?token=${host.token}`, '/index.html']) {
      const res = await get(host.port, urlPath)
      expect(res.status).toBe(200)
      expect(res.headers['set-cookie']).toBeUndefined()
    }
  })

  it('serves the public build with the CSP, and refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get(host.port, '/')
    expect(res.body).toContain('<div id="root">')
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    const asset = res.body.match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1]
    expect((await get(host.port, `/${asset}`)).status).toBe(200)
    expect((await get(host.port, '/', { Host: `evil.example:${host.port}` })).status).toBe(403)
  })

  it('refuses the WebSocket from another origin or port, or with no Origin (a page elsewhere could drive a shell)', async () => {
    for (const other of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, undefined]) {
      expect(await socket(host.port, other)).toBe(403)
    }
    expect(await socket(host.port, origin(), '/other')).toBe(403)
  })

  it('serves nothing on a socket until its first message is the token: without that, any local process (it can forge Origin) could call', async () => {
    const ws = (await socket(host.port, origin())) as WebSocket
    const seen = transcript(ws)
    services.hub.emit('app.notice', { level: 'info', message: 'before the token' })
    ws.send(JSON.stringify({ t: 'invoke', id: 1, method: 'session.list', input: null }))
    expect(await seen.closed).toBe(4401)
    expect(seen.frames).toEqual([{ t: 'error', message: expect.stringMatching(/token is required/) }])
  })

  it('closes a socket with a wrong token (a guessed token gets nothing)', async () => {
    const ws = (await socket(host.port, origin())) as WebSocket
    const seen = transcript(ws)
    ws.send(JSON.stringify({ t: 'auth', token: 'x'.repeat(32) }))
    ws.send(JSON.stringify({ t: 'invoke', id: 1, method: 'session.list', input: null }))
    expect(await seen.closed).toBe(4403)
    expect(seen.frames).toEqual([{ t: 'error', message: expect.stringMatching(/Wrong token/) }])
  })

  it('tells a page that has no token to open the printed URL', async () => {
    const ws = (await socket(host.port, origin())) as WebSocket
    const seen = transcript(ws)
    ws.send(JSON.stringify({ t: 'auth', token: '' }))
    expect(await seen.closed).toBe(4401)
    expect(seen.frames).toEqual([{ t: 'error', message: 'A token is required: open the URL printed by the host' }])
  })

  it('survives a broken frame before the token: an unhandled socket error would end the host process', async () => {
    // Its own host with a long token wait: sending 12 MB can take longer than this file's 500 ms
    // wait on a busy machine, and then the socket is closed for the missing token instead (was flaky).
    const patient = await startBrowserHost({ services, rendererDir: path.resolve('out/renderer'), authTimeoutMs: 120_000 })
    try {
      const ws = (await socket(patient.port, `http://127.0.0.1:${patient.port}`)) as WebSocket
      const closed = transcript(ws).closed
      ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1))
      expect(await closed).toBe(1009)
      // Still serving.
      const client = await wsClient(patient.port, patient.token)
      expect(await client.invoke('session.list', null)).toEqual([])
      await client.close()
    } finally {
      await patient.close()
    }
  })

  it('closes a socket that never presents the token (an idle socket cannot wait forever for one)', async () => {
    const ws = (await socket(host.port, origin())) as WebSocket
    expect(await transcript(ws).closed).toBe(4401)
  })

  it('serves calls and events once the token is accepted, even when sent right behind it', async () => {
    const ws = (await socket(host.port, origin())) as WebSocket
    const seen = transcript(ws)
    ws.send(JSON.stringify({ t: 'auth', token: host.token }))
    ws.send(JSON.stringify({ t: 'invoke', id: 7, method: 'app.info', input: null }))
    await expect.poll(() => seen.frames.length, { timeout: 10_000 }).toBe(2)
    expect(seen.frames).toContainEqual({ t: 'ready' })
    expect(seen.frames).toContainEqual({ t: 'result', id: 7, result: expect.objectContaining({ ok: true }) })
    ws.close()
  })

  it('answers garbage on an authenticated socket with an error instead of crashing', async () => {
    const client = await wsClient(host.port, host.token)
    const reply = new Promise<string>((r) => client.raw.once('message', (m) => r(m.toString())))
    client.raw.send('{not json')
    expect(JSON.parse(await reply)).toMatchObject({ t: 'error', message: expect.stringContaining('Malformed') })
    await client.close()
  })
})

describe('CSP (security item 2)', () => {
  it('has the directives the architecture requires', () => {
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"])
      expect(CONTENT_SECURITY_POLICY).toContain(d)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/)
  })

  it('is also in the built index.html as a meta tag, and no inline script exists', () => {
    const html = fs.readFileSync(path.resolve('out/renderer/index.html'), 'utf8')
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';[^"]*object-src 'none'; base-uri 'none'/,
    )
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })
})

describe('static file resolution', () => {
  const root = path.resolve('out/renderer')
  it('never leaves the renderer folder', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'))
    expect(resolveStaticPath(root, '/../../etc/passwd')).toBeNull()
    expect(resolveStaticPath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull()
    expect(resolveStaticPath(root, '/assets/..%5c..%5cx')).toBeNull()
    expect(resolveStaticPath(root, '/a%00b')).toBeNull()
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull()
  })
})
