/**
 * The CUCM connections of all sites, as the contract sees them. Credentials live in memory for
 * the session; they are kept only on request, sealed by the OS keychain (SecretStore), never in
 * the state file.
 */
import path from 'node:path'
import { applyAction, certificateFacts, planAction, type ActionOptions } from './actions'
import { ApiLog } from './api-log'
import { CUCM_VERSIONS, type CucmVersion, type Phone } from './axl'
import { CertPinStore } from './cert-pins'
import { CucmError } from './errors'
import { certificateApiAvailable } from './platform-certs'
import { nodeLabel, probeCertificate } from './pinned-agent'
import { STATUS_REASONS } from './serviceability'
import { SiteConnection, distinctNodes } from './site-connection'
import { fitText } from '../../../shared/contract/fit'
import type { HttpOptions } from './http'
import type { SecretStore } from '../secrets/secret-store'
import type {
  CucmAction,
  CucmApplyResult,
  CucmConnectResult,
  CucmConnection,
  CucmCredential,
  CucmPlan,
  CucmRegistration,
} from '../../../shared/contract/cucm'

export interface CucmServiceOptions {
  readonly userDataDir: string
  readonly secrets: SecretStore
  readonly http?: Partial<HttpOptions>
  readonly connectTimeoutMs?: number
  readonly actions?: ActionOptions
  readonly warn?: (message: string) => void
}

