import { SHOW } from './commands'
import type { ProcedureStep } from './types'

/** Task 1, steps 8–13: trust between router and CUCM, the DSP farm, and the CUCM bridge. */
export const TASK1_BRIDGE_STEPS: readonly ProcedureStep[] = [
  {
    id: 't1-08',
    task: 'task1',
    number: 8,
    title: "Download CUCM's CallManager certificate",
    why: "The router must trust CUCM's CallManager certificate before the SCCP/TLS handshake. Loading the file into the workbench gives the fingerprints to check in step 9.",
    where: 'cucm-web',
    instructions: [
      'Cisco Unified OS Administration → Security → Certificate Management → Find.',
      'Open "CallManager" (the RSA one, not CallManager-ECDSA) and choose Download .PEM File; save it as CallManager.pem.',
      'Load CallManager.pem into the Certificates pane: note its MD5 and SHA-1 fingerprints.',
      'While there: the cluster must be in mixed mode (Enterprise Parameters → Cluster Security Mode = 1).',
    ],
    verify: {
      commands: [],
      checks: [],
      manual: ['CallManager.pem is loaded in the workbench and its subject is the publisher.', 'Cluster Security Mode is 1 (mixed mode).'],
    },
  },
  {
    id: 't1-09',
    task: 'task1',
    number: 9,
    title: 'Import CallManager.pem into trustpoint {cucmTrustpoint}',
    why: "With `enrollment terminal` the router takes the certificate from a paste instead of a CA. Check the fingerprints it prints against the workbench before answering yes: this is the only check that the pasted text is CUCM's certificate.",
    where: 'router',
    mode: 'config',
    commands: ['crypto pki trustpoint {cucmTrustpoint}', ' enrollment terminal', ' revocation-check none', ' exit', 'crypto pki authenticate {cucmTrustpoint}'],
    prompts: [
      {
        match: 'End with a blank line or the word "quit" on a line by itself',
        kind: 'enrollment-paste',
        answer: 'paste-cucm-certificate',
        note: 'Paste CallManager.pem (PEM text), then a line with quit.',
      },
      {
        match: 'Do you accept this certificate\\? \\[yes/no\\]:',
        kind: 'yes-no',
        answer: 'yes-if-fingerprint-matches',
        compareWith: 'callmanager-pem',
        note: 'Compare with the CallManager.pem fingerprints in the workbench.',
      },
    ],
    verify: {
      commands: [SHOW.trustpointsStatus, SHOW.cucmCertificates],
      checks: [
        { check: { kind: 'trustpoint-authenticated', command: SHOW.trustpointsStatus, trustpoint: '{cucmTrustpoint}' }, causes: ['cucm-certificate-not-imported', 'command-rejected'] },
        { check: { kind: 'certificate-available', command: SHOW.cucmCertificates, trustpoint: '{cucmTrustpoint}', certificate: 'ca' }, causes: ['cucm-certificate-not-imported'] },
        { check: { kind: 'fingerprint-matches-expected', command: SHOW.cucmCertificates, trustpoint: '{cucmTrustpoint}', expected: 'callmanager-pem' }, causes: ['fingerprint-mismatch'] },
        { check: { kind: 'certificates-current', command: SHOW.cucmCertificates }, causes: ['certificate-expired', 'clock-not-synced'] },
      ],
    },
  },
  {
    id: 't1-10',
    task: 'task1',
    number: 10,
    title: 'Export the CA and bridge certificates',
    why: 'CUCM must trust the bridge certificate and the CA that signed it. The export prints both as PEM; the workbench saves them as {caName}.pem and {bridgeName}.pem.',
    where: 'router',
    mode: 'config',
    commands: ['crypto pki export {bridgeName} pem terminal'],
    instructions: ['Save "% CA certificate" as {caName}.pem and "% General Purpose Certificate" as {bridgeName}.pem (the Certificates pane reads the output directly).'],
    verify: {
      commands: [SHOW.export],
      checks: [{ check: { kind: 'export-complete', command: SHOW.export }, causes: ['ca-not-authenticated', 'grant-manual'] }],
    },
  },
  {
    id: 't1-11',
    task: 'task1',
    number: 11,
    title: 'Upload both certificates to CallManager-trust and restart CallManager',
    why: 'Cisco CallManager checks the bridge\'s TLS certificate against CallManager-trust (not tomcat-trust, as the tech note\'s screenshot shows), needs the CA as well as the bridge certificate, and reads the store only at start-up.',
    where: 'cucm-web',
    instructions: [
      'Cisco Unified OS Administration → Security → Certificate Management → Upload Certificate/Certificate chain.',
      'Certificate Purpose: CallManager-trust. Upload {caName}.pem.',
      'Again with Certificate Purpose: CallManager-trust. Upload {bridgeName}.pem.',
      'Cisco Unified Serviceability → Tools → Control Center - Feature Services: restart Cisco CallManager on every node that runs it.',
      'The workbench warns that these certificates use 1024-bit RSA and MD5/SHA-1: CUCM 15 accepts them; plan a stronger CA for production.',
    ],
    verify: {
      commands: [],
      checks: [],
      manual: ['{caName} and {bridgeName} are listed under CallManager-trust (not tomcat-trust).', 'Cisco CallManager was restarted after the upload.'],
    },
    corrections: ['callmanager-trust-not-tomcat', 'upload-ca-too', 'restart-callmanager', 'weak-crypto-flagged'],
  },
  {
    id: 't1-12',
    task: 'task1',
    number: 12,
    title: 'Configure the secure DSP farm and SCCP',
    why: 'Makes a secure conference profile that presents the {bridgeName} certificate, and registers it with CUCM over SCCP/TLS under the name {bridgeName}. The `register` name must equal the certificate CN and the CUCM bridge name.',
    where: 'router',
    mode: 'config',
    commands: [
      'voice-card {voiceCard}',
      // The tech note's spelling; IOS also takes the full keyword `services`.
      ' dsp service dspfarm',
      ' exit',
      'dspfarm profile {dspProfileId} conference security',
      ' trustpoint {bridgeName}',
      { each: 'codecs', line: ' codec {item}' },
      ' maximum sessions {maximumSessions}',
      ' associate application SCCP',
      // No `tls-version` here: it is documented for IOS XE voice gateways only (VG400/VG450 and ISR
      // 4000 configuration guides, "TLS 1.2 support on SCCP Gateways"), not for IOS 15.7(3)M, and
      // the tech note's 15.7(3)M4b bridge registered to CUCM 15 without it.
      ' exit',
      'sccp local {sccpInterface}',
      'sccp ccm {cucmPublisherIp} identifier {ccmIdentifier} version {sccpVersion}',
      'sccp',
      'sccp ccm group {ccmGroupId}',
      ' associate ccm {ccmIdentifier} priority 1',
      ' associate profile {dspProfileId} register {bridgeName}',
      ' exit',
      'dspfarm profile {dspProfileId} conference security',
      ' no shutdown',
      ' exit',
    ],
    verify: {
      commands: [SHOW.dspfarmProfile, SHOW.ccmGroup],
      checks: [
        {
          check: { kind: 'dspfarm-profile', command: SHOW.dspfarmProfile, profileId: '{dspProfileId}', secure: true, trustpoint: '{bridgeName}', adminState: 'UP' },
          causes: ['command-rejected', 'security-mode-mismatch'],
        },
        {
          check: { kind: 'ccm-group-registration', command: SHOW.ccmGroup, group: '{ccmGroupId}', profileId: '{dspProfileId}', registrationName: '{bridgeName}' },
          causes: ['bridge-name-cn-mismatch', 'command-rejected'],
        },
      ],
    },
  },
  {
    id: 't1-13',
    task: 'task1',
    number: 13,
    title: 'Add the bridge in CUCM and confirm registration',
    why: 'CUCM accepts the registration only if a Cisco IOS Enhanced Conference Bridge named {bridgeName} exists with Encrypted Conference Bridge security, and the TLS certificate it sees has that CN.',
    where: 'cucm-web',
    instructions: [
      'Cisco Unified CM Administration → Media Resources → Conference Bridge → Add New.',
      'Conference Bridge Type: Cisco IOS Enhanced Conference Bridge.',
      'Conference Bridge Name: {bridgeName} (CUCM shows it upper-case; it must equal the certificate CN and the `register` name).',
      'Device Security Mode: Encrypted Conference Bridge. Save, then Apply Config.',
      'Expect "Registered with Cisco Unified Communications Manager {cucmPublisherIp}".',
    ],
    verify: {
      commands: [SHOW.dspfarmProfile, SHOW.sccp],
      checks: [
        {
          check: { kind: 'dspfarm-profile', command: SHOW.dspfarmProfile, profileId: '{dspProfileId}', secure: true, operationState: 'ACTIVE', applicationStatus: 'ASSOCIATED' },
          causes: ['profile-needs-sccp-restart', 'bridge-name-cn-mismatch', 'security-mode-mismatch', 'wrong-trust-store-or-not-restarted'],
        },
        {
          check: { kind: 'sccp-registered', command: SHOW.sccp, profileId: '{dspProfileId}', cucmIp: '{cucmPublisherIp}', port: 2443, signaling: 'ENCRYPTED TLS' },
          causes: [
            'sccp-address-wrong',
            'bridge-name-cn-mismatch',
            'wrong-trust-store-or-not-restarted',
            'cucm-certificate-not-imported',
            'cluster-not-mixed-mode',
            'security-mode-mismatch',
            'certificate-expired',
          ],
        },
      ],
      manual: ['CUCM shows the bridge as "Registered with Cisco Unified Communications Manager {cucmPublisherIp}".'],
    },
  },
]
