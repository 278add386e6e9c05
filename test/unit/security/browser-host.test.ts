import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host'
import { CONTENT_SECURITY_POLICY, resolveStaticPath } from '../../../electron/static-files'
import { testServices } from '../../support/services'

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

function upgrade(url: string, origin?: string): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {})
    ws.on('open', () => {
      ws.close()
      resolve('open')
    })
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.on('error', () => resolve(0))
  })
}

describe('browser host access control', () => {
  const services = testServices()
  let host: BrowserHost
  beforeAll(async () => {
    host = await startBrowserHost({ services, rendererDir: path.resolve('out/renderer') })
  })
  afterAll(async () => {
    await host.close()
    services.cleanup()
  })

  it('binds 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`))
  })

  it('answers 401 without a token and 403 with a wrong one', async () => {
    expect((await get(host.port, '/')).status).toBe(401)
    expect((await get(host.port, '/assets/x.js')).status).toBe(401)
    expect((await get(host.port, '/?token=wrong')).status).toBe(403)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get(host.port, `/?token=${host.token}`, { Host: `evil.example:${host.port}` })).status).toBe(403)
  })

  it('serves the renderer with the token, sets an HttpOnly cookie and the CSP', async () => {
    const res = await get(host.port, `/?token=${host.token}`)
    expect(res.status).toBe(200)
    expect(res.body).toContain('<div id="root">')
    expect(res.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/)
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    const cookie = (res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? ''
    const asset = res.body.match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1]
    expect((await get(host.port, `/${asset}`, { Cookie: cookie })).status).toBe(200)
  })

  it('refuses the WebSocket without the token, with a wrong token or from another origin', async () => {
    const origin = `http://127.0.0.1:${host.port}`
    expect(await upgrade(`ws://127.0.0.1:${host.port}/ws`, origin)).toBe(401)
    expect(await upgrade(`ws://127.0.0.1:${host.port}/ws?token=nope`, origin)).toBe(403)
    expect(await upgrade(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, 'http://evil.example')).toBe(403)
    expect(await upgrade(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`)).toBe(403)
    expect(await upgrade(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, origin)).toBe('open')
  })

  it('answers garbage on the socket with an error instead of crashing', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` })
    await new Promise((r) => ws.once('open', r))
    const reply = new Promise<string>((r) => ws.once('message', (m) => r(m.toString())))
    ws.send('{not json')
    expect(JSON.parse(await reply)).toMatchObject({ t: 'error', message: expect.stringContaining('Malformed') })
    ws.close()
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
