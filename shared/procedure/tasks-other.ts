import { SHOW } from './commands'
import type { ProcedureStep } from './types'

/** Tasks 2 and 3 (CUCM pages and phones), the end-to-end check, and troubleshooting. */
export const TASK2_STEPS: readonly ProcedureStep[] = [
  {
    id: 't2-01',
    task: 'task2',
    number: 1,
    title: 'Give each phone an encrypted security profile',
    why: 'A secure conference shows the lock only when every participant is encrypted; a phone in non-secure mode drops the conference to non-secure.',
    where: 'cucm-web',
    // CUCM's predefined phone security profiles are non-secure; security needs a new profile for
    // the device type and protocol (Cisco Unified Communications Manager Security Guide, "Phone
    // Security Profile Setup" — recalled, not re-read here: evidence thin). Either way the step
    // describes the profile instead of naming one CUCM may not have.
    instructions: [
      'System → Security → Phone Security Profile → Add New: Phone Security Profile Type = the phone model (Cisco 8865NR) or Universal Device Template, protocol SIP. Set Device Security Mode: Encrypted and give it a name that says so (in the style of "Universal Device Template – … Encrypted"). Save.',
      'Device → Phone: for each of {phoneDns}, set Device Security Profile to that profile. Save, Apply Config.',
    ],
    verify: { commands: [], checks: [], manual: ['Each phone of {phoneDns} has an encrypted Device Security Profile.'] },
  },
  {
    id: 't2-02',
    task: 'task2',
    number: 2,
    title: 'Confirm Encrypted on each phone',
    why: 'The phone reports what it negotiated: only "Encrypted" means TLS signalling and SRTP media.',
    where: 'phone',
    instructions: ['On each phone ({phoneDns}): Settings → Admin settings → Security setup → Security Mode shows Encrypted.'],
    verify: { commands: [], checks: [], manual: ['All phones show Security Mode: Encrypted.'] },
  },
]

export const TASK3_STEPS: readonly ProcedureStep[] = [
  {
    id: 't3-01',
    task: 'task3',
    number: 1,
    title: 'Media resource group MRG_{bridgeName}',
    why: 'CUCM picks a conference bridge from the media resource group list of the phone that presses Conference.',
    where: 'cucm-web',
    instructions: [
      'Media Resources → Media Resource Group → Add New: name MRG_{bridgeName}, move {bridgeName} into Selected Media Resources, Save.',
    ],
    verify: { commands: [], checks: [], manual: ['MRG_{bridgeName} contains {bridgeName}.'] },
  },
  {
    id: 't3-02',
    task: 'task3',
    number: 2,
    title: 'Media resource group list MRGL_{bridgeName}',
    why: 'Phones reference lists, not groups.',
    where: 'cucm-web',
    instructions: ['Media Resources → Media Resource Group List → Add New: name MRGL_{bridgeName}, select MRG_{bridgeName}, Save.'],
    verify: { commands: [], checks: [], manual: ['MRGL_{bridgeName} contains MRG_{bridgeName}.'] },
  },
  {
    id: 't3-03',
    task: 'task3',
    number: 3,
    title: 'Assign MRGL_{bridgeName} to every phone',
    why: "Without it the phone uses the device pool's list and may pick a non-secure bridge.",
    where: 'cucm-web',
    instructions: ['Device → Phone: for each of {phoneDns}, set Media Resource Group List to MRGL_{bridgeName}. Save, Apply Config.'],
    verify: { commands: [], checks: [], manual: ['Each phone of {phoneDns} uses MRGL_{bridgeName}.'] },
  },
]

