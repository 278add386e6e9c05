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
      'On each node of the group ({cucmNodeNames}): open "CallManager" (the RSA one, not CallManager-ECDSA) and choose Download .PEM File; save it as CallManager.pem (one file per node). If the CallManager certificates are CA-signed, download the CA root certificate instead.',
      'Load the file(s) into the Certificate workbench: note the MD5 and SHA-1 fingerprints.',
      'While there: the cluster must be in mixed mode (Enterprise Parameters → Cluster Security Mode = 1).',
    ],
    verify: {
      commands: [],
      checks: [],
      manual: [
        "Each node's CallManager.pem (or the CA root) is loaded in the Certificate workbench.",
        'Cluster Security Mode is 1 (mixed mode).',
      ],
    },
  },
  {
    id: 't1-09',
    task: 'task1',
    number: 9,
    title: 'Import CallManager.pem into trustpoint {callManagerTrustpoints}',
    why: "With `enrollment terminal` the router takes the certificate from a paste instead of a CA. Check the fingerprints it prints against the workbench before answering yes: this is the only check that the pasted text is CUCM's certificate. The bridge may register with any node of its CUCM group ({cucmNodeNames}), so the router must trust each node's CallManager certificate — or, when those are CA-signed, the one CA root that signed them all.",
    where: 'router',
    mode: 'config',
    commands: [
      {
        eachTrustpoint: [
          'crypto pki trustpoint {node.trustpoint}',
          ' enrollment terminal',
          ' revocation-check none',
          ' exit',
          'crypto pki authenticate {node.trustpoint}',
        ],
      },
    ],
    prompts: [
      {
        match: 'End with a blank line or the word "quit" on a line by itself',
        kind: 'enrollment-paste',
        answer: 'paste-cucm-certificate',
        note: "Paste the trustpoint's certificate (CallManager.pem of that node, or the CA root), then a line with quit.",
      },
      {
        match: 'Do you accept this certificate\\? \\[yes/no\\]:',
        kind: 'yes-no',
        answer: 'yes-if-fingerprint-matches',
        compareWith: 'callmanager-pem',
        note: 'Compare with the fingerprints of that certificate in the Certificate workbench.',
      },
    ],
    verify: {
      commands: [SHOW.trustpointsStatus, SHOW.allCertificatesVerbose],
      checks: [
        {
          check: { kind: 'trustpoint-authenticated', command: SHOW.trustpointsStatus, trustpoint: '{node.trustpoint}' },
          causes: ['cucm-certificate-not-imported', 'command-rejected'],
          perTrustpoint: true,
        },
        {
          check: {
            kind: 'certificate-available',
            command: SHOW.allCertificatesVerbose,
            trustpoint: '{node.trustpoint}',
            certificate: 'ca',
          },
          causes: ['cucm-certificate-not-imported'],
          perTrustpoint: true,
        },
        {
          check: {
            kind: 'fingerprint-matches-expected',
            command: SHOW.allCertificatesVerbose,
            trustpoint: '{node.trustpoint}',
            expected: 'callmanager-pem',
          },
          causes: ['fingerprint-mismatch'],
          perTrustpoint: true,
        },
        {
          check: { kind: 'certificates-current', command: SHOW.allCertificatesVerbose },
          causes: ['certificate-expired', 'clock-not-synced'],
        },
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
    instructions: [
      'Save "% CA certificate" as {caName}.pem and "% General Purpose Certificate" as {bridgeName}.pem (the Certificate workbench reads the output directly).',
    ],
    verify: {
      commands: [SHOW.export],
      checks: [{ check: { kind: 'export-complete', command: SHOW.export }, causes: ['ca-not-authenticated', 'grant-manual'] }],
    },
  },
  {
    id: 't1-11',
    task: 'task1',
    number: 11,
    title: 'Upload the bridge certificate to CallManager-trust and restart CallManager on the group',
    // Source: the tech note's step 4.2 uploads SecureCFB.pem alone to the CallManager trust store
    // (its text; the screenshot shows tomcat-trust, the text is right) and the bridge registered.
    // Uploading the CA as well is our recommendation (trust survives a re-issued bridge
    // certificate), not a requirement the note shows (shared/DOMAIN.md step 11, rules 9 and 10).
    why: "Cisco CallManager checks the bridge's TLS certificate against CallManager-trust (not tomcat-trust, which the tech note's screenshot shows; its text says the CallManager trust store) and reads the store only when the service starts. The tech note uploads {bridgeName}.pem alone and the bridge registered; uploading {caName}.pem as well is recommended, so that trust survives a re-issued bridge certificate.",
    where: 'cucm-web',
    instructions: [
      'Cisco Unified OS Administration → Security → Certificate Management → Upload Certificate/Certificate chain.',
      'Certificate Purpose: CallManager-trust. Upload {bridgeName}.pem.',
      'Recommended: again with Certificate Purpose CallManager-trust, upload {caName}.pem.',
      "Maintenance window: restarting Cisco CallManager drops the registrations and calls on that node while it restarts. Plan it, and restart one node at a time so devices fail over to the group's other nodes.",
      "Cisco Unified Serviceability → Tools → Control Center - Feature Services: restart Cisco CallManager on each node of the bridge's CUCM group: {cucmNodeNames}.",
      "The workbench warns that these certificates use 1024-bit RSA and MD5/SHA-1. The tech note's bridge certificate (SHA-1, 1024-bit) registered on CUCM; whether CUCM 15 accepts the MD5-signed CA in a trust store is not shown there. Plan a stronger CA for production.",
    ],
    verify: {
      commands: [],
      checks: [],
      manual: [
        '{bridgeName} is listed under CallManager-trust (not tomcat-trust); {caName} too if you uploaded it.',
        'Cisco CallManager was restarted on {cucmNodeNames} after the upload.',
      ],
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
      // One `sccp ccm` per node of the bridge's CUCM group, then one `associate ccm` each with its
      // priority (Cisco IOS Voice Command Reference: `sccp ccm`, `associate ccm … priority 1-4`).
      { eachNode: ['sccp ccm {node.ip} identifier {node.identifier} version {sccpVersion}'] },
      'sccp',
      'sccp ccm group {ccmGroupId}',
      { eachNode: [' associate ccm {node.identifier} priority {node.priority}'] },
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
          check: {
            kind: 'dspfarm-profile',
            command: SHOW.dspfarmProfile,
            profileId: '{dspProfileId}',
            secure: true,
            trustpoint: '{bridgeName}',
            adminState: 'UP',
          },
          causes: ['command-rejected', 'security-mode-mismatch'],
        },
        {
          check: {
            kind: 'ccm-group-registration',
            command: SHOW.ccmGroup,
            group: '{ccmGroupId}',
            profileId: '{dspProfileId}',
            registrationName: '{bridgeName}',
          },
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
      // CUCM's pages show the name as typed; only its SDL traces upper-case it (shared/DOMAIN.md rule 4).
      'Conference Bridge Name: {bridgeName} (it must equal the certificate CN and the `register` name).',
      'Device Security Mode: Encrypted Conference Bridge. Save, then Apply Config.',
      // The page names the server, not its IP: the tech note shows "… Manager CUCMPUB15".
      'Expect "Registered with Cisco Unified Communications Manager {cucmNodeNamesOr}" (the server name, not its IP).',
    ],
    verify: {
      commands: [SHOW.dspfarmProfile, SHOW.sccp],
      checks: [
        {
          check: {
            kind: 'dspfarm-profile',
            command: SHOW.dspfarmProfile,
            profileId: '{dspProfileId}',
            secure: true,
            operationState: 'ACTIVE',
            applicationStatus: 'ASSOCIATED',
          },
          causes: ['profile-needs-sccp-restart', 'bridge-name-cn-mismatch', 'security-mode-mismatch', 'wrong-trust-store-or-not-restarted'],
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
            'bridge-name-cn-mismatch',
            'wrong-trust-store-or-not-restarted',
            'cucm-certificate-not-imported',
            'cluster-not-mixed-mode',
            'security-mode-mismatch',
            'certificate-expired',
          ],
        },
      ],
      manual: ['CUCM shows the bridge as "Registered with Cisco Unified Communications Manager {cucmNodeNamesOr}".'],
    },
    // The router shows a TLS link, not that CUCM accepted the bridge under this name and security mode.
    cucmConfirmation: 'CUCM lists {bridgeName} as "Registered with Cisco Unified Communications Manager {cucmNodeNamesOr}".',
  },
]
