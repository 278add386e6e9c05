import path from 'node:path'
import os from 'node:os'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createServices } from '../services/compose'
import { installProcessGuards } from '../services/process-guard'
import { startBrowserHost } from './browser-host'
import { parseServeArgs } from './serve-args'

/** `npm run serve`: the browser host, for machines without a desktop session (and for tests). */
async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2))
  if ('error' in args) {
    process.stderr.write(`${args.error}\n`)
    process.exit(2)
  }
  const here = path.dirname(fileURLToPath(import.meta.url))
  const rendererDir = path.resolve(here, '../renderer')
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    process.stderr.write(`The renderer is not built (${rendererDir}/index.html missing): run npm run build first.\n`)
    process.exit(1)
  }
  const userDataDir = args.userDataDir ?? path.join(os.homedir(), '.config', 'lab-console')
  const services = createServices({ userDataDir, host: 'browser', version: __APP_VERSION__ })
  installProcessGuards(services.hub)
  const host = await startBrowserHost({ services, rendererDir, port: args.port })
  process.stdout.write(`Lab Console at ${host.url}\n`)
  const stop = (): void => {
    services.dispose()
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main().catch((err: unknown) => {
  process.stderr.write(`Lab Console host failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
