import path from 'node:path'
import fs from 'node:fs/promises'

/**
 * The renderer's Content Security Policy, sent as a header by both hosts (and as a meta tag in the
 * built index.html). style-src allows inline styles because xterm.js themes its DOM through a
 * <style> element it creates at run time; scripts stay 'self' only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

export interface StaticFile {
  readonly filePath: string
  readonly contentType: string
  readonly body: Buffer
}

/**
 * Resolves a URL path inside the renderer folder, refusing anything that escapes it
 * (`..`, encoded slashes, absolute paths). `/` is index.html.
 */
export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/')
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const root = path.resolve(rootDir)
  const full = path.resolve(root, relative)
  if (!isInside(root, full)) return null
  return full
}

/** True when `full` is `root` or inside it. */
function isInside(root: string, full: string): boolean {
  return full === root || full.startsWith(root + path.sep)
}

/**
 * Reads a file of the renderer folder. The path is checked twice: as written (no `..`), and
 * after symlinks are resolved, so a link inside the folder cannot serve a file outside it.
 */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  const filePath = resolveStaticPath(rootDir, urlPath)
  if (!filePath) return null
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(rootDir), fs.realpath(filePath)])
    if (!isInside(realRoot, realFile)) return null
    const body = await fs.readFile(realFile)
    const contentType = CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
    return { filePath, contentType, body }
  } catch {
    return null
  }
}
