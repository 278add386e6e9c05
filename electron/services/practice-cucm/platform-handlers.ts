/**
 * The practice CUCM's certificate management REST API (paths from Cisco DevNet "Certificate
 * Management API"; the answer shape is this simulator's: an array of objects with a
 * `certificate` PEM, which is what public clients read — see electron/services/cucm/README.md).
 */
import { X509Certificate } from 'node:crypto'
import type { PracticeNodeState } from './state'

export interface JsonAnswer {
  readonly status: number
  readonly json: unknown
  readonly changed?: boolean
}

const BASE = '/platformcom/api/v1/certmgr/config'
const SERVICES = new Set(['callmanager', 'tomcat', 'capf', 'ipsec', 'tvs', 'callmanager-ecdsa', 'tomcat-ecdsa'])
const MAX_UPLOAD = 20

function facts(pem: string): { sha256: string; subject: string } | undefined {
  try {
    const cert = new X509Certificate(pem)
    return { sha256: cert.fingerprint256, subject: cert.subject.replace(/\n/g, ', ') }
  } catch {
    return undefined
  }
}

export function handlePlatform(node: PracticeNodeState, method: string, url: URL, body: string): JsonAnswer {
  const path = url.pathname
  const service = url.searchParams.get('service') ?? ''
  if (method === 'GET' && (path === `${BASE}/identity/certificate` || path === `${BASE}/trust/certificate`)) {
    if (!SERVICES.has(service)) return { status: 400, json: { message: `Invalid service: ${service || '(none)'}` } }
    if (path.endsWith('/identity/certificate')) {
      const pem = service === 'callmanager' ? node.callmanagerPem : service === 'tomcat' ? node.tomcat.cert : undefined
      if (!pem) return { status: 404, json: { message: `No ${service} identity certificate on ${node.name}` } }
      return {
        status: 200,
        json: [
          {
            service,
            certificateName: service === 'callmanager' ? 'CallManager.pem' : `${service}.pem`,
            subject: facts(pem)?.subject ?? '',
            certificate: pem,
          },
        ],
      }
    }
    return {
      status: 200,
      json: (node.trust[service] ?? []).map((t) => ({
        service,
        certificateName: t.subject,
        description: t.description,
        certificate: t.pem,
      })),
    }
  }
  if (method === 'POST' && path === `${BASE}/trust/certificates`) {
    let request: unknown
    try {
      request = JSON.parse(body)
    } catch {
      return { status: 400, json: { message: 'The request body is not JSON' } }
    }
    const {
      service: services,
      certificates,
      description,
    } = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>
    if (!Array.isArray(services) || services.length === 0 || !services.every((s) => typeof s === 'string' && SERVICES.has(s))) {
      return { status: 400, json: { message: 'service must be a list of trust stores, e.g. ["callmanager"]' } }
    }
    if (
      !Array.isArray(certificates) ||
      certificates.length === 0 ||
      certificates.length > MAX_UPLOAD ||
      !certificates.every((c) => typeof c === 'string')
    ) {
      return { status: 400, json: { message: 'certificates must be a list of PEM certificates' } }
    }
    const read = (certificates as string[]).map((pem) => ({ pem: pem.replace(/\r\n/g, '\n'), facts: facts(pem) }))
    const bad = read.findIndex((c) => !c.facts)
    if (bad >= 0) return { status: 400, json: { message: `Certificate ${bad + 1} is not a valid PEM certificate` } }
    const added: string[] = []
    for (const store of services as string[]) {
      const entries = (node.trust[store] ??= [])
      for (const cert of read) {
        const f = cert.facts
        if (!f || entries.some((e) => e.sha256 === f.sha256)) continue
        entries.push({
          pem: cert.pem,
          sha256: f.sha256,
          subject: f.subject,
          description: typeof description === 'string' ? description.slice(0, 200) : '',
          uploadedAt: new Date().toISOString(),
        })
        added.push(`${store}: ${f.subject}`)
      }
    }
    return {
      status: 200,
      json: { message: added.length > 0 ? 'Certificate(s) uploaded successfully' : 'Certificate(s) already present', uploaded: added },
      changed: added.length > 0,
    }
  }
  return { status: 404, json: { message: `No such resource: ${method} ${path}` } }
}
