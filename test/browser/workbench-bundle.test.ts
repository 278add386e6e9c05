import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The certificate parser ships once: in the parse worker's bundle. The page's own script (what
// index.html loads at start-up, and whatever it preloads) holds none of it; the main-thread
// fallback, for hosts where module workers cannot start, is a chunk of its own loaded on demand.
// Reads the build output, so it runs in the browser tier, after `npm run build`.
const out = path.resolve('out/renderer')
const assets = path.join(out, 'assets')

/** Strings only the DER reader and the certificate parser contain (shared/pki: der.ts, certificate.ts, oids.ts, hash.ts). */
const PARSER_MARKERS = ['runs past the end of the data', 'DER structure broken', 'tbsCertificate', 'md5WithRSAEncryption']

const read = (file: string): string => readFileSync(path.join(out, file), 'utf8')
const chunk = (prefix: string): string[] => readdirSync(assets).filter((n) => n.startsWith(`${prefix}-`) && n.endsWith('.js'))

describe('the renderer bundle ships the certificate parser once', () => {
  it('the page loads no parser at start-up; the parse worker has it; the fallback is its own chunk', () => {
    expect(existsSync(path.join(out, 'index.html')), 'run npm run build first').toBe(true)
    const html = read('index.html')
    const loaded = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '')
    expect(loaded.length).toBeGreaterThan(0)
    for (const file of loaded) {
      const code = read(file)
      for (const marker of PARSER_MARKERS) expect(code.includes(marker), `${file} contains "${marker}"`).toBe(false)
    }
    const [worker, ...moreWorkers] = chunk('pki-worker')
    expect(moreWorkers).toEqual([])
    const workerCode = read(`assets/${worker}`)
    for (const marker of PARSER_MARKERS) expect(workerCode.includes(marker), `the worker lacks "${marker}"`).toBe(true)
    const [fallback] = chunk('pki-calls')
    expect(fallback, 'the main-thread fallback chunk').toBeDefined()
    expect(loaded).not.toContain(`assets/${fallback}`)
  })
})
