/**
 * Errors that say what CUCM answered, to which request, and what to do about it. Every message is
 * meant to be shown as is.
 */

export type CucmErrorKind =
  | 'axl-fault'
  | 'soap-fault'
  | 'unauthorized'
  | 'forbidden'
  | 'throttled'
  | 'http'
  | 'timeout'
  | 'network'
  | 'new-certificate'
  | 'changed-certificate'
  | 'needs-version'
  | 'read-only'
  | 'bad-answer'
  | 'plan-changed'

export interface CucmErrorDetails {
  readonly kind: CucmErrorKind
  /** What went wrong, in one sentence. */
  readonly message: string
  /** What to do about it. */
  readonly hint?: string
  /** The node (host:port) that answered or failed to. */
  readonly node?: string
  /** The request, e.g. "AXL addConferenceBridge (name SecureCFB)". */
  readonly request?: string
  readonly httpStatus?: number
  readonly axlcode?: string
  readonly axlmessage?: string
  /** The presented certificate (new/changed certificate). */
  readonly fingerprint?: string
}

export class CucmError extends Error {
  readonly details: CucmErrorDetails
  constructor(details: CucmErrorDetails) {
    super(formatCucmError(details))
    this.name = 'CucmError'
    this.details = details
  }
  get kind(): CucmErrorKind {
    return this.details.kind
  }
}

export function formatCucmError(d: CucmErrorDetails): string {
  const lines = [d.message]
  if (d.axlcode !== undefined) lines.push(`CUCM answered: axlcode ${d.axlcode}: ${d.axlmessage ?? ''}`.trimEnd())
  if (d.request) lines.push(`Request: ${d.request}${d.node ? ` to ${d.node}` : ''}`)
  else if (d.node) lines.push(`Node: ${d.node}`)
  if (d.hint) lines.push(`What to do: ${d.hint}`)
  return lines.join('\n')
}

/** Which role a credential lacks, per API (Cisco AXL Developer Guide; Certificate Management API docs). */
export const ROLE_HINT = {
  axl: 'The AXL user needs the "Standard AXL API Access" role (an application user in a group that has it).',
  platform: 'The platform API user needs the "Standard CCM Admin Users" role (an OS/platform administrator).',
  serviceability: 'The Serviceability user needs the "Standard CCM Admin Users" and "Standard SERVICEABILITY Administration" roles.',
} as const
