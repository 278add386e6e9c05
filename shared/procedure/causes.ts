import type { CauseId } from './types'

/**
 * Why a check fails, worded for the engineer. The last block comes from DOMAIN.md's
 * Troubleshoot list; the others are the usual reasons each Task 1 step fails. Text may hold
 * `{field}` placeholders.
 */
export interface Cause {
  readonly id: CauseId
  readonly title: string
  readonly detail: string
  readonly fixes: readonly string[]
}

export const CAUSES: Readonly<Record<CauseId, Omit<Cause, 'id'>>> = {
  'ntp-unreachable': {
    title: 'NTP server not reachable',
    detail: 'The router has no association with {ntpServerIp}, so its clock never becomes authoritative.',
    fixes: [
      'show ntp associations — the server should be marked with *',
      'ping {ntpServerIp}; allow UDP 123 on the path',
      'check `ntp server {ntpServerIp}` is in the running configuration',
    ],
  },
  'clock-not-synced': {
    title: 'Clock not synchronized (%PKI-2-NON_AUTHORITATIVE_CLOCK)',
    detail: 'PKI refuses to work until the clock is authoritative: the CA will not start, and certificates can look "not yet valid".',
    fixes: ['wait for `show ntp status` to say "Clock is synchronized"', 'then repeat `no shutdown` under `crypto pki server {caName}`'],
  },
  'http-server-disabled': {
    title: 'HTTP server off',
    detail: 'The IOS CA answers enrollment (SCEP) over HTTP; `show crypto pki server` shows "HTTP Server is disabled".',
    fixes: ['ip http server', 'check nothing blocks TCP 80 to {caIp}'],
  },
  'ca-not-enabled': {
    title: 'Certificate server not running',
    detail: 'The CA is shut down or failed to start, so authenticate and enroll get no answer.',
    fixes: ['show crypto pki server', 'crypto pki server {caName} / no shutdown (after NTP is synchronized)'],
  },
  'grant-manual': {
    title: 'Request waiting for manual approval',
    detail: 'With `grant manual` the enrollment request waits in the CA queue.',
    fixes: ['crypto pki server {caName} info requests', 'crypto pki server {caName} grant all', 'or set `grant auto` under the server'],
  },
  'enrollment-url-wrong': {
    title: 'Enrollment URL does not reach the CA',
    detail: 'The trustpoint must point at this router: `enrollment url http://{caIp}:80`.',
    fixes: ['show running-config | section crypto pki trustpoint', 'ping {caIp} from the router'],
  },
  'ca-not-authenticated': {
    title: 'CA not authenticated for this trustpoint',
    detail: 'A trustpoint cannot enroll until its CA certificate has been accepted.',
    fixes: ['crypto pki authenticate {bridgeName}', 'answer yes only if the fingerprint matches `show crypto pki server`'],
  },
  'fingerprint-mismatch': {
    title: 'Fingerprint does not match',
    detail: 'The certificate the router received is not the one expected: answer no, find out why (wrong URL, wrong file, tampering).',
    fixes: [
      'compare with `show crypto pki server` (CA cert fingerprint) or the workbench fingerprints of CallManager.pem',
      'no crypto pki trustpoint <name> and start the trustpoint again',
    ],
  },
  'command-rejected': {
    title: 'The router rejected a command',
    detail: 'An `% Invalid input`, `% Incomplete command` or similar message means a line did not take effect.',
    fixes: ['read the line above the ^ marker', 'check the variable values and the IOS release'],
  },
  'cucm-certificate-not-imported': {
    title: "CUCM's certificate not trusted by the router",
    detail: 'Without CallManager.pem in {cucmTrustpoint} the TLS handshake to CUCM fails.',
    fixes: [
      'crypto pki authenticate {cucmTrustpoint}, paste CallManager.pem, end with quit',
      'answer yes only if the fingerprint matches the workbench',
    ],
  },
  'bridge-name-cn-mismatch': {
    title: 'Bridge name ≠ certificate CN',
    detail:
      'CUCM matches the conference bridge name, the `register` name and the certificate CN (ignoring case; only its SDL traces upper-case the name); all must be {bridgeName}.',
    fixes: [
      'show crypto pki certificates {bridgeName} — Subject cn=',
      'show sccp ccm group {ccmGroupId} — Registration Name',
      'CUCM Conference Bridge Name',
    ],
  },
  'wrong-trust-store-or-not-restarted': {
    title: 'Certificates in the wrong CUCM store, or CallManager not restarted',
    detail:
      'The bridge and CA certificates belong in CallManager-trust (not tomcat-trust), and Cisco CallManager only reads them after a restart.',
    fixes: ['upload {caName}.pem and {bridgeName}.pem as CallManager-trust', 'restart Cisco CallManager on every node running it'],
  },
  'cluster-not-mixed-mode': {
    title: 'Cluster not in mixed mode',
    detail: 'Encrypted devices need the cluster in mixed mode (CTL present).',
    fixes: ['CUCM CLI: utils ctl set-cluster mixed-mode', 'Enterprise Parameters: Cluster Security Mode = 1'],
  },
  'security-mode-mismatch': {
    title: 'Security mode differs between router and CUCM',
    detail:
      'The DSP profile is `conference security` (secure) and the CUCM bridge must be "Encrypted Conference Bridge", or registration is refused.',
    fixes: ['show dspfarm profile {dspProfileId} — Profile Service Mode : secure', 'CUCM Conference Bridge → Device Security Mode'],
  },
  'certificate-expired': {
    title: 'Certificate expired or not yet valid',
    detail: 'A certificate outside its validity dates fails the TLS handshake; a start date in the future means clock skew.',
    fixes: ['show crypto pki certificates verbose — Validity Date', 'check NTP on router and CUCM', 're-enroll {bridgeName} if expired'],
  },
  'profile-needs-sccp-restart': {
    title: 'Profile stays NOT ASSOCIATED until SCCP restarts',
    detail: 'Changes to SCCP or the CCM group are picked up only after `no sccp` / `sccp`.',
    fixes: ['no sccp', 'sccp', 'then show dspfarm profile {dspProfileId}'],
  },
  'sccp-address-wrong': {
    title: 'SCCP points at the wrong address',
    detail:
      'The bridge registers from `sccp local {sccpInterface}` to a node of its CUCM group ({cucmNodesDescribed}); a wrong interface or IP means no TCP link.',
    fixes: [
      'show sccp — Gateway Local Interface and Call Manager lines',
      'ping <node IP> source {sccpInterface}, for each of {cucmNodeIps}',
    ],
  },
}
