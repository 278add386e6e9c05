import type { CucmNode, SiteVars } from './site'

/** A node of the bridge's CUCM group with what the router configuration derives from it. */
export interface GroupNode extends CucmNode {
  /** Position in the site's list (stable while priorities change). */
  readonly index: number
  /** `sccp ccm <ip> identifier <n>`: the site's CCM identifier for the first node, then +1 each. */
  readonly identifier: number
  /** The trustpoint holding this node's CallManager certificate (or the shared CA root). */
  readonly trustpoint: string
}

/**
 * The trustpoint for a node's CallManager certificate. One node (the tech note's case) keeps the
 * site's name (`cucm-pub`); with several, the first keeps it and the others get `-2`, `-3`…
 * With CA-signed certificates every node shares the one trustpoint that holds the CA root.
 */
export function nodeTrustpoint(vars: Pick<SiteVars, 'cucmTrustpoint' | 'callManagerTrust'>, index: number): string {
  if (vars.callManagerTrust === 'ca-root' || index === 0) return vars.cucmTrustpoint
  return `${vars.cucmTrustpoint}-${index + 1}`
}

/** The group's nodes in priority order (ties keep list order), each with its identifier and trustpoint. */
export function groupNodes(vars: Pick<SiteVars, 'cucmNodes' | 'ccmIdentifier' | 'cucmTrustpoint' | 'callManagerTrust'>): GroupNode[] {
  return vars.cucmNodes
    .map((node, index) => ({ ...node, index, identifier: vars.ccmIdentifier + index, trustpoint: nodeTrustpoint(vars, index) }))
    .sort((a, b) => a.priority - b.priority || a.index - b.index)
}

/** The trustpoints step 9 creates: one per node, or the one CA-root trustpoint. */
export function callManagerTrustpoints(
  vars: Pick<SiteVars, 'cucmNodes' | 'ccmIdentifier' | 'cucmTrustpoint' | 'callManagerTrust'>,
): string[] {
  return [...new Set(groupNodes(vars).map((n) => n.trustpoint))]
}

export function publisherNode(vars: Pick<SiteVars, 'cucmNodes'>): CucmNode | undefined {
  return vars.cucmNodes.find((n) => n.publisher)
}

/** `CUCMPUB15 (10.10.10.10)`: how a node is named in instructions. */
export function describeNode(node: Pick<CucmNode, 'name' | 'ip'>): string {
  const name = node.name.trim() || '<node name>'
  const ip = node.ip.trim() || '<node IP>'
  return `${name} (${ip})`
}

/** One node per line for reports and text fields: `CUCMPUB15 10.10.10.10 priority 1 publisher`. */
export function formatNodeList(nodes: readonly CucmNode[]): string {
  return nodes.map((n) => `${n.name || '?'} ${n.ip || '?'} priority ${n.priority}${n.publisher ? ' publisher' : ''}`).join('; ')
}
