/** Show commands used by verification, as templates. Checks name the command whose output they read. */
export const SHOW = {
  ntp: 'show ntp status',
  clock: 'show clock',
  ntpAndHttpConfig: 'show running-config | include ntp server|ip http server',
  pkiServer: 'show crypto pki server',
  pkiServerConfig: 'show running-config | section crypto pki server',
  caTrustpointConfig: 'show running-config | section crypto pki trustpoint {caName}',
  bridgeTrustpointConfig: 'show running-config | section crypto pki trustpoint {bridgeName}',
  // The all-trustpoints form: older releases lack `show crypto pki trustpoints <tp> status`.
  trustpointsStatus: 'show crypto pki trustpoints status',
  bridgeCertificates: 'show crypto pki certificates {bridgeName}',
  allCertificatesVerbose: 'show crypto pki certificates verbose',
  export: 'crypto pki export {bridgeName} pem terminal',
  dspfarmConfig: 'show running-config | section dspfarm|sccp|voice-card',
  dspfarmProfile: 'show dspfarm profile {dspProfileId}',
  sccp: 'show sccp',
  ccmGroup: 'show sccp ccm group {ccmGroupId}',
} as const