export const VERIFY_STEPS: readonly ProcedureStep[] = [
  {
    id: 'v-01',
    task: 'verify',
    number: 1,
    title: 'Router state: bridge registered and secure',
    why: 'One look at every layer: time, CA, certificates, DSP profile, SCCP link and its encryption.',
    where: 'router',
    mode: 'exec',
    verify: {
      commands: [SHOW.sccp, SHOW.ccmGroup, SHOW.dspfarmProfile, SHOW.allCertificatesVerbose, SHOW.pkiServer, SHOW.ntp, SHOW.clock],
      checks: [
        { check: { kind: 'ntp-synchronized', command: SHOW.ntp }, causes: ['ntp-unreachable', 'clock-not-synced'] },
        {
          check: { kind: 'pki-server-running', command: SHOW.pkiServer, server: '{caName}' },
          causes: ['clock-not-synced', 'http-server-disabled', 'ca-not-enabled'],
        },
        {
          check: {
            kind: 'certificate-available',
            command: SHOW.allCertificatesVerbose,
            trustpoint: '{bridgeName}',
            certificate: 'certificate',
            subjectCn: '{bridgeName}',
          },
          causes: ['bridge-name-cn-mismatch', 'grant-manual'],
        },
        {
          check: { kind: 'certificate-available', command: SHOW.allCertificatesVerbose, trustpoint: '{cucmTrustpoint}', certificate: 'ca' },
          causes: ['cucm-certificate-not-imported'],
        },
        {
          check: { kind: 'certificates-current', command: SHOW.allCertificatesVerbose, clockCommand: SHOW.clock },
          causes: ['certificate-expired', 'clock-not-synced'],
        },
        {
          check: {
            kind: 'dspfarm-profile',
            command: SHOW.dspfarmProfile,
            profileId: '{dspProfileId}',
            secure: true,
            trustpoint: '{bridgeName}',
            operationState: 'ACTIVE',
            applicationStatus: 'ASSOCIATED',
          },
          causes: ['profile-needs-sccp-restart', 'security-mode-mismatch', 'bridge-name-cn-mismatch'],
        },
        {
          check: {
            kind: 'ccm-group-registration',
            command: SHOW.ccmGroup,
            group: '{ccmGroupId}',
            profileId: '{dspProfileId}',
            registrationName: '{bridgeName}',
          },
          causes: ['bridge-name-cn-mismatch'],
        },
        {
          check: {
            kind: 'sccp-registered',
            command: SHOW.sccp,
            profileId: '{dspProfileId}',
            cucmIps: '{cucmNodeIps}',
            port: 2443,
            signaling: 'ENCRYPTED TLS',
          },
          causes: [
            'sccp-address-wrong',
            'wrong-trust-store-or-not-restarted',
            'cluster-not-mixed-mode',
            'certificate-expired',
            'security-mode-mismatch',
          ],
        },
      ],
    },
  },
  {
    id: 'v-02',
    task: 'verify',
    number: 2,
    title: 'Three-party secure conference',
    why: 'The end-to-end proof: CUCM chose the secure bridge and every leg is encrypted.',
    where: 'phone',
    instructions: [
      '{phoneDns[0]} calls {phoneDns[1]}; {phoneDns[1]} answers.',
      '{phoneDns[0]} presses Conference, dials {phoneDns[2]}; {phoneDns[2]} answers; {phoneDns[0]} presses Conference again.',
      'All three phones show the secure-conference (lock) icon.',
    ],
    verify: { commands: [], checks: [], manual: ['All three phones show the lock icon during the conference.'] },
  },
]

export const TROUBLESHOOT_STEPS: readonly ProcedureStep[] = [
  {
    id: 'ts-01',
    task: 'troubleshoot',
    number: 1,
    title: 'Router debugs for registration and TLS',
    why: 'SCCP debugs show whether the bridge registers and why CUCM refuses; PKI and SSL debugs show certificate and handshake failures. Turn them off afterwards: debugs load the CPU.',
    where: 'router',
    mode: 'exec',
    commands: [
      'terminal monitor',
      'debug sccp messages',
      'debug sccp events',
      'debug sccp errors',
      'debug crypto pki transactions',
      'debug crypto pki messages',
      'debug ssl openssl errors',
      'debug ssl openssl states',
    ],
    instructions: ['Reproduce the failure (no sccp / sccp), save the console log, then run undebug all.'],
  },
  {
    id: 'ts-02',
    task: 'troubleshoot',
    number: 2,
    title: 'Stop the debugs',
    why: 'Leaving debugs on can starve a busy router.',
    where: 'router',
    mode: 'exec',
    commands: ['undebug all'],
  },
  {
    id: 'ts-03',
    task: 'troubleshoot',
    number: 3,
    title: 'CUCM traces',
    why: "CUCM's side of the refusal (name, certificate, security mode) is in the Cisco CallManager SDL traces.",
    where: 'cucm-web',
    instructions: [
      'Real-Time Monitoring Tool → Trace & Log Central → Collect Files: Cisco CallManager (SDL traces) for the time of the registration attempt.',
      'Search for the device name {bridgeName} (the SDL traces print it upper-case) and TLS or certificate errors.',
    ],
  },
  {
    id: 'ts-04',
    task: 'troubleshoot',
    number: 4,
    title: 'Restart SCCP when the profile stays NOT ASSOCIATED',
    why: 'IOS picks up SCCP and CCM-group changes only when SCCP restarts.',
    where: 'router',
    mode: 'config',
    commands: ['no sccp', 'sccp'],
    verify: {
      commands: [SHOW.dspfarmProfile],
      checks: [
        {
          check: {
            kind: 'dspfarm-profile',
            command: SHOW.dspfarmProfile,
            profileId: '{dspProfileId}',
            operationState: 'ACTIVE',
            applicationStatus: 'ASSOCIATED',
          },
          causes: ['bridge-name-cn-mismatch', 'security-mode-mismatch', 'wrong-trust-store-or-not-restarted'],
        },
      ],
    },
  },
]
