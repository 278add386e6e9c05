/**
 * The per-site API log: every request to CUCM and its answer, one JSON line each, in
 * `cucm-logs/<site>.log`. Authorization and cookie headers are dropped and anything named like
 * a password is masked before a line is written. Bodies are capped.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { fitText } from '../../../shared/contract/fit'
import { buildXml, parseXml, type XmlObject, type XmlValue } from './xml'

export const LOG_BODY_CHARS = 8000
const KEEP_IN_MEMORY = 200
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie'])
const SECRET_NAME = /pass(word|phrase)?|secret/i

export interface ApiLogEntry {
  readonly at: string
  readonly direction: 'request' | 'response' | 'retry' | 'error'
  readonly node: string
  readonly summary: string
  readonly status?: number
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
}

export function redactHeaders(headers: Readonly<Record<string, string | string[] | number | undefined>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || SECRET_HEADERS.has(name.toLowerCase())) continue
    // A server chooses its headers: cut them to what the log carries.
    out[fitText(name, 200)] = fitText(Array.isArray(value) ? value.join(', ') : String(value), 2000)
  }
  return out
}

function maskXml(value: XmlValue): XmlValue {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(maskXml)
  const out: XmlObject = {}
  for (const [name, inner] of Object.entries(value)) out[name] = SECRET_NAME.test(name) ? '********' : maskXml(inner)
  return out
}

function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_NAME.test(k) ? '********' : maskJson(v)]))
}

/** A body fit for the log: secrets masked (parsed, never pattern-replaced), then capped with a visible "…". */
export function redactBody(body: string): string {
  let safe = body
  if (SECRET_NAME.test(body)) {
    const trimmed = body.trimStart()
    if (trimmed.startsWith('<')) {
      const parsed = parseXml(body)
      safe = parsed ? buildXml(maskXml(parsed) as XmlObject) : '[unreadable XML with a password field withheld]'
    } else {
      try {
        safe = JSON.stringify(maskJson(JSON.parse(body)))
      } catch {
        safe = '[unreadable body with a password field withheld]'
      }
    }
  }
  return safe.length > LOG_BODY_CHARS
    ? `${safe.slice(0, LOG_BODY_CHARS)}… [${safe.length - LOG_BODY_CHARS} more characters not logged]`
    : safe
}

export class ApiLog {
  private readonly recent: ApiLogEntry[] = []
  private writing: Promise<void> = Promise.resolve()

  constructor(
    readonly filePath: string | undefined,
    private readonly onWriteError: (message: string) => void = () => undefined,
  ) {}

  static forSite(dir: string, site: string, onWriteError?: (message: string) => void): ApiLog {
    const safe = site.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'site'
    return new ApiLog(path.join(dir, `${safe}.log`), onWriteError)
  }

  add(
    entry: Omit<ApiLogEntry, 'at' | 'headers'> & { readonly headers?: Readonly<Record<string, string | string[] | number | undefined>> },
  ): void {
    const { headers, body, ...rest } = entry
    const full: ApiLogEntry = {
      at: new Date().toISOString(),
      ...rest,
      node: fitText(rest.node, 300),
      summary: fitText(rest.summary, 1000),
      ...(body === undefined ? {} : { body: redactBody(body) }),
      ...(headers === undefined ? {} : { headers: redactHeaders(headers) }),
    }
    this.recent.push(full)
    if (this.recent.length > KEEP_IN_MEMORY) this.recent.splice(0, this.recent.length - KEEP_IN_MEMORY)
    const file = this.filePath
    if (!file) return
    this.writing = this.writing
      .then(async () => {
        await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
        await fs.appendFile(file, `${JSON.stringify(full)}\n`, { mode: 0o600 })
      })
      .catch((error: Error) => this.onWriteError(`Could not write the CUCM API log: ${error.message}`))
  }

  entries(limit = KEEP_IN_MEMORY): ApiLogEntry[] {
    return this.recent.slice(-limit)
  }

  flushed(): Promise<void> {
    return this.writing
  }
}
