/**
 * The practice CUCM's state per lab, kept beside the practice router's (`practice-labs/<lab>.cucm.json`):
 * each node's certificates, trust stores per service and Cisco CallManager's state; the cluster's
 * device pools, locations, conference bridges, media resource groups and lists, phones; and which
 * media resources are registered.
 */
import { z } from 'zod'

const Pair = z.object({ cert: z.string(), key: z.string() })
const TrustEntry = z.object({ pem: z.string(), sha256: z.string(), subject: z.string(), description: z.string(), uploadedAt: z.string() })
const ServiceState = z.object({
  status: z.enum(['Started', 'Stopped', 'Starting', 'Stopping', 'Unknown']),
  startedAt: z.string(),
  /** SHA-256 of the CallManager-trust certificates read when the service last started. */
  loadedTrust: z.array(z.string()),
})
const NodeState = z.object({
  name: z.string(),
  tomcat: Pair,
  callmanagerPem: z.string(),
  /** service ("callmanager", "tomcat", …) → trusted certificates */
  trust: z.record(z.string(), z.array(TrustEntry)),
  callmanager: ServiceState,
})
export const PracticeCucmStateSchema = z.object({
  format: z.literal(1),
  nodes: z.object({ publisher: NodeState, subscriber: NodeState }),
  devicePools: z.array(z.object({ name: z.string(), mediaResourceListName: z.string() })),
  locations: z.array(z.string()),
  conferenceBridges: z.array(
    z.object({
      name: z.string(),
      product: z.string(),
      devicePoolName: z.string(),
      locationName: z.string(),
      securityProfileName: z.string(),
      description: z.string(),
      uuid: z.string(),
    }),
  ),
  mediaResourceGroups: z.array(
    z.object({ name: z.string(), description: z.string(), multicast: z.string(), members: z.array(z.string()), uuid: z.string() }),
  ),
  mediaResourceLists: z.array(z.object({ name: z.string(), groups: z.array(z.string()), uuid: z.string() })),
  phones: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      model: z.string(),
      devicePoolName: z.string(),
      mediaResourceListName: z.string(),
      appliedAt: z.string(),
    }),
  ),
  registrations: z.array(
    z.object({
      name: z.string(),
      node: z.string(),
      ipAddress: z.string(),
      status: z.enum(['Registered', 'UnRegistered', 'Rejected']),
      statusReason: z.string(),
      at: z.string(),
    }),
  ),
})
export type PracticeCucmState = z.infer<typeof PracticeCucmStateSchema>
export type PracticeNodeKey = keyof PracticeCucmState['nodes']
export type PracticeNodeState = PracticeCucmState['nodes'][PracticeNodeKey]

export const PUBLISHER_NAME = 'CUCMPUB15'
export const SUBSCRIBER_NAME = 'CUCMSUB15'
/** As getCCMVersion reports a CUCM 15 SU (format of Cisco's build strings). */
export const PRACTICE_VERSION = '15.0.1.11900(23)'
/** The two device security profiles CUCM offers an IOS Enhanced Conference Bridge. */
export const BRIDGE_SECURITY_PROFILES = ['Non Secure Conference Bridge', 'Encrypted Conference Bridge']

export function defaultState(
  certs: {
    publisherTomcat: { cert: string; key: string }
    subscriberTomcat: { cert: string; key: string }
    publisherCallManager: string
    subscriberCallManager: string
  },
  now = new Date(),
): PracticeCucmState {
  const started = now.toISOString()
  const node = (name: string, tomcat: { cert: string; key: string }, callmanagerPem: string) => ({
    name,
    tomcat,
    callmanagerPem,
    trust: { callmanager: [], tomcat: [] },
    callmanager: { status: 'Started' as const, startedAt: started, loadedTrust: [] },
  })
  return {
    format: 1,
    nodes: {
      publisher: node(PUBLISHER_NAME, certs.publisherTomcat, certs.publisherCallManager),
      subscriber: node(SUBSCRIBER_NAME, certs.subscriberTomcat, certs.subscriberCallManager),
    },
    devicePools: [
      { name: 'Default', mediaResourceListName: '' },
      { name: 'DP_HQ', mediaResourceListName: '' },
    ],
    locations: ['Hub_None', 'Phantom', 'Shadow', 'LOC_HQ'],
    conferenceBridges: [],
    mediaResourceGroups: [],
    mediaResourceLists: [],
    phones: ['1001', '1002', '1003'].map((dn, i) => ({
      name: `SEP00A3D15E7B0${i + 1}`,
      description: `Practice 8865NR DN ${dn}`,
      model: 'Cisco 8865NR',
      devicePoolName: 'DP_HQ',
      mediaResourceListName: '',
      appliedAt: '',
    })),
    registrations: [],
  }
}
