import { z } from 'zod'
import { method } from './define'

/**
 * The CUCM half of the procedure: a connection per site (publisher + the nodes of the bridge's
 * CUCM group), reads (version, lists, CallManager.pem, registration) and actions that are
 * planned first ("what it will change") and applied only with the plan's hash, so nothing
 * changes that the user did not see.
 */

const SiteId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/)
const Lab = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
const Host = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9.:_[\]-]+$/, 'a host name or IP address')
const Port = z.number().int().min(1).max(65535)
const NodeName = z.string().min(1).max(128)
const Sha256 = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
const Text = (max: number) => z.string().max(max)
const Pem = z
  .string()
  .min(1)
  .max(64 * 1024)

export const CucmVersion = z.enum(['12.5', '14.0', '15.0'])
export type CucmVersion = z.infer<typeof CucmVersion>

export const CucmNode = z.object({ name: NodeName, host: Host, port: Port.default(8443) })
export type CucmNode = z.infer<typeof CucmNode>

export const CucmConnection = z.object({
  site: SiteId,
  publisher: CucmNode,
  /** The nodes of the bridge's CUCM group (restart, CallManager.pem); the publisher when empty. */
  nodes: z.array(CucmNode).max(8).default([]),
  version: CucmVersion.default('15.0'),
  /** Verifies, never changes anything. */
  readOnly: z.boolean().default(false),
})
export type CucmConnection = z.infer<typeof CucmConnection>

export const CucmCredential = z.object({ user: z.string().min(1).max(128), password: z.string().max(256) })
export type CucmCredential = z.infer<typeof CucmCredential>

const NodeRef = z.object({ name: NodeName, host: Host, port: Port })

export const CucmConnectResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('connected'),
    /** As CUCM reports it (getCCMVersion), e.g. "15.0.1.11900(23)". */
    reportedVersion: Text(64),
    /** The AXL schema version in use. */
    version: CucmVersion,
    certificateApi: z.boolean(),
    readOnly: z.boolean(),
    nodes: z.array(NodeRef.extend({ sha256: Sha256 })).max(9),
    remembered: z.boolean(),
    notes: z.array(Text(500)).max(20),
  }),
  z.object({
    status: z.literal('certificate'),
    node: NodeRef,
    change: z.enum(['new', 'changed']),
    sha256: Sha256,
    previous: Sha256.optional(),
    subject: Text(1000),
    issuer: Text(1000),
    validTo: Text(64),
    message: Text(1000),
  }),
  z.object({ status: z.literal('credentials'), missing: z.array(z.enum(['axl', 'platform'])).max(2), message: Text(500) }),
])
export type CucmConnectResult = z.infer<typeof CucmConnectResult>

const TrustCert = z.object({ name: z.string().min(1).max(64), pem: Pem })

export const CucmAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('uploadTrust'), certificates: z.array(TrustCert).min(1).max(4), nodes: z.array(NodeName).max(8).default([]) }),
  z.object({
    kind: z.literal('restartCallManager'),
    nodes: z.array(NodeName).min(1).max(8),
    /** When the trust upload happened: a node whose CallManager started after it needs no restart. */
    uploadedAt: z.string().max(40).optional(),
  }),
  z.object({
    kind: z.literal('addConferenceBridge'),
    name: z.string().min(1).max(128),
    devicePoolName: z.string().min(1).max(128),
    locationName: z.string().min(1).max(128),
    securityProfileName: z.string().min(1).max(128).default('Encrypted Conference Bridge'),
    description: z.string().max(128).optional(),
  }),
  z.object({ kind: z.literal('mediaResources'), bridgeName: z.string().min(1).max(40) }),
  z.object({
    kind: z.literal('assignMrgl'),
    mrglName: z.string().min(1).max(50),
    phones: z.array(z.string().min(1).max(128)).max(500).default([]),
    devicePoolName: z.string().min(1).max(128).optional(),
  }),
])
export type CucmAction = z.infer<typeof CucmAction>
export type CucmActionInput = z.input<typeof CucmAction>

export const CucmActionKind = z.enum(['uploadTrust', 'restartCallManager', 'addConferenceBridge', 'mediaResources', 'assignMrgl'])

export const CucmChange = z.object({ node: Text(128).optional(), operation: Text(128), description: Text(2000) })
export type CucmChange = z.infer<typeof CucmChange>

export const CucmPlan = z.object({
  kind: CucmActionKind,
  summary: Text(2000),
  /** What applying will change, in order. Empty: CUCM is already right. */
  changes: z.array(CucmChange).max(1000),
  /** What was checked and is already right. */
  unchanged: z.array(Text(2000)).max(1000),
  warnings: z.array(Text(2000)).max(50),
  /** Why it cannot be applied as asked (a missing device pool, a conflicting object…). */
  blockers: z.array(Text(4000)).max(50),
  readOnly: z.boolean(),
  planHash: z.string().max(128),
})
export type CucmPlan = z.infer<typeof CucmPlan>

