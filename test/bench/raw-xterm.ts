import http from 'node:http'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import type { CdpPage } from './cdp'
import { paintedWatch, type PaintedTimes } from './painted'

const require = createRequire(import.meta.url)
const asset = (name: string): Buffer => readFileSync(require.resolve(name))

const PAGE = `<!doctype html><html><head><link rel="stylesheet" href="/xterm.css"></head>
<body style="margin:0;background:#000"><div id="t"></div>
<script src="/xterm.js"></script><script src="/addon-fit.js"></script></body></html>`

/** The same bytes xterm alone is fed: the ceiling for anything the app can do. Served on 127.0.0.1. */
export async function serveRawXterm(dataFile: string, trailer: string): Promise<{ url: string; close(): Promise<void> }> {
  const bodies: Record<string, { body: Buffer; type: string }> = {
    '/': { body: Buffer.from(PAGE), type: 'text/html' },
    '/xterm.js': { body: asset('@xterm/xterm/lib/xterm.js'), type: 'text/javascript' },
    '/xterm.css': { body: asset('@xterm/xterm/css/xterm.css'), type: 'text/css' },
    '/addon-fit.js': { body: asset('@xterm/addon-fit/lib/addon-fit.js'), type: 'text/javascript' },
    '/data': { body: Buffer.concat([readFileSync(dataFile), Buffer.from(trailer)]), type: 'application/octet-stream' },
  }
  const server = http.createServer((req, res) => {
    const found = bodies[new URL(req.url ?? '/', 'http://x').pathname]
    if (!found) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': found.type, 'content-length': found.body.length }).end(found.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/**
 * One round of xterm alone, DOM renderer, in a div the size of the app's terminal: the bytes in
 * 64 KiB writes, all at once; the frames that first show `first` and `marker`, as on the app's side.
 */
export async function rawXtermRound(
  page: CdpPage,
  url: string,
  size: { width: number; height: number },
  options: { fontSize: number; scrollback: number },
  first: string,
  marker: string,
): Promise<PaintedTimes> {
  await page.goto(url)
  return page.evaluate<PaintedTimes>(`(async () => {
    const text = new TextDecoder().decode(await (await fetch('/data')).arrayBuffer())
    const host = document.getElementById('t')
    host.style.width = '${size.width}px'
    host.style.height = '${size.height}px'
    const term = new Terminal({ scrollback: ${options.scrollback}, fontSize: ${options.fontSize}, fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace' })
    const fit = new FitAddon.FitAddon()
    term.loadAddon(fit)
    term.open(host)
    fit.fit()
    await new Promise((r) => requestAnimationFrame(() => r()))
    const painted = ${paintedWatch("document.querySelector('#t .xterm-rows')", first, marker)}
    const CHUNK = 64 * 1024
    for (let i = 0; i < text.length; i += CHUNK) term.write(text.slice(i, i + CHUNK))
    const times = await painted
    term.dispose()
    return times
  })()`)
}
