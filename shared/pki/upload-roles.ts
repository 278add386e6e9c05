// Which certificates of an upload set are the root and the bridge: read from parsed fields only,
// so the renderer's main thread can pick the set without shipping the parser.
import type { ParsedCertificate } from './types'

/** The root: a self-signed CA, else any CA. */
export function findRoot(certs: readonly ParsedCertificate[]): ParsedCertificate | undefined {
  return certs.find((c) => c.isCa && c.isSelfSigned) ?? certs.find((c) => c.isCa || c.role === 'ca')
}

/** The bridge: the leaf whose CN is the bridge name, else the only (or first) leaf. */
export function findBridge(certs: readonly ParsedCertificate[], bridgeName?: string): ParsedCertificate | undefined {
  const leaves = certs.filter((c) => !c.isCa && c.role !== 'ca')
  const wanted = bridgeName?.trim().toLowerCase()
  return (wanted ? leaves.find((c) => c.commonName?.toLowerCase() === wanted) : undefined) ?? leaves[0]
}
