import path from 'node:path'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host'
import { decodeSessionData, encodeSessionData } from '../../../shared/contract/terminal-frame'
import { testServices } from '../../support/services'

describe('terminal output on the browser host WebSocket', () => {
  const services = testServices()
  let host: BrowserHost
  beforeAll(async () => {
    host = await startBrowserHost({ services, rendererDir: path.resolve('out/renderer') })
  })
  afterAll(async () => {
    await host.close()
    services.cleanup()
  })

  it('goes as binary frames that decode to the same text, while other events stay JSON, after the token handshake', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { origin: `http://127.0.0.1:${host.port}` })
    const frames: Array<{ binary: boolean; bytes: Buffer }> = []
    ws.on('message', (raw, isBinary) =>
      frames.push({ binary: isBinary, bytes: Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw as Buffer) }),
    )
    await new Promise<void>((resolve) => ws.once('open', () => resolve()))
    ws.send(JSON.stringify({ t: 'auth', token: host.token }))
    // Generous: the handshake is one round trip, but the machine may be loaded.
    await expect.poll(() => frames.length, { timeout: 10_000 }).toBe(1)
    expect(JSON.parse(frames[0]?.bytes.toString() ?? '')).toEqual({ t: 'ready' })

    const text = '\x1b[1;36mcrypto pki\x1b[0m é ✓ 𝄞 \r\n'.repeat(5000)
    services.hub.emit('session.data', { id: 's42', data: text })
    services.hub.emit('app.notice', { level: 'info', message: 'after the data' })
    await expect.poll(() => frames.length, { timeout: 10_000 }).toBe(3)
    expect(frames[1]?.binary).toBe(true)
    expect(decodeSessionData(new Uint8Array(frames[1]?.bytes ?? []))).toEqual({ id: 's42', data: text })
    // Smaller than the JSON it replaces (every ESC is six characters there).
    expect(frames[1]?.bytes.length).toBeLessThan(
      JSON.stringify({ t: 'event', event: 'session.data', payload: { id: 's42', data: text } }).length,
    )
    expect(frames[2]?.binary).toBe(false)
    expect(JSON.parse(frames[2]?.bytes.toString() ?? '')).toMatchObject({ t: 'event', event: 'app.notice' })
    ws.close()
  })

  it('decodes nothing from a frame that is not terminal output, and never throws', () => {
    expect(decodeSessionData(new Uint8Array([]))).toBeUndefined()
    expect(decodeSessionData(new Uint8Array([0x02, 0, 1, 0x41]))).toBeUndefined()
    expect(decodeSessionData(new Uint8Array([0x01, 0xff, 0xff, 0x41]))).toBeUndefined()
    expect(decodeSessionData(encodeSessionData('s1', ''))).toEqual({ id: 's1', data: '' })
  })

  it('sizes an ASCII frame exactly and still carries any text whole', () => {
    const ascii = '\x1b[1;36minterface\x1b[0m Gi0/0/1\r\n'.repeat(1000)
    expect(encodeSessionData('s1', ascii).buffer.byteLength).toBe(3 + 2 + ascii.length)
    for (const text of ['é', 'a✓b', '𝄞', `${ascii}é`, '\ud800 lone surrogate']) {
      expect(decodeSessionData(encodeSessionData('s1', text))?.data).toBe(new TextDecoder().decode(new TextEncoder().encode(text)))
    }
  })
})
