/**
 * The platform Certificate Management REST API (CUCM 14 and later, one node at a time; Cisco
 * DevNet "Certificate Management API": "The APIs are server specific", "supports … version 14
 * and later"). Base `/platformcom/api/v1/certmgr/config/`:
 *   GET  identity/certificate?service=callmanager  — the node's CallManager.pem
 *   GET  trust/certificate?service=callmanager     — what CallManager-trust holds
 *   POST trust/certificates  {"service": ["callmanager"], "certificates": [PEM…], "description": …}
 * Evidence on the answers' JSON shape is thin (the DevNet pages show the paths and the upload
 * body; public clients read an array of objects with a `certificate` PEM field, or an object with
 * `certificates`). So the answer is parsed as JSON and every PEM certificate found in it is taken,
 * wherever it sits.
 */
import { CucmError } from './errors'
import { nodeLabel } from './pinned-agent'
import type { Credential, CucmHttp } from './http'
import type { CucmVersion } from './axl'

const BASE = '/platformcom/api/v1/certmgr/config'
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g
const MAX_CERTIFICATES = 500

export function certificateApiAvailable(version: CucmVersion): boolean {
  return Number(version.split('.')[0]) >= 14
}

/** Every PEM certificate in a parsed JSON answer, in order, normalised to "\n" line ends. */
export function pemsIn(value: unknown, found: string[] = []): string[] {
  if (found.length >= MAX_CERTIFICATES) return found
  if (typeof value === 'string') {
    for (const match of value.replace(/\r\n/g, '\n').matchAll(PEM_BLOCK)) found.push(`${match[0].trim()}\n`)
  } else if (Array.isArray(value)) {
    for (const inner of value) pemsIn(inner, found)
  } else if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) pemsIn(inner, found)
  }
  return found
}

export class PlatformCertClient {
  constructor(
    private readonly http: CucmHttp,
    private readonly version: CucmVersion,
    private readonly credential: Credential,
  ) {}

  private requireApi(what: string): void {
    if (certificateApiAvailable(this.version)) return
    throw new CucmError({
      kind: 'needs-version',
      node: nodeLabel(this.http.node),
      message: `${what} needs the certificate management API, which exists from CUCM 14; this connection is set to CUCM ${this.version}.`,
      hint: 'Do this step in Cisco Unified OS Administration → Security → Certificate Management, or set the connection to the version CUCM reports.',
    })
  }

  private async getJson(path: string, label: string): Promise<unknown> {
    const answer = await this.http.request({
      method: 'GET',
      path,
      headers: { Accept: 'application/json' },
      label,
      api: 'platform',
      credential: this.credential,
    })
    return this.readJson(answer.status, answer.body, label)
  }

  private readJson(status: number, body: string, label: string): unknown {
    if (status === 404) {
      throw new CucmError({
        kind: 'needs-version',
        node: nodeLabel(this.http.node),
        request: label,
        httpStatus: 404,
        message: 'The certificate management API is not on this node (HTTP 404).',
        hint: 'It exists from CUCM 14; on older versions use OS Administration → Certificate Management.',
      })
    }
    let parsed: unknown
    try {
      parsed = body.trim() ? JSON.parse(body) : {}
    } catch {
      throw new CucmError({
        kind: 'bad-answer',
        node: nodeLabel(this.http.node),
        request: label,
        httpStatus: status,
        message: `The certificate API answered HTTP ${status} with something that is not JSON: ${body.slice(0, 200)}`,
      })
    }
    if (status < 200 || status >= 300) {
      const said =
        typeof parsed === 'object' && parsed !== null && 'message' in parsed
          ? String((parsed as { message: unknown }).message)
          : body.slice(0, 300)
      throw new CucmError({
        kind: 'http',
        node: nodeLabel(this.http.node),
        request: label,
        httpStatus: status,
        message: `The certificate API refused the request (HTTP ${status}): ${said}`,
      })
    }
    return parsed
  }

  async identity(service = 'callmanager'): Promise<string> {
    this.requireApi(`Downloading ${service === 'callmanager' ? 'CallManager.pem' : service}`)
    const label = `GET identity certificate (${service})`
    const pem = pemsIn(await this.getJson(`${BASE}/identity/certificate?service=${encodeURIComponent(service)}`, label))[0]
    if (!pem)
      throw new CucmError({
        kind: 'bad-answer',
        node: nodeLabel(this.http.node),
        request: label,
        message: 'The answer holds no certificate.',
      })
    return pem
  }

  async trusted(service = 'callmanager'): Promise<string[]> {
    this.requireApi(`Reading ${service}-trust`)
    return pemsIn(
      await this.getJson(`${BASE}/trust/certificate?service=${encodeURIComponent(service)}`, `GET trust certificates (${service})`),
    )
  }

  /** Returns CUCM's answer as text for the evidence. */
  async uploadTrust(pems: readonly string[], description: string, service = 'callmanager'): Promise<string> {
    this.requireApi(`Uploading to ${service}-trust`)
    const label = `POST trust certificates (${service}, ${pems.length})`
    const body = JSON.stringify({ service: [service], certificates: pems, description })
    const answer = await this.http.request({
      method: 'POST',
      path: `${BASE}/trust/certificates`,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
      label,
      api: 'platform',
      credential: this.credential,
    })
    this.readJson(answer.status, answer.body, label)
    return answer.body.slice(0, 2000)
  }
}