export const CucmApplyResult = z.object({
  kind: CucmActionKind,
  summary: Text(2000),
  results: z.array(z.object({ description: Text(2000), operation: Text(128), answer: Text(2000) })).max(1000),
  completedAt: z.string().max(40),
})
export type CucmApplyResult = z.infer<typeof CucmApplyResult>

export const CucmRegistration = z.object({
  name: z.string().max(128),
  total: z.number().int().min(0),
  devices: z
    .array(
      z.object({
        node: Text(128),
        name: Text(128),
        status: Text(64),
        statusReason: Text(64),
        protocol: Text(32),
        ipAddress: Text(64),
        description: Text(256),
      }),
    )
    .max(50),
  /** "Registered with CUCMPUB15 from 10.10.10.1" or why not. */
  summary: Text(1000),
  registered: z.boolean(),
})
export type CucmRegistration = z.infer<typeof CucmRegistration>

export const CucmPhone = z.object({
  name: Text(128),
  description: Text(256),
  model: Text(128),
  devicePoolName: Text(128),
  mediaResourceListName: Text(128),
})

export const CucmLogEntry = z.object({
  at: Text(40),
  direction: z.enum(['request', 'response', 'retry', 'error']),
  node: Text(300),
  summary: Text(1000),
  status: z.number().int().optional(),
  headers: z.record(z.string().max(200), Text(2000)).optional(),
  body: Text(9000).optional(),
})

const PracticeNode = NodeRef
export const PracticeCucmInfo = z.object({
  lab: Lab,
  version: CucmVersion,
  publisher: PracticeNode,
  subscriber: PracticeNode,
  axl: CucmCredential,
  platform: CucmCredential,
})
export type PracticeCucmInfo = z.infer<typeof PracticeCucmInfo>

const SiteIn = z.object({ site: SiteId })

export const cucmMethods = {
  /**
   * Checks each node's tomcat certificate against the pins, then the credentials and the version
   * (AXL getCCMVersion). Credentials come from the input or, when remembered, the keychain.
   */
  'cucm.connect': method(
    z.object({
      connection: CucmConnection,
      axl: CucmCredential.optional(),
      platform: CucmCredential.optional(),
      remember: z.boolean().default(false),
    }),
    CucmConnectResult,
  ),
  /** Trust (pin) the certificate a node presents now; refused unless it still has this fingerprint. */
  'cucm.trustCertificate': method(z.object({ host: Host, port: Port, sha256: Sha256 }), z.object({ pinned: z.literal(true) })),
  'cucm.disconnect': method(SiteIn, z.null()),
  'cucm.forgetCredentials': method(SiteIn, z.null()),
  /** Device pools and locations, for the conference bridge's pickers. */
  'cucm.lists': method(SiteIn, z.object({ devicePools: z.array(Text(128)).max(5000), locations: z.array(Text(128)).max(5000) })),
  'cucm.phones': method(
    SiteIn.extend({ search: z.string().max(64).default('') }),
    z.object({ phones: z.array(CucmPhone).max(200), truncated: z.boolean() }),
  ),
  /** Each node's CallManager.pem through the certificate management API (CUCM 14+). */
  'cucm.callManagerPem': method(
    SiteIn.extend({ nodes: z.array(NodeName).max(8).default([]) }),
    z.object({ certificates: z.array(z.object({ node: NodeName, pem: Pem, sha256: Sha256 })).max(8) }),
  ),
  'cucm.registration': method(SiteIn.extend({ name: z.string().min(1).max(128) }), CucmRegistration),
  /** What an action would change. Reads only. */
  'cucm.plan': method(SiteIn.extend({ action: CucmAction }), CucmPlan),
  /** Applies an action if its plan is still the one shown (same hash); refused in read-only mode. */
  'cucm.apply': method(SiteIn.extend({ action: CucmAction, planHash: z.string().min(1).max(128) }), CucmApplyResult),
  /** The site's API log (requests and answers, passwords and Authorization removed). */
  'cucm.log': method(
    SiteIn.extend({ limit: z.number().int().min(1).max(200).default(50) }),
    z.object({ path: Text(1000), entries: z.array(CucmLogEntry).max(200) }),
  ),
  /** Starts (or finds) the lab's practice CUCM and says where it listens and how to log in. */
  'cucm.practiceStart': method(z.object({ lab: Lab }), PracticeCucmInfo),
} as const
