import type { PromptKind } from '../ios/prompt'
import type { SiteField } from './site'

export type TaskId = 'task1' | 'task2' | 'task3' | 'verify' | 'troubleshoot'
export type Where = 'router' | 'cucm-web' | 'phone'

/**
 * One line of router commands. Text may hold `{field}` placeholders (site variables); list
 * fields expand with `each`; `ifSet` lines appear only when the field differs from its default.
 * `eachNode` repeats its lines for every node of the bridge's CUCM group in priority order, with
 * `{node.name}`, `{node.ip}`, `{node.priority}`, `{node.identifier}` and `{node.trustpoint}`;
 * `eachTrustpoint` repeats them once per CallManager trustpoint (`{node.trustpoint}`, and the
 * node's other fields for per-node trust; the first node's for the shared CA-root trustpoint).
 */
export type CommandLine =
  | string
  | { readonly each: 'codecs' | 'phoneDns'; readonly line: string }
  | { readonly ifSet: SiteField; readonly line: string }
  | { readonly eachNode: readonly string[] }
  | { readonly eachTrustpoint: readonly string[] }

/** How the console (or the engineer) answers an interactive prompt. */
export type Answer =
  'passphrase' | 'challenge-password' | 'yes-if-fingerprint-matches' | 'yes' | 'no' | 'enter' | 'space' | 'paste-cucm-certificate'

export interface PromptExpectation {
  /** RegExp source matched (case-insensitive) against the prompt line. */
  readonly match: string
  readonly kind: PromptKind
  readonly answer: Answer
  readonly note: string
  /** For fingerprint questions: what the printed fingerprint must equal. */
  readonly compareWith?: 'ca-server-fingerprint' | 'callmanager-pem'
  /** Some IOS releases ask, others do not. */
  readonly optional?: boolean
}

export type CauseId =
  | 'ntp-unreachable'
  | 'clock-not-synced'
  | 'http-server-disabled'
  | 'ca-not-enabled'
  | 'grant-manual'
  | 'enrollment-url-wrong'
  | 'ca-not-authenticated'
  | 'fingerprint-mismatch'
  | 'command-rejected'
  | 'cucm-certificate-not-imported'
  | 'bridge-name-cn-mismatch'
  | 'wrong-trust-store-or-not-restarted'
  | 'cluster-not-mixed-mode'
  | 'security-mode-mismatch'
  | 'certificate-expired'
  | 'profile-needs-sccp-restart'
  | 'sccp-address-wrong'

export type CorrectionId =
  | 'callmanager-trust-not-tomcat'
  | 'upload-ca-too'
  | 'restart-callmanager'
  | 'ntp-before-no-shutdown'
  | 'lifetime-capped'
  | 'weak-crypto-flagged'

/**
 * A fact to check in router output. Every string value may hold `{field}` placeholders;
 * `command` names the (rendered) command whose output is read.
 */
export type Check =
  | { readonly kind: 'ntp-synchronized'; readonly command: string }
  | { readonly kind: 'config-lines'; readonly command: string; readonly lines: readonly string[] }
  | { readonly kind: 'pki-server-running'; readonly command: string; readonly server: string }
  | { readonly kind: 'pki-server-granting'; readonly command: string; readonly server: string; readonly mode: string }
  | { readonly kind: 'trustpoint-authenticated'; readonly command: string; readonly trustpoint: string }
  | {
      readonly kind: 'ca-fingerprint-matches-server'
      readonly command: string
      readonly trustpoint: string
      readonly serverCommand: string
      readonly server: string
    }
  | {
      readonly kind: 'certificate-available'
      readonly command: string
      readonly trustpoint: string
      readonly certificate: 'ca' | 'certificate'
      readonly subjectCn?: string
    }
  | {
      readonly kind: 'certificates-current'
      readonly command: string
      /** `show clock`: when its output is there (UTC), start dates are judged against the router's clock. */
      readonly clockCommand?: string
    }
  | {
      readonly kind: 'fingerprint-matches-expected'
      readonly command: string
      readonly trustpoint: string
      readonly expected: 'callmanager-pem'
    }
  | { readonly kind: 'export-complete'; readonly command: string }
  | {
      readonly kind: 'dspfarm-profile'
      readonly command: string
      readonly profileId: string
      readonly secure?: boolean
      readonly trustpoint?: string
      readonly adminState?: string
      readonly operationState?: string
      readonly applicationStatus?: string
    }
  | {
      readonly kind: 'sccp-registered'
      readonly command: string
      readonly profileId: string
      /** Space-separated: the active Call Manager must be one of them. */
      readonly cucmIps: string
      readonly port: number
      readonly signaling: string
    }
  | {
      readonly kind: 'ccm-group-registration'
      readonly command: string
      readonly group: string
      readonly profileId: string
      readonly registrationName: string
    }

export type CheckKind = Check['kind']

/** A check plus what to suspect when it fails. */
export interface VerificationCheck {
  readonly check: Check
  readonly causes: readonly CauseId[]
  /** Evaluated once per CallManager trustpoint, with `{node.…}` placeholders filled in. */
  readonly perTrustpoint?: boolean
}

export interface VerificationSpec {
  /** Commands to run (templates), in order. */
  readonly commands: readonly string[]
  readonly checks: readonly VerificationCheck[]
  /** Things only a person can confirm (CUCM pages, phone screens). */
  readonly manual?: readonly string[]
}

export interface ProcedureStep {
  /** `t1-04`, `t2-01`, `v-02`, `ts-03`… */
  readonly id: string
  readonly task: TaskId
  readonly number: number
  readonly title: string
  readonly why: string
  readonly where: Where
  /** Router steps: `config` needs `configure terminal` first; `exec` runs at the `#` prompt. */
  readonly mode?: 'exec' | 'config'
  readonly commands?: readonly CommandLine[]
  /** What to do in a web page or on a phone (templates). */
  readonly instructions?: readonly string[]
  readonly prompts?: readonly PromptExpectation[]
  /** Checked before the commands are sent (e.g. the clock before `no shutdown`). */
  readonly precheck?: VerificationSpec
  readonly verify?: VerificationSpec
  readonly corrections?: readonly CorrectionId[]
  /**
   * The step also needs something done on CUCM that the router cannot show (template): until
   * it is confirmed, router output alone leaves the step "router side verified", not verified.
   */
  readonly cucmConfirmation?: string
}

export interface Task {
  readonly id: TaskId
  readonly title: string
  readonly summary: string
}
