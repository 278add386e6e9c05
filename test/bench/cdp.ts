/**
 * A bare Chrome DevTools Protocol driver for the benchmark: Debian's Chromium started with
 * --remote-debugging-port=0 and one plain WebSocket (the `ws` package) to its browser endpoint.
 * Unlike Playwright (even connectOverCDP), it enables no Network domain, so the page's WebSocket
 * frames are never copied to this process: only what the bench asks for crosses the pipe.
 * The same client speaks to the host process's Node inspector (Runtime.evaluate).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import { CHROMIUM_ARGS, CHROMIUM_PATH, checkChromium } from '../support/browser'

interface Reply {
  id?: number
  method?: string
  sessionId?: string
  params?: unknown
  result?: unknown
  error?: { message: string }
}

export class CdpConnection {
  private nextId = 1
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  private readonly listeners = new Set<(message: Reply) => void>()

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString()) as Reply
      if (message.id !== undefined) {
        const call = this.pending.get(message.id)
        this.pending.delete(message.id)
        if (message.error) call?.reject(new Error(message.error.message))
        else call?.resolve(message.result)
      } else {
        for (const l of this.listeners) l(message)
      }
    })
    ws.on('close', () => {
      for (const call of this.pending.values()) call.reject(new Error('DevTools connection closed'))
      this.pending.clear()
    })
  }

  static connect(url: string): Promise<CdpConnection> {
    return new Promise((resolve, reject) => {
      // Frames of a 20 MB page evaluation can be large; the default 100 MiB cap is plenty.
      const ws = new WebSocket(url, { perMessageDeflate: false })
      ws.once('open', () => resolve(new CdpConnection(ws)))
      ws.once('error', reject)
    })
  }

  send<T = unknown>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => resolve(v as T), reject })
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }))
    })
  }

  /** Resolves with the params of the next event `method` (of `sessionId`, when given). */
  once(method: string, sessionId?: string): Promise<unknown> {
    return new Promise((resolve) => {
      const l = (m: Reply): void => {
        if (m.method !== method || (sessionId && m.sessionId !== sessionId)) return
        this.listeners.delete(l)
        resolve(m.params)
      }
      this.listeners.add(l)
    })
  }

  close(): void {
    this.ws.close()
  }
}

interface EvaluateResult {
  result: { value?: unknown }
  exceptionDetails?: { text: string; exception?: { description?: string } }
}

/** Runtime.evaluate with the page's promise awaited and the value returned by value. */
export async function evaluate<T>(cdp: CdpConnection, expression: string, sessionId?: string): Promise<T> {
  const r = await cdp.send<EvaluateResult>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text)
  return r.result.value as T
}

export class CdpPage {
  constructor(
    private readonly cdp: CdpConnection,
    readonly sessionId: string,
  ) {}

  evaluate<T>(expression: string): Promise<T> {
    return evaluate<T>(this.cdp, expression, this.sessionId)
  }

  async goto(url: string): Promise<void> {
    // The app drops the token from its address; the same URL with a fragment would then be a
    // same-document navigation, which never loads. Leaving the page first makes every goto a load.
    const blank = this.cdp.once('Page.loadEventFired', this.sessionId)
    await this.cdp.send('Page.navigate', { url: 'about:blank' }, this.sessionId)
    await blank
    const loaded = this.cdp.once('Page.loadEventFired', this.sessionId)
    await this.cdp.send('Page.navigate', { url }, this.sessionId)
    await loaded
  }

  /** One key as a user presses it: the page sees keydown, keypress/input and keyup. */
  async press(ch: string): Promise<void> {
    const enter = ch === '\r'
    const key = enter ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' } : { key: ch, text: ch, unmodifiedText: ch }
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key }, this.sessionId)
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: key.key }, this.sessionId)
  }
}

export interface Chromium {
  readonly cdp: CdpConnection
  newPage(): Promise<CdpPage>
  close(): Promise<void>
}

/** Debian's Chromium, headless, off the network (the flags of test/support/browser.ts). */
export async function launchBareChromium(size = { width: 1400, height: 900 }): Promise<Chromium> {
  checkChromium()
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-bench-chromium-'))
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      `--window-size=${size.width},${size.height}`,
      ...CHROMIUM_ARGS,
      // Pages of the bench are never hidden, but make sure timers and frames are never throttled.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  // A bench that fails or is interrupted must not leave Chromium behind (it keeps a core busy).
  const endWithUs = (): void => {
    if (child.exitCode === null) child.kill()
  }
  const interrupted = (): void => {
    endWithUs()
    process.exit(130)
  }
  process.once('exit', endWithUs)
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  let stderr = ''
  const endpoint = await new Promise<string>((resolve, reject) => {
    // Generous: Chromium's first start on a loaded machine can take many seconds.
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools endpoint:\n${stderr}`)), 60_000)
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString()
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(stderr)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${stderr}`)))
  })
  const cdp = await CdpConnection.connect(endpoint)
  return {
    cdp,
    async newPage() {
      const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })
      const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })
      await cdp.send('Page.enable', {}, sessionId)
      return new CdpPage(cdp, sessionId)
    },
    async close() {
      process.off('exit', endWithUs)
      process.off('SIGINT', interrupted)
      process.off('SIGTERM', interrupted)
      cdp.close()
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      if (child.exitCode === null) child.kill()
      await exited
      try {
        fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
      } catch {
        // Chromium's helper processes can still be writing its profile after it exits: a
        // temporary folder left behind must not cost the figures already measured.
      }
    },
  }
}
