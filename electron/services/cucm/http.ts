/**
 * HTTPS requests to one CUCM node through its pinned agent: Basic auth, a deadline that names the
 * node and port, a capped answer, and CUCM's throttling (HTTP 503, and 599 from AXL) retried with
 * backoff and reported. Everything sent and received goes to the site's API log, redacted.
 */
import https from 'node:https'
import { CucmError, ROLE_HINT } from './errors'
import { duration, nodeLabel, type NodeAddress } from './pinned-agent'
import type { ApiLog } from './api-log'

export const MAX_ANSWER_BYTES = 4 * 1024 * 1024

export type ApiKind = keyof typeof ROLE_HINT

export interface Credential {
  readonly user: string
  readonly password: string
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** For messages and the log, e.g. "AXL getCCMVersion". */
  readonly label: string
  readonly api: ApiKind
  readonly credential: Credential
}

export interface HttpAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: string
}

export interface HttpOptions {
  readonly timeoutMs: number
  /** Waits before each retry of a throttled request; its length is the number of retries. */
  readonly backoffMs: readonly number[]
  readonly onRetry?: (message: string) => void
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = { timeoutMs: 30_000, backoffMs: [2_000, 5_000, 10_000] }

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export class CucmHttp {
  constructor(
    readonly node: NodeAddress,
    private readonly agent: https.Agent,
    private readonly log: ApiLog,
    private readonly options: HttpOptions = DEFAULT_HTTP_OPTIONS,
  ) {}

  async request(request: HttpRequest): Promise<HttpAnswer> {
    for (let attempt = 0; ; attempt += 1) {
      const answer = await this.once(request)
      if (answer.status !== 503 && answer.status !== 599) return this.checkAuth(request, answer)
      const wait = this.options.backoffMs[attempt]
      if (wait === undefined) {
        throw new CucmError({
          kind: 'throttled',
          node: nodeLabel(this.node),
          request: request.label,
          httpStatus: answer.status,
          message: `CUCM is still throttling (HTTP ${answer.status}) after ${attempt + 1} attempts.`,
          hint: 'CUCM limits AXL and Serviceability requests per minute; wait a minute and try again, or stop other tools using the API.',
        })
      }
      const message = `${request.label}: HTTP ${answer.status} (CUCM is throttling); retry ${attempt + 1} of ${this.options.backoffMs.length} in ${(wait / 1000).toFixed(1)} s`
      this.log.add({ direction: 'retry', node: nodeLabel(this.node), summary: message, status: answer.status })
      this.options.onRetry?.(message)
      await sleep(wait)
    }
  }

  private checkAuth(request: HttpRequest, answer: HttpAnswer): HttpAnswer {
    if (answer.status === 401) {
      throw new CucmError({
        kind: 'unauthorized',
        node: nodeLabel(this.node),
        request: request.label,
        httpStatus: 401,
        message: `CUCM refused the ${request.api === 'platform' ? 'platform (OS administrator)' : 'AXL application user'} credential "${request.credential.user}" (HTTP 401).`,
        hint: `Check the user name and password. ${ROLE_HINT[request.api]}`,
      })
    }
    if (answer.status === 403) {
      throw new CucmError({
        kind: 'forbidden',
        node: nodeLabel(this.node),
        request: request.label,
        httpStatus: 403,
        message: `"${request.credential.user}" may not use this API (HTTP 403).`,
        hint: ROLE_HINT[request.api],
      })
    }
    return answer
  }

  private once(request: HttpRequest): Promise<HttpAnswer> {
    const label = nodeLabel(this.node)
    const body = request.body ?? ''
    const headers: Record<string, string> = {
      ...request.headers,
      Authorization: `Basic ${Buffer.from(`${request.credential.user}:${request.credential.password}`).toString('base64')}`,
      ...(body ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
    }
    this.log.add({
      direction: 'request',
      node: label,
      summary: `${request.method} ${request.path} (${request.label})`,
      headers,
      ...(body ? { body } : {}),
    })
    return new Promise<HttpAnswer>((resolve, reject) => {
      const req = https.request({
        host: this.node.host,
        port: this.node.port,
        method: request.method,
        path: request.path,
        headers,
        agent: this.agent,
      })
      const timer = setTimeout(() => {
        req.destroy(
          new CucmError({
            kind: 'timeout',
            node: label,
            request: request.label,
            message: `No answer from ${this.node.host} port ${this.node.port} within ${duration(this.options.timeoutMs)}.`,
            hint: 'The node may be busy (a CallManager restart takes minutes) or unreachable; try again, then check the network path.',
          }),
        )
      }, this.options.timeoutMs)
      req.on('error', (error) => {
        clearTimeout(timer)
        this.log.add({ direction: 'error', node: label, summary: `${request.label}: ${error.message.split('\n')[0] ?? ''}` })
        reject(
          error instanceof CucmError
            ? error
            : new CucmError({ kind: 'network', node: label, request: request.label, message: `The request failed: ${error.message}` }),
        )
      })
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_ANSWER_BYTES) {
            req.destroy(
              new CucmError({
                kind: 'bad-answer',
                node: label,
                request: request.label,
                message: `The answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; it was not read.`,
                hint: 'Narrow the search.',
              }),
            )
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () => {
          clearTimeout(timer)
          const answer: HttpAnswer = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }
          this.log.add({
            direction: 'response',
            node: label,
            summary: `HTTP ${answer.status} (${request.label})`,
            status: answer.status,
            headers: res.headers,
            body: answer.body,
          })
          resolve(answer)
        })
        res.on('error', () => undefined)
      })
      req.end(body || undefined)
    })
  }
}