/** "15.0.1.11900(23)" → 15.0; "12.5.1…" → 12.5; anything older is not supported. */
export function schemaVersionFor(reported: string): CucmVersion | undefined {
  const [major = NaN, minor = NaN] = reported.split(/[.(-]/).map(Number)
  if (major >= 15) return '15.0'
  if (major === 14) return '14.0'
  if (major === 12 && minor >= 5) return '12.5'
  return undefined
}

const secretKey = (site: string, which: 'axl' | 'platform'): string => `cucm:${site}:${which}`

export class CucmService {
  readonly pins: CertPinStore
  private readonly sites = new Map<string, SiteConnection>()
  private readonly logs = new Map<string, ApiLog>()
  private readonly logDir: string

  constructor(private readonly options: CucmServiceOptions) {
    this.pins = new CertPinStore(path.join(options.userDataDir, 'cucm_certificates.json'))
    this.logDir = path.join(options.userDataDir, 'cucm-logs')
  }

  log(site: string): ApiLog {
    let log = this.logs.get(site)
    if (!log) {
      log = ApiLog.forSite(this.logDir, site, this.options.warn)
      this.logs.set(site, log)
    }
    return log
  }

  private async credential(
    site: string,
    which: 'axl' | 'platform',
    given: CucmCredential | undefined,
  ): Promise<CucmCredential | undefined> {
    if (given) return given
    const kept = await this.options.secrets.get(secretKey(site, which))
    return kept && kept.length === 2 ? { user: kept[0] ?? '', password: kept[1] ?? '' } : undefined
  }

  async connect(
    spec: CucmConnection,
    given: { axl?: CucmCredential; platform?: CucmCredential; remember: boolean },
  ): Promise<CucmConnectResult> {
    const timeout = this.options.connectTimeoutMs ?? 15_000
    const nodes = distinctNodes(spec)
    const sha: Record<string, string> = {}
    for (const node of nodes) {
      const presented = await probeCertificate(node, timeout)
      const status = await this.pins.check(node.host, node.port, presented.sha256)
      sha[nodeLabel(node)] = presented.sha256
      if (status.status === 'known') continue
      const ref = { name: node.name, host: node.host, port: node.port }
      return {
        status: 'certificate',
        node: ref,
        change: status.status,
        sha256: presented.sha256,
        ...(status.status === 'changed' ? { previous: status.recorded.sha256 } : {}),
        subject: presented.subject.slice(0, 1000),
        issuer: presented.issuer.slice(0, 1000),
        validTo: presented.validTo.slice(0, 64),
        message:
          status.status === 'new'
            ? `First connection to ${node.name} (${nodeLabel(node)}): trust its certificate only if this SHA-256 fingerprint matches the tomcat certificate shown in CUCM OS Administration.`
            : `The certificate of ${node.name} (${nodeLabel(node)}) CHANGED since it was trusted. Nothing was sent. Accept the new one only if it was regenerated or renewed on purpose.`,
      }
    }
    const axl = await this.credential(spec.site, 'axl', given.axl)
    const platform = await this.credential(spec.site, 'platform', given.platform)
    const needsPlatform = certificateApiAvailable(spec.version)
    const missing = [...(axl ? [] : ['axl' as const]), ...(platform || !needsPlatform ? [] : ['platform' as const])]
    if (!axl || missing.length > 0) {
      return {
        status: 'credentials',
        missing,
        message: `Enter the ${missing.map((m) => (m === 'axl' ? 'AXL application user' : 'platform (OS administrator)')).join(' and ')} for ${spec.site}.`,
      }
    }
    this.sites.get(spec.site)?.dispose()
    this.sites.delete(spec.site)
    const log = this.log(spec.site)
    const probe = new SiteConnection(spec, spec.version, axl, platform, {
      pins: this.pins,
      log,
      ...(this.options.http ? { http: this.options.http } : {}),
      connectTimeoutMs: timeout,
    })
    const notes: string[] = []
    let reported: string
    try {
      // Asked in the oldest schema supported: every CUCM from 12.5 on answers it, whatever the setting says.
      reported = await probe.axl('12.5').getCCMVersion()
    } finally {
      probe.dispose()
    }
    const supported = schemaVersionFor(reported)
    if (!supported) {
      throw new CucmError({
        kind: 'needs-version',
        message: `CUCM reports version ${reported}; Lab Console supports CUCM 12.5 to 15.`,
        request: 'AXL getCCMVersion',
      })
    }
    // AXL answers older schema versions, never newer ones: use the lower of the two.
    const version = CUCM_VERSIONS.indexOf(supported) < CUCM_VERSIONS.indexOf(spec.version) ? supported : spec.version
    if (version !== spec.version)
      notes.push(`The connection is set to CUCM ${spec.version} but CUCM reports ${reported}: using the AXL ${version} schema.`)
    const certificateApi = certificateApiAvailable(version)
    if (!certificateApi)
      notes.push(
        `CUCM ${version} has no certificate management API (it exists from CUCM 14): download CallManager.pem and upload to CallManager-trust in OS Administration.`,
      )
    const site = new SiteConnection(spec, version, axl, platform, {
      pins: this.pins,
      log,
      ...(this.options.http ? { http: this.options.http } : {}),
      connectTimeoutMs: timeout,
    })
    try {
      if (certificateApi) await site.platform(spec.publisher).trusted()
    } catch (error) {
      site.dispose()
      throw error
    }
    this.sites.set(spec.site, site)
    let remembered = false
    if (given.remember) {
      try {
        await this.options.secrets.set(secretKey(spec.site, 'axl'), [axl.user, axl.password])
        if (platform) await this.options.secrets.set(secretKey(spec.site, 'platform'), [platform.user, platform.password])
        remembered = true
      } catch (error) {
        notes.push(fitText(`The credentials were not remembered: ${(error as Error).message}`, 500))
      }
    }
    if (spec.readOnly) notes.push('Read-only: this site verifies and never changes CUCM.')
    return {
      status: 'connected',
      reportedVersion: reported.slice(0, 64),
      version,
      certificateApi,
      readOnly: spec.readOnly,
      nodes: nodes.map((n) => ({ name: n.name, host: n.host, port: n.port, sha256: sha[nodeLabel(n)] ?? '' })),
      remembered,
      notes,
    }
  }

  /** Pins what the node presents now, if it is what the user was shown. */
  async trust(host: string, port: number, sha256: string): Promise<void> {
    const presented = await probeCertificate({ host, port }, this.options.connectTimeoutMs ?? 15_000)
    if (presented.sha256 !== sha256) {
      throw new CucmError({
        kind: 'changed-certificate',
        node: `${host}:${port}`,
        fingerprint: presented.sha256,
        message: `${host}:${port} now presents ${presented.sha256}, not the certificate you accepted (${sha256}). Nothing was trusted.`,
      })
    }
    await this.pins.pin(host, port, sha256, presented.subject)
  }

  site(site: string): SiteConnection {
    const found = this.sites.get(site)
    if (!found) throw new CucmError({ kind: 'unauthorized', message: `Site ${site} is not connected to CUCM.`, hint: 'Connect it first.' })
    return found
  }

  disconnect(site: string): void {
    this.sites.get(site)?.dispose()
    this.sites.delete(site)
  }

  async forgetCredentials(site: string): Promise<void> {
    await this.options.secrets.forget(secretKey(site, 'axl'))
    await this.options.secrets.forget(secretKey(site, 'platform'))
  }

  async lists(site: string): Promise<{ devicePools: string[]; locations: string[] }> {
    const axl = this.site(site).axl()
    // CUCM decides how many there are: keep what the contract carries (names are 50–128 long in AXL).
    const fit = (names: string[]): string[] => names.slice(0, 5000).map((n) => fitText(n, 128))
    return { devicePools: fit(await axl.listDevicePools()), locations: fit(await axl.listLocations()) }
  }

  async phones(site: string, search: string): Promise<{ phones: Phone[]; truncated: boolean }> {
    const { phones, truncated } = await this.site(site).axl().listPhones(search)
    return {
      truncated,
      phones: phones.map((p) => ({
        name: fitText(p.name, 128),
        description: fitText(p.description, 256),
        model: fitText(p.model, 128),
        devicePoolName: fitText(p.devicePoolName, 128),
        mediaResourceListName: fitText(p.mediaResourceListName, 128),
      })),
    }
  }

  async callManagerPems(site: string, nodeNames: readonly string[]): Promise<{ node: string; pem: string; sha256: string }[]> {
    const connection = this.site(site)
    const nodes = nodeNames.length > 0 ? nodeNames.map((n) => connection.node(n)) : connection.groupNodes()
    const out: { node: string; pem: string; sha256: string }[] = []
    for (const node of nodes) {
      const pem = await connection.platform(node).identity('callmanager')
      if (pem.length > 64 * 1024)
        throw new CucmError({
          kind: 'bad-answer',
          node: nodeLabel(node),
          message: `The CallManager certificate ${node.name} sent is larger than 64 KB; it was not taken.`,
        })
      out.push({ node: node.name, pem, sha256: certificateFacts(pem).sha256 })
    }
    return out
  }

  async registration(site: string, name: string): Promise<CucmRegistration> {
    const { total, devices } = await this.site(site).ris().mediaResource(name)
    const mine = devices.filter((d) => d.name.toLowerCase() === name.toLowerCase())
    const registered = mine.find((d) => d.status === 'Registered')
    const other = mine[0]
    const summary = registered
      ? `${registered.name} is Registered with ${registered.node} from ${registered.ipAddress || 'an unknown address'} (${registered.protocol || 'SCCP'}).`
      : other
        ? `${other.name} is ${other.status} on ${other.node}${other.statusReason && other.statusReason !== '0' ? ` (StatusReason ${other.statusReason}${STATUS_REASONS[other.statusReason] ? ` ${STATUS_REASONS[other.statusReason]}` : ''})` : ''}.`
        : `CUCM knows no registration of ${name} (RisPort70 found no MediaResources device by that name).`
    const shown = devices.slice(0, 50).map((d) => ({
      node: fitText(d.node, 128),
      name: fitText(d.name, 128),
      status: fitText(d.status, 64),
      statusReason: fitText(d.statusReason, 64),
      protocol: fitText(d.protocol, 32),
      ipAddress: fitText(d.ipAddress, 64),
      description: fitText(d.description, 256),
    }))
    return { name, total, devices: shown, summary: fitText(summary, 1000), registered: registered !== undefined }
  }

  plan(site: string, action: CucmAction): Promise<CucmPlan> {
    return planAction(this.site(site), action, this.options.actions)
  }

  apply(site: string, action: CucmAction, planHash: string): Promise<CucmApplyResult> {
    return applyAction(this.site(site), action, planHash, this.options.actions)
  }

  /** Resolves once every API log line so far is on disk. */
  async flushed(): Promise<void> {
    await Promise.all([...this.logs.values()].map((log) => log.flushed()))
  }

  dispose(): void {
    for (const site of this.sites.values()) site.dispose()
    this.sites.clear()
  }
}
