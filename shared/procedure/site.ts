import { z } from 'zod'

/**
 * Site variables: the `x.x.x.x` placeholders of the tech note plus the names it hard-codes.
 * The schema checks shape only, so a half-typed form can still be stored; `validateSite` says
 * what is wrong with each value and why.
 */
export const KNOWN_CODECS = [
  'g711ulaw',
  'g711alaw',
  'g722-64',
  'g729r8',
  'g729ar8',
  'g729br8',
  'g729abr8',
  'ilbc',
  'isac',
  'opus',
  'gsmamr-nb',
] as const

/**
 * `sccp ccm <ip> identifier <n> version ?` on IOS 15.x lists 3.0 … 6.0 and `7.0+`; IOS takes the
 * unambiguous prefix `7.0` as `7.0+`. `auto` exists only on some releases.
 */
export const SCCP_VERSIONS = ['3.0', '3.1', '3.2', '3.3', '4.0', '4.1', '5.0.1', '6.0', '7.0', '7.0+', 'auto'] as const

/**
 * One node of the bridge's CUCM group (the nodes the bridge may register with).
 * - `name`: the server name as CUCM shows it (System → Server). CUCM's conference-bridge page
 *   reports "Registered with Cisco Unified Communications Manager <name>" (the tech note shows
 *   `CUCMPUB15`, a name, not an IP; shared/DOMAIN.md step 13).
 * - `priority`: the order in `associate ccm <id> priority <1-4>` (Cisco IOS Voice Command
 *   Reference, `associate ccm`: priority 1 to 4, 1 tried first; the practice router's help says
 *   the same. Not re-read against the reference page here: evidence thin).
 * - `publisher`: the cluster's publisher. Exactly one node is. CUCM's administrative APIs (AXL)
 *   live on the publisher, the per-node ones (certificates, services, RIS) on every node.
 * The shape checks only types, like the other site variables; `validateSite` judges values.
 */
export const CucmNodeSchema = z.object({
  name: z.string().max(64).default(''),
  ip: z.string().max(64).default(''),
  priority: z.number().int().default(1),
  publisher: z.boolean().default(false),
})
export type CucmNode = z.infer<typeof CucmNodeSchema>

/** Stored list cap (shape); validation allows 1–4, one per `associate ccm` priority. */
export const MAX_STORED_CUCM_NODES = 8

/**
 * How the router trusts CUCM's CallManager certificates (step 9):
 * - `per-node`: self-signed CallManager certificates (CUCM's default): one trustpoint per node.
 * - `ca-root`: the CallManager certificates are signed by a CA: one trustpoint holding that CA's
 *   root certificate trusts every node.
 */
export const CALLMANAGER_TRUST_MODES = ['per-node', 'ca-root'] as const
export type CallManagerTrust = (typeof CALLMANAGER_TRUST_MODES)[number]

const SiteVarsObject = z.object({
  ntpServerIp: z.string().max(64).default(''),
  /** The router's own address: `enrollment url http://<caIp>:80`. */
  caIp: z.string().max(64).default(''),
  /** The bridge's CUCM group: name, IP and priority of each node; the publisher is among them. */
  cucmNodes: z
    .array(CucmNodeSchema)
    .max(MAX_STORED_CUCM_NODES)
    .default(() => [{ name: '', ip: '', priority: 1, publisher: true }]),
  callManagerTrust: z.enum(CALLMANAGER_TRUST_MODES).default('per-node'),
  sccpInterface: z.string().max(64).default('GigabitEthernet0/1'),
  voiceCard: z.string().max(16).default('0'),
  caName: z.string().max(64).default('testCA'),
  bridgeName: z.string().max(64).default('SecureCFB'),
  cucmTrustpoint: z.string().max(64).default('cucm-pub'),
  dspProfileId: z.number().int().default(666),
  ccmIdentifier: z.number().int().default(666),
  ccmGroupId: z.number().int().default(666),
  codecs: z
    .array(z.string().max(32))
    .max(16)
    .default(() => ['g711ulaw', 'g711alaw', 'g729r8']),
  maximumSessions: z.number().int().default(4),
  sccpVersion: z.string().max(16).default('7.0+'),
  /** Empty: not configured (the tech note has none); some IOS releases need `v1.2` for CUCM 15. */
  phoneDns: z
    .array(z.string().max(32))
    .max(16)
    .default(() => ['1001', '1002', '1003']),
  lifetimeCertificateDays: z.number().int().default(1800),
  /** IOS default CA lifetime (3 years); certificates it issues cannot outlive it. */
  caLifetimeDays: z.number().int().default(1095),
})

