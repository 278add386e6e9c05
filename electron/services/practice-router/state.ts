import { z } from 'zod'

/**
 * Everything a saved lab keeps: the configuration as typed plus what the PKI produced (keys,
 * certificates, serials). Runtime facts (NTP sync, SCCP registration, the current mode) are not
 * kept: after a restore they come back the way they would after a reload.
 */

const HashSchema = z.enum(['md5', 'sha1', 'sha256', 'sha512'])

const InterfaceSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  ipAddress: z.string().optional(),
  mask: z.string().optional(),
  shutdown: z.boolean(),
})

const KeySchema = z.object({
  pem: z.string(),
  bits: z.number().int(),
  exportable: z.boolean(),
  createdAt: z.string(),
})

const IssuedSchema = z.object({ serial: z.number().int(), subject: z.string(), pem: z.string() })
const PendingSchema = z.object({
  id: z.number().int(),
  trustpoint: z.string(),
  subject: z.string(),
  /** MD5 of the PKCS#10 request, as `crypto pki server … info requests` lists it. */
  fingerprint: z.string().optional(),
})

const PkiServerSchema = z.object({
  databaseLevel: z.enum(['minimum', 'names', 'complete']).optional(),
  databaseUrl: z.string().optional(),
  grantAuto: z.boolean(),
  lifetimeCertificateDays: z.number().int().optional(),
  lifetimeCaDays: z.number().int().optional(),
  hash: HashSchema.optional(),
  shutdown: z.boolean(),
  caCertPem: z.string().optional(),
  nextSerial: z.number().int(),
  nextRequestId: z.number().int(),
  issued: z.array(IssuedSchema),
  pending: z.array(PendingSchema),
})

const TrustpointSchema = z.object({
  enrollmentUrl: z.string().optional(),
  enrollmentTerminal: z.boolean().optional(),
  serialNumberNone: z.boolean().optional(),
  fqdnNone: z.boolean().optional(),
  ipAddressNone: z.boolean().optional(),
  subjectName: z.string().optional(),
  revocationCheck: z.array(z.string()).optional(),
  rsakeypair: z.string().optional(),
  rsakeypairBits: z.number().int().optional(),
  caCertPem: z.string().optional(),
  certPem: z.string().optional(),
  /** When each certificate was installed on the router (ISO): `Cert install time`. */
  caInstalledAt: z.string().optional(),
  certInstalledAt: z.string().optional(),
  /** Subject of a request sent but not yet answered by the CA. */
  pendingSubject: z.string().optional(),
})

const ProfileSchema = z.object({
  service: z.enum(['conference', 'transcode', 'mtp']),
  security: z.boolean(),
  description: z.string().optional(),
  trustpoint: z.string().optional(),
  codecs: z.array(z.string()),
  maximumSessions: z.number().int().optional(),
  application: z.string().optional(),
  shutdown: z.boolean(),
})

const CcmSchema = z.object({ address: z.string(), identifier: z.number().int(), version: z.string() })
const CcmGroupSchema = z.object({
  description: z.string().optional(),
  ccms: z.array(z.object({ identifier: z.number().int(), priority: z.number().int() })),
  profiles: z.array(z.object({ profile: z.number().int(), register: z.string() })),
})

export const RouterSnapshotSchema = z.object({
  format: z.literal('practice-router/1'),
  seed: z.string(),
  hostname: z.string(),
  enablePassword: z.string().optional(),
  /** `enable secret`, kept as IOS keeps it: the type 5 hash (`$1$salt$…`), never the secret. */
  enableSecret: z.string().optional(),
  httpServer: z.boolean(),
  ntpServers: z.array(z.string()),
  interfaces: z.array(InterfaceSchema),
  keys: z.record(z.string(), KeySchema),
  keyGenerations: z.number().int(),
  exports: z.number().int(),
  pkiServers: z.record(z.string(), PkiServerSchema),
  trustpoints: z.record(z.string(), TrustpointSchema),
  voiceCard: z.object({ slot: z.number().int(), dspfarm: z.boolean() }).optional(),
  dspfarmProfiles: z.record(z.string(), ProfileSchema),
  sccp: z.object({
    enabled: z.boolean(),
    local: z.string().optional(),
    ccms: z.array(CcmSchema),
    groups: z.record(z.string(), CcmGroupSchema),
  }),
  lastChange: z.string().optional(),
})

export type RouterSnapshot = z.infer<typeof RouterSnapshotSchema>
export type InterfaceConfig = z.infer<typeof InterfaceSchema>
export type PkiServerConfig = z.infer<typeof PkiServerSchema>
export type TrustpointConfig = z.infer<typeof TrustpointSchema>
export type DspfarmProfile = z.infer<typeof ProfileSchema>
export type CcmGroup = z.infer<typeof CcmGroupSchema>
export type KeyRecord = z.infer<typeof KeySchema>

export const DEFAULT_INTERFACES: readonly InterfaceConfig[] = [
  { name: 'GigabitEthernet0/0', shutdown: true },
  { name: 'GigabitEthernet0/1', ipAddress: '10.10.10.1', mask: '255.255.255.0', shutdown: false },
  { name: 'GigabitEthernet0/2', shutdown: true },
]

export function defaultSnapshot(seed: string, hostname: string): RouterSnapshot {
  return {
    format: 'practice-router/1',
    seed,
    hostname,
    httpServer: false,
    ntpServers: [],
    interfaces: DEFAULT_INTERFACES.map((i) => ({ ...i })),
    keys: {},
    keyGenerations: 0,
    exports: 0,
    pkiServers: {},
    trustpoints: {},
    dspfarmProfiles: {},
    sccp: { enabled: false, ccms: [], groups: {} },
  }
}

/** Validates a snapshot from disk or from the app; throws with zod's explanation when it is not one. */
export function restoreSnapshot(value: unknown): RouterSnapshot {
  return structuredClone(RouterSnapshotSchema.parse(value))
}

export function newPkiServer(): PkiServerConfig {
  return { grantAuto: false, shutdown: true, nextSerial: 1, nextRequestId: 1, issued: [], pending: [] }
}
