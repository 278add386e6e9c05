export { KnownHostsStore } from './known-hosts-store'
export type { HostKeyStatus, KnownHostSummary, RecordedKey } from './known-hosts-store'
export { fingerprintSha256, hostKeyAlgorithmsFor, keyTypeLabel, keyTypeOf, knownHostsName } from './host-key'