/**
 * Sites saved before the node list had one `cucmPublisherIp`: it becomes the one node of the
 * group (the publisher, priority 1). Its name is unknown, so the form asks for it.
 */
function upgradeSavedSite(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw
  const old = raw as Record<string, unknown>
  if ('cucmNodes' in old) return raw
  const { cucmPublisherIp, ...rest } = old
  if (typeof cucmPublisherIp !== 'string') return raw
  return { ...rest, cucmNodes: [{ name: '', ip: cucmPublisherIp, priority: 1, publisher: true }] }
}

/** Site variables as stored; older saved sites are upgraded on parse. */
export const SiteVarsSchema = z.preprocess(upgradeSavedSite, SiteVarsObject)
/** Each field's own schema (for a form that stores one field at a time). */
export const SITE_FIELD_SCHEMAS = SiteVarsObject.shape

export type SiteVars = z.infer<typeof SiteVarsObject>
export type SiteField = keyof SiteVars

export const SITE_FIELD_NAMES = Object.keys(SiteVarsObject.shape) as SiteField[]

export function defaultSite(): SiteVars {
  return SiteVarsObject.parse({})
}

/** Defaults plus documentation addresses (RFC 5737): for tests, demos and the practice router. */
export function exampleSite(): SiteVars {
  return {
    ...defaultSite(),
    ntpServerIp: '192.0.2.123',
    caIp: '192.0.2.10',
    // The tech note's publisher name (its step 13 screenshot).
    cucmNodes: [{ name: 'CUCMPUB15', ip: '192.0.2.20', priority: 1, publisher: true }],
  }
}

export interface SiteFieldInfo {
  readonly label: string
  readonly help: string
  readonly example: string
}

export const SITE_FIELDS: Readonly<Record<SiteField, SiteFieldInfo>> = {
  ntpServerIp: {
    label: 'NTP server IP',
    help: 'The CA will not start until the router clock is synchronized to it.',
    example: '10.10.10.1',
  },
  caIp: {
    label: 'CA IP (this router)',
    help: "The router's own address, used in `enrollment url http://<ip>:80`.",
    example: '10.10.10.254',
  },
  cucmNodes: {
    label: 'CUCM group nodes',
    help: "The nodes of the bridge's CUCM group (name as CUCM shows it, IP, priority 1–4); the bridge registers over SCCP/TLS (port 2443) to the first reachable one. Mark the publisher.",
    example: 'CUCMPUB15 10.10.10.10 1',
  },
  callManagerTrust: {
    label: 'CallManager certificates',
    help: 'Self-signed (CUCM default): one trustpoint per node. CA-signed: one trustpoint with the CA root trusts every node.',
    example: 'per-node',
  },
  sccpInterface: {
    label: 'SCCP interface',
    help: 'The router interface whose address SCCP uses (`sccp local`).',
    example: 'GigabitEthernet0/1',
  },
  voiceCard: { label: 'Voice card', help: 'Slot of the DSPs (`voice-card 0`).', example: '0' },
  caName: { label: 'CA name', help: 'Name of the IOS certificate server and its trustpoint.', example: 'testCA' },
  bridgeName: {
    label: 'Bridge name',
    help: 'Trustpoint, certificate CN, `register` name and CUCM conference bridge name: all the same.',
    example: 'SecureCFB',
  },
  cucmTrustpoint: { label: 'CUCM trustpoint', help: "Trustpoint holding CUCM's CallManager certificate.", example: 'cucm-pub' },
  dspProfileId: { label: 'DSP farm profile', help: '`dspfarm profile <n> conference security`.', example: '666' },
  ccmIdentifier: { label: 'CCM identifier', help: '`sccp ccm <ip> identifier <n>`.', example: '666' },
  ccmGroupId: { label: 'CCM group', help: '`sccp ccm group <n>`.', example: '666' },
  codecs: { label: 'Codecs', help: 'One `codec` line each, under the DSP farm profile.', example: 'g711ulaw g711alaw g729r8' },
  maximumSessions: { label: 'Maximum sessions', help: 'Conferences the profile may host at once; limited by the DSPs.', example: '4' },
  sccpVersion: { label: 'SCCP version', help: 'Use 7.0+ for CUCM 7 and later.', example: '7.0+' },
  phoneDns: { label: 'Phone DNs', help: 'The three encrypted phones used for the conference test.', example: '1001 1002 1003' },
  lifetimeCertificateDays: {
    label: 'Certificate lifetime (days)',
    help: "IOS caps it at the CA certificate's remaining life.",
    example: '1800',
  },
  caLifetimeDays: {
    label: 'CA lifetime (days)',
    help: 'IOS default 1095; a `lifetime ca-certificate` line is added only if changed.',
    example: '1095',
  },
}
