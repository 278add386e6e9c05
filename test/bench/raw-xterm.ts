import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { BrowserContext } from 'playwright-core'

const require = createRequire(import.meta.url)
const asset = (name: string): Buffer => readFileSync(require.resolve(name))

const PAGE = `<!doctype html><html><head><link rel="stylesheet" href="/xterm.css"></head>
<body style="margin:0;background:#000"><div id="t"></div>
<script src="/xterm.js"></script><script src="/addon-fit.js"></script></body></html>`

export interface RawXtermResult {
  /** Opened in a div the size of the app's terminal, DOM renderer: what the app's xterm does. */
  readonly renderedMs: number
  /** A Terminal never opened: the parser and buffer alone. */
  readonly parserMs: number
  readonly cols: number
  readonly rows: number
}

/**
 * The same bytes pushed straight into xterm in a page of their own, in 64 KiB writes, timed
 * until xterm's callback for the last write: the ceiling for anything the app can do.
 * Served through Playwright's routing, so nothing touches the network.
 */
export async function rawXtermThroughput(
  context: BrowserContext,
  file: string,
  size: { width: number; height: number },
  fontSize: number,
): Promise<RawXtermResult> {
  const page = await context.newPage()
  const bodies: Record<string, { body: Buffer; type: string }> = {
    '/': { body: Buffer.from(PAGE), type: 'text/html' },
    '/xterm.js': { body: asset('@xterm/xterm/lib/xterm.js'), type: 'text/javascript' },
    '/xterm.css': { body: asset('@xterm/xterm/css/xterm.css'), type: 'text/css' },
    '/addon-fit.js': { body: asset('@xterm/addon-fit/lib/addon-fit.js'), type: 'text/javascript' },
    '/data': { body: readFileSync(file), type: 'application/octet-stream' },
  }
  await page.route('http://bench.invalid/**', (route) => {
    const found = bodies[new URL(route.request().url()).pathname]
    return found ? route.fulfill({ body: found.body, contentType: found.type }) : route.fulfill({ status: 404 })
  })
  await page.goto('http://bench.invalid/')
  try {
    return (await page.evaluate(`(async () => {
      const text = new TextDecoder().decode(await (await fetch('/data')).arrayBuffer())
      const host = document.getElementById('t')
      host.style.width = '${size.width}px'
      host.style.height = '${size.height}px'
      const options = { scrollback: 10000, fontSize: ${fontSize}, fontFamily: '"DejaVu Sans Mono", monospace' }
      const CHUNK = 64 * 1024
      const feed = (term) => new Promise((resolve) => {
        const t0 = performance.now()
        for (let i = 0; i < text.length; i += CHUNK) {
          const last = i + CHUNK >= text.length
          term.write(text.slice(i, i + CHUNK), last ? () => resolve(performance.now() - t0) : undefined)
        }
      })
      const rendered = new Terminal(options)
      const fit = new FitAddon.FitAddon()
      rendered.loadAddon(fit)
      rendered.open(host)
      fit.fit()
      const renderedMs = await feed(rendered)
      const cols = rendered.cols, rows = rendered.rows
      rendered.dispose()
      const parser = new Terminal({ ...options, cols, rows })
      const parserMs = await feed(parser)
      parser.dispose()
      return { renderedMs, parserMs, cols, rows }
    })()`)) as RawXtermResult
  } finally {
    await page.close()
  }
}
