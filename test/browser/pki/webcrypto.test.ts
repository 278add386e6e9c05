import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'vite'
import type { BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '../../support/browser'
import { extractFromText } from '../../../shared/pki'
import type * as PkiModule from '../../../shared/pki'
import { fixtureText } from '../../unit/pki/helpers'

type Pki = typeof PkiModule

// shared/pki must run in the renderer too: bundle it the way the app does (Vite) and run it in
// Debian's Chromium from a 127.0.0.1 page (a secure context, like the app's own origin, so
// WebCrypto exists). This catches Node-only APIs, the Reflect shim and node-forge in a browser.
let browser: { context: BrowserContext; close(): Promise<void> } | undefined
let server: Server | undefined
let page: Page
let origin = ''

async function bundlePki(): Promise<string> {
  const entry = new URL('../../../shared/pki/index.ts', import.meta.url).pathname
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'pki' } },
  })
  let code = ''
  for (const r of Array.isArray(out) ? out : [out]) {
    if ('output' in r) for (const chunk of r.output) if (chunk.type === 'chunk') code += chunk.code
  }
  return code
}

beforeAll(async () => {
  const bundle = await bundlePki()
  server = createServer((req, res) => {
    if (req.url === '/pki.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle)
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>pki</title><script src="/pki.js"></script>')
    }
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium()
  page = await browser.context.newPage()
  await page.goto(`${origin}/`)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
})

describe('shared/pki in Chromium', () => {
  it('parses the router export, fingerprints and verifies MD5/SHA-1 RSA and ECDSA chains', async () => {
    const input = {
      routerExport: fixtureText('router-export.txt'),
      ecLeaf: fixtureText('ec-p256-leaf.pem'),
      ecCa: fixtureText('ec-p384-ca.pem'),
    }
    const result = await page.evaluate(async ({ routerExport, ecLeaf, ecCa }) => {
      const pki = (globalThis as unknown as { pki: Pki }).pki
      const r = pki.extractFromText(routerExport)
      const [ca, leaf] = r.certificates
      const [ecl] = pki.extractFromText(ecLeaf).certificates
      const [ecc] = pki.extractFromText(ecCa).certificates
      if (!ca || !leaf || !ecl || !ecc) throw new Error('certificates missing')
      return {
        summary: r.certificates.map((c) => [c.commonName, c.roleLabel, c.fingerprints.md5.ios, c.fingerprints.sha256.colon]),
        md5Self: (await pki.verifyIssued(ca, ca)).ok,
        sha1Leaf: (await pki.verifyIssued(leaf, ca)).ok,
        ecdsa: (await pki.verifyIssued(ecl, ecc)).ok,
        wrong: (await pki.verifyIssued(leaf, ecc)).ok,
        curve: ecl.publicKey.curve,
        isNode: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      }
    }, input)
    const inNode = extractFromText(input.routerExport).certificates
    expect(result.isNode).toBe(false)
    expect(result.summary).toEqual(inNode.map((c) => [c.commonName, c.roleLabel, c.fingerprints.md5.ios, c.fingerprints.sha256.colon]))
    expect(result).toMatchObject({ md5Self: true, sha1Leaf: true, ecdsa: true, wrong: false, curve: 'P-256' })
  })

  it('reports damaged input the same way as in Node', async () => {
    const damaged = fixtureText('damaged-badchar.pem')
    const problems = await page.evaluate((text) => (globalThis as unknown as { pki: Pki }).pki.extractFromText(text).problems, damaged)
    expect(problems).toEqual(extractFromText(damaged).problems)
  })

  it('without WebCrypto (insecure context) ECDSA is "cannot check", not "invalid"', async () => {
    const other = await browser?.context.newPage()
    if (!other) throw new Error('no browser')
    // about:blank is not a secure context, so crypto.subtle is undefined there.
    await other.setContent('<!doctype html><title>insecure</title>')
    await other.addScriptTag({ url: `${origin}/pki.js` })
    const r = await other.evaluate(
      async ({ leafPem, caPem }) => {
        const pki = (globalThis as unknown as { pki: Pki }).pki
        const [leaf] = pki.extractFromText(leafPem).certificates
        const [ca] = pki.extractFromText(caPem).certificates
        if (!leaf || !ca) throw new Error('certificates missing')
        return pki.verifyIssued(leaf, ca)
      },
      { leafPem: fixtureText('ec-p256-leaf.pem'), caPem: fixtureText('ec-p384-ca.pem') },
    )
    await other.close()
    expect(r).toMatchObject({ ok: false, issuerMatches: true, signatureValid: null })
    expect(r.message).toContain('WebCrypto is not available here')
  })
})
