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

export const DSP_TLS_VERSIONS = ['', 'v1.0', 'v1.1', 'v1.2'] as const

export const SiteVarsSchema = z.object({
  ntpServerIp: z.string().max(64).default(''),
  /** The router's own address: `enrollment url http://<caIp>:80`. */
  caIp: z.string().max(64).default(''),
  cucmPublisherIp: z.string().max(64).default(''),
  sccpInterface: z.string().max(64).default('GigabitEthernet0/1'),
  voiceCard: z.string().max(16).default('0'),
  caName: z.string().max(64).default('testCA'),
  bridgeName: z.string().max(64).default('SecureCFB'),
  cucmTrustpoint: z.string().max(64).default('cucm-pub'),
  dspProfileId: z.number().int().default(666),
  ccmIdentifier: z.number().int().default(666),
  ccmGroupId: z.number().int().default(666),
  codecs: z.array(z.string().max(32)).max(16).default(() => ['g711ulaw', 'g711alaw', 'g729r8']),
  maximumSessions: z.number().int().default(4),
  sccpVersion: z.string().max(16).default('7.0+'),
  /** Empty: not configured (the tech note has none); some IOS releases need `v1.2` for CUCM 15. */
  dspTlsVersion: z.enum(DSP_TLS_VERSIONS).default(''),
  phoneDns: z.array(z.string().max(32)).max(16).default(() => ['1001', '1002', '1003']),
  lifetimeCertificateDays: z.number().int().default(1800),
  /** IOS default CA lifetime (3 years); certificates it issues cannot outlive it. */
  caLifetimeDays: z.number().int().default(1095),
})

export type SiteVars = z.infer<typeof SiteVarsSchema>
export type SiteField = keyof SiteVars

export const SITE_FIELD_NAMES = Object.keys(SiteVarsSchema.shape) as SiteField[]

export function defaultSite(): SiteVars {
  return SiteVarsSchema.parse({})
}

/** Defaults plus documentation addresses (RFC 5737): for tests, demos and the practice router. */
export function exampleSite(): SiteVars {
  return { ...defaultSite(), ntpServerIp: '192.0.2.123', caIp: '192.0.2.10', cucmPublisherIp: '192.0.2.20' }
}

export interface SiteFieldInfo {
  readonly label: string
  readonly help: string
  readonly example: string
}

export const SITE_FIELDS: Readonly<Record<SiteField, SiteFieldInfo>> = {
  ntpServerIp: { label: 'NTP server IP', help: 'The CA will not start until the router clock is synchronized to it.', example: '10.10.10.1' },
  caIp: { label: 'CA IP (this router)', help: "The router's own address, used in `enrollment url http://<ip>:80`.", example: '10.10.10.254' },
  cucmPublisherIp: { label: 'CUCM publisher IP', help: 'Where the bridge registers over SCCP/TLS (port 2443).', example: '10.10.10.10' },
  sccpInterface: { label: 'SCCP interface', help: 'The router interface whose address SCCP uses (`sccp local`).', example: 'GigabitEthernet0/1' },
  voiceCard: { label: 'Voice card', help: 'Slot of the DSPs (`voice-card 0`).', example: '0' },
  caName: { label: 'CA name', help: 'Name of the IOS certificate server and its trustpoint.', example: 'testCA' },
  bridgeName: { label: 'Bridge name', help: 'Trustpoint, certificate CN, `register` name and CUCM conference bridge name: all the same.', example: 'SecureCFB' },
  cucmTrustpoint: { label: 'CUCM trustpoint', help: "Trustpoint holding CUCM's CallManager certificate.", example: 'cucm-pub' },
  dspProfileId: { label: 'DSP farm profile', help: '`dspfarm profile <n> conference security`.', example: '666' },
  ccmIdentifier: { label: 'CCM identifier', help: '`sccp ccm <ip> identifier <n>`.', example: '666' },
  ccmGroupId: { label: 'CCM group', help: '`sccp ccm group <n>`.', example: '666' },
  codecs: { label: 'Codecs', help: 'One `codec` line each, under the DSP farm profile.', example: 'g711ulaw g711alaw g729r8' },
  maximumSessions: { label: 'Maximum sessions', help: 'Conferences the profile may host at once; limited by the DSPs.', example: '4' },
  sccpVersion: { label: 'SCCP version', help: 'Use 7.0+ for CUCM 7 and later.', example: '7.0+' },
  dspTlsVersion: { label: 'DSP farm TLS version', help: 'Leave empty unless registration fails on TLS; then v1.2.', example: 'v1.2' },
  phoneDns: { label: 'Phone DNs', help: 'The three encrypted phones used for the conference test.', example: '1001 1002 1003' },
  lifetimeCertificateDays: { label: 'Certificate lifetime (days)', help: 'IOS caps it at the CA certificate\'s remaining life.', example: '1800' },
  caLifetimeDays: { label: 'CA lifetime (days)', help: 'IOS default 1095; a `lifetime ca-certificate` line is added only if changed.', example: '1095' },
}
