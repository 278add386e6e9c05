import { SHOW } from './commands'
import type { ProcedureStep } from './types'

/** Task 1, steps 1–7: time, the IOS CA, and the bridge's certificate. */
export const TASK1_CA_STEPS: readonly ProcedureStep[] = [
  {
    id: 't1-01',
    task: 'task1',
    number: 1,
    title: 'Point the router at NTP and turn on the HTTP server',
    why: 'PKI refuses to work on a clock that is not authoritative, and every certificate is stamped with this clock. The IOS CA answers enrollment (SCEP) over HTTP, so the HTTP server must be on.',
    where: 'router',
    mode: 'config',
    commands: ['ntp server {ntpServerIp}', 'ip http server'],
    verify: {
      commands: [SHOW.ntp, SHOW.ntpAndHttpConfig],
      checks: [
        {
          check: { kind: 'config-lines', command: SHOW.ntpAndHttpConfig, lines: ['ntp server {ntpServerIp}', 'ip http server'] },
          causes: ['command-rejected'],
        },
        { check: { kind: 'ntp-synchronized', command: SHOW.ntp }, causes: ['ntp-unreachable', 'clock-not-synced'] },
      ],
    },
  },
  {
    id: 't1-02',
    task: 'task1',
    number: 2,
    title: 'Define the certificate server {caName}',
    why: 'Sets how the CA stores what it issues (complete database in NVRAM), grants requests automatically, and how long issued certificates live. These settings lock once the CA has generated its certificate.',
    where: 'router',
    mode: 'config',
    commands: [
      'crypto pki server {caName}',
      ' database level complete',
      ' database url nvram:',
      ' grant auto',
      ' lifetime certificate {lifetimeCertificateDays}',
      { ifSet: 'caLifetimeDays', line: ' lifetime ca-certificate {caLifetimeDays}' },
      ' exit',
    ],
    verify: {
      commands: [SHOW.pkiServerConfig],
      checks: [
        {
          check: {
            kind: 'config-lines',
            command: SHOW.pkiServerConfig,
            lines: [
              'crypto pki server {caName}',
              'database level complete',
              'database url nvram:',
              'grant auto',
              'lifetime certificate {lifetimeCertificateDays}',
            ],
          },
          causes: ['command-rejected'],
        },
      ],
    },
    corrections: ['lifetime-capped'],
  },
  {
    id: 't1-03',
    task: 'task1',
    number: 3,
    title: 'Create the CA trustpoint {caName}',
    why: "The certificate server uses a trustpoint of the same name for its own keys; pointing its enrollment URL at this router lets the router's other trustpoints find the CA.",
    where: 'router',
    mode: 'config',
    commands: [
      'crypto pki trustpoint {caName}',
      ' enrollment url http://{caIp}:80',
      ' revocation-check none',
      ' rsakeypair {caName}',
      ' exit',
    ],
    verify: {
      commands: [SHOW.caTrustpointConfig],
      checks: [
        {
          check: {
            kind: 'config-lines',
            command: SHOW.caTrustpointConfig,
            lines: ['crypto pki trustpoint {caName}', 'enrollment url http://{caIp}:80', 'revocation-check none', 'rsakeypair {caName}'],
          },
          causes: ['command-rejected'],
        },
      ],
    },
  },
  {
    id: 't1-04',
    task: 'task1',
    number: 4,
    title: 'Start the certificate server',
    why: 'Generates the CA key pair and self-signed CA certificate. It fails on an unsynchronized clock, so NTP is checked first instead of "waiting 30 seconds". The passphrase protects the CA private key: keep it.',
    where: 'router',
    mode: 'config',
    // `no shutdown` starts a passphrase dialog: nothing may follow it in the same batch of lines.
    commands: ['crypto pki server {caName}', ' no shutdown'],
    prompts: [
      {
        match: 'Are you sure you want to do this\\? \\[yes/no\\]:',
        kind: 'yes-no',
        answer: 'yes',
        note: 'Some releases ask before locking the server settings.',
        optional: true,
      },
      // No minimum length: no Cisco source found states one for this dialog, and public IOS 15
      // captures show it taking the passphrase as typed (practice router README, "CA passphrase").
      {
        match: '^Password:\\s*$',
        kind: 'password',
        answer: 'passphrase',
        note: 'Passphrase protecting the CA private key; IOS sets no minimum length: choose a strong one and keep it.',
      },
      { match: '^Re-enter password:\\s*$', kind: 'password', answer: 'passphrase', note: 'The same passphrase again.' },
    ],
    precheck: {
      commands: [SHOW.ntp],
      checks: [{ check: { kind: 'ntp-synchronized', command: SHOW.ntp }, causes: ['ntp-unreachable', 'clock-not-synced'] }],
    },
    verify: {
      commands: [SHOW.pkiServer],
      checks: [
        {
          check: { kind: 'pki-server-running', command: SHOW.pkiServer, server: '{caName}' },
          causes: ['clock-not-synced', 'http-server-disabled', 'ca-not-enabled'],
        },
        { check: { kind: 'pki-server-granting', command: SHOW.pkiServer, server: '{caName}', mode: 'auto' }, causes: ['grant-manual'] },
      ],
    },
    corrections: ['ntp-before-no-shutdown', 'weak-crypto-flagged'],
  },
  {
    id: 't1-05',
    task: 'task1',
    number: 5,
    title: 'Create the bridge trustpoint {bridgeName}',
    why: "The bridge's certificate must carry exactly cn={bridgeName} and nothing else: CUCM matches the CN against the conference bridge name. `serial-number none`, `fqdn none` and `ip-address none` keep IOS from adding fields or asking about them.",
    where: 'router',
    mode: 'config',
    commands: [
      'crypto pki trustpoint {bridgeName}',
      ' enrollment url http://{caIp}:80',
      ' serial-number none',
      ' fqdn none',
      ' ip-address none',
      ' subject-name cn={bridgeName}',
      ' revocation-check none',
      ' rsakeypair {bridgeName}',
      ' exit',
    ],
    verify: {
      commands: [SHOW.bridgeTrustpointConfig],
      checks: [
        {
          check: {
            kind: 'config-lines',
            command: SHOW.bridgeTrustpointConfig,
            lines: [
              'crypto pki trustpoint {bridgeName}',
              'enrollment url http://{caIp}:80',
              'serial-number none',
              'fqdn none',
              'ip-address none',
              'subject-name cn={bridgeName}',
              'revocation-check none',
              'rsakeypair {bridgeName}',
            ],
          },
          causes: ['command-rejected'],
        },
      ],
    },
  },
  {
    id: 't1-06',
    task: 'task1',
    number: 6,
    title: 'Authenticate the CA for {bridgeName}',
    why: 'The trustpoint fetches the CA certificate and asks whether to trust it. Accept only if the fingerprint equals the one `show crypto pki server` prints for {caName}; anything else means you are talking to the wrong CA.',
    where: 'router',
    mode: 'config',
    commands: ['crypto pki authenticate {bridgeName}'],
    prompts: [
      {
        match: 'Do you accept this certificate\\? \\[yes/no\\]:',
        kind: 'yes-no',
        answer: 'yes-if-fingerprint-matches',
        compareWith: 'ca-server-fingerprint',
        note: 'Compare the MD5 fingerprint with "CA cert fingerprint" in show crypto pki server.',
      },
    ],
    verify: {
      commands: [SHOW.trustpointsStatus, SHOW.pkiServer],
      checks: [
        {
          check: { kind: 'trustpoint-authenticated', command: SHOW.trustpointsStatus, trustpoint: '{bridgeName}' },
          causes: ['http-server-disabled', 'enrollment-url-wrong', 'ca-not-enabled'],
        },
        {
          check: {
            kind: 'ca-fingerprint-matches-server',
            command: SHOW.trustpointsStatus,
            trustpoint: '{bridgeName}',
            serverCommand: SHOW.pkiServer,
            server: '{caName}',
          },
          causes: ['fingerprint-mismatch'],
        },
      ],
    },
  },
  {
    id: 't1-07',
    task: 'task1',
    number: 7,
    title: 'Enroll {bridgeName} with the CA',
    why: 'The router makes a key pair and a request for cn={bridgeName}; the CA (grant auto) signs it at once. The challenge password is only needed to revoke the certificate later.',
    where: 'router',
    mode: 'config',
    commands: ['crypto pki enroll {bridgeName}'],
    prompts: [
      { match: '^Password:\\s*$', kind: 'password', answer: 'challenge-password', note: 'Challenge password (used only for revocation).' },
      { match: '^Re-enter password:\\s*$', kind: 'password', answer: 'challenge-password', note: 'The same challenge password again.' },
      {
        match: 'Include the router serial number in the subject name\\?',
        kind: 'yes-no',
        answer: 'no',
        note: 'Asked only if serial-number none is missing.',
        optional: true,
      },
      {
        match: 'Include an IP address in the subject name\\?',
        kind: 'yes-no',
        answer: 'no',
        note: 'Asked only if ip-address none is missing.',
        optional: true,
      },
      { match: 'Request certificate from CA\\? \\[yes/no\\]:', kind: 'yes-no', answer: 'yes', note: 'Sends the request.' },
    ],
    verify: {
      // show clock last: the workbench (and the check below) judge the new certificate's start
      // date against the router's clock, not this computer's.
      commands: [SHOW.bridgeCertificates, SHOW.clock],
      checks: [
        {
          check: {
            kind: 'certificate-available',
            command: SHOW.bridgeCertificates,
            trustpoint: '{bridgeName}',
            certificate: 'certificate',
            subjectCn: '{bridgeName}',
          },
          causes: ['grant-manual', 'ca-not-authenticated', 'clock-not-synced', 'http-server-disabled'],
        },
        {
          check: { kind: 'certificate-available', command: SHOW.bridgeCertificates, trustpoint: '{bridgeName}', certificate: 'ca' },
          causes: ['ca-not-authenticated'],
        },
        {
          check: { kind: 'certificates-current', command: SHOW.bridgeCertificates, clockCommand: SHOW.clock },
          causes: ['certificate-expired', 'clock-not-synced'],
        },
      ],
    },
    corrections: ['lifetime-capped', 'weak-crypto-flagged'],
  },
]
