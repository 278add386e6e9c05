/**
 * A site's live connection to its CUCM cluster: the connection settings, the credentials given
 * for this session, one pinned HTTPS agent per node, the clients built on them, and the API log.
 */
import { AxlClient, type CucmVersion } from './axl'
import { CucmError } from './errors'
import { CucmHttp, DEFAULT_HTTP_OPTIONS, type Credential, type HttpOptions } from './http'
import { PinnedAgent, nodeLabel } from './pinned-agent'
import { PlatformCertClient } from './platform-certs'
import { ControlCenterClient, RisPortClient } from './serviceability'
import type { ApiLog } from './api-log'
import type { CertPinStore } from './cert-pins'
import type { CucmConnection, CucmNode } from '../../../shared/contract/cucm'

export interface SiteConnectionOptions {
  readonly pins: CertPinStore
  readonly log: ApiLog
  readonly http?: Partial<HttpOptions>
  readonly connectTimeoutMs?: number
}

/** The publisher and the group's nodes, each once (by host and port). */
export function distinctNodes(spec: CucmConnection): CucmNode[] {
  const seen = new Map<string, CucmNode>()
  for (const node of [spec.publisher, ...spec.nodes]) {
    const key = nodeLabel(node).toLowerCase()
    if (!seen.has(key)) seen.set(key, node)
  }
  return [...seen.values()]
}

export class SiteConnection {
  private readonly agents = new Map<string, PinnedAgent>()
  private readonly httpOptions: HttpOptions

  constructor(
    readonly spec: CucmConnection,
    readonly version: CucmVersion,
    private readonly axlCredential: Credential,
    private readonly platformCredential: Credential | undefined,
    private readonly options: SiteConnectionOptions,
  ) {
    this.httpOptions = { ...DEFAULT_HTTP_OPTIONS, ...options.http }
  }

  get log(): ApiLog {
    return this.options.log
  }

  /** The nodes of the bridge's CUCM group; the publisher when none was given. */
  groupNodes(): CucmNode[] {
    return this.spec.nodes.length > 0 ? [...this.spec.nodes] : [this.spec.publisher]
  }

  node(name: string): CucmNode {
    const found = distinctNodes(this.spec).find((n) => n.name.toLowerCase() === name.toLowerCase())
    if (!found) {
      throw new CucmError({
        kind: 'bad-answer',
        message: `No node named "${name}" in this site's CUCM connection (${distinctNodes(this.spec)
          .map((n) => n.name)
          .join(', ')}).`,
      })
    }
    return found
  }

  private http(node: CucmNode): CucmHttp {
    const key = nodeLabel(node).toLowerCase()
    let agent = this.agents.get(key)
    if (!agent) {
      agent = new PinnedAgent(node, this.options.pins, this.options.connectTimeoutMs ?? this.httpOptions.timeoutMs)
      this.agents.set(key, agent)
    }
    return new CucmHttp(node, agent, this.options.log, this.httpOptions)
  }

  axl(version: CucmVersion = this.version): AxlClient {
    return new AxlClient(this.http(this.spec.publisher), version, this.axlCredential)
  }

  platform(node: CucmNode): PlatformCertClient {
    if (!this.platformCredential) {
      throw new CucmError({
        kind: 'unauthorized',
        message: 'No platform (OS administrator) credential was given for this site.',
        hint: 'Connect again with the platform user: the certificate API needs it.',
      })
    }
    return new PlatformCertClient(this.http(node), this.version, this.platformCredential)
  }

  control(node: CucmNode): ControlCenterClient {
    return new ControlCenterClient(this.http(node), this.axlCredential)
  }

  ris(): RisPortClient {
    return new RisPortClient(this.http(this.spec.publisher), this.axlCredential)
  }

  dispose(): void {
    for (const agent of this.agents.values()) agent.destroy()
    this.agents.clear()
  }
}
