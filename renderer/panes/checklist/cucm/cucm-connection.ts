import type { CucmConnection, CucmNode as ApiNode, CucmVersion, PracticeCucmInfo } from '../../../../shared/contract/cucm'
import { groupNodes, publisherNode, type SiteVars } from '../../../../shared/procedure'

/** How a site reaches its CUCM's APIs; kept for the session (credentials stay in the main process). */
export interface CucmOptions {
  /** The lab's practice CUCM instead of the nodes' addresses. */
  readonly practice: boolean
  readonly port: number
  readonly version: CucmVersion
  readonly readOnly: boolean
}

export const DEFAULT_CUCM_OPTIONS: CucmOptions = { practice: false, port: 8443, version: '15.0', readOnly: false }

export type Built = { ok: true; connection: CucmConnection } | { ok: false; reason: string }

/**
 * The API connection from the site's CUCM group (the site form's nodes: name, IP, priority,
 * publisher). A real node is reached at its IP on the API port; the practice CUCM's nodes are
 * matched by name and reached where the practice CUCM listens on 127.0.0.1.
 */
export function buildConnection(siteId: string, vars: SiteVars, options: CucmOptions, practice?: PracticeCucmInfo): Built {
  const publisher = publisherNode(vars)
  if (!publisher || !publisher.name.trim() || !publisher.ip.trim())
    return { ok: false, reason: 'Fill in the publisher (name and IP) in the site variables first.' }
  const toApi = (node: { name: string; ip: string }): ApiNode | string => {
    if (!practice) return { name: node.name.trim() || node.ip.trim(), host: node.ip.trim(), port: options.port }
    const found = [practice.publisher, practice.subscriber].find((p) => p.name.toLowerCase() === node.name.trim().toLowerCase())
    return found ?? `${node.name || node.ip} is not a node of the practice CUCM (${practice.publisher.name}, ${practice.subscriber.name}).`
  }
  const pub = toApi(publisher)
  if (typeof pub === 'string') return { ok: false, reason: pub }
  const nodes: ApiNode[] = []
  for (const node of groupNodes(vars).filter((n) => n.ip.trim() || n.name.trim())) {
    const api = toApi(node)
    if (typeof api === 'string') return { ok: false, reason: api }
    nodes.push(api)
  }
  return { ok: true, connection: { site: siteId, publisher: pub, nodes, version: options.version, readOnly: options.readOnly } }
}
