/** Turns socket and ssh2 failures into sentences a field engineer can act on. */
import type { AlgorithmOffer } from './algorithms'
import { GROUP1_SHA1_UNAVAILABLE, supportsGroup1Sha1 } from './algorithms'
import type { ServerOffer } from './kexinit'

export interface Endpoint {
  readonly host: string
  readonly port: number
}

const where = (to: Endpoint): string => `${to.host}:${to.port}`

function codeOf(error: Error): string | undefined {
  return 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

function levelOf(error: Error): string | undefined {
  return 'level' in error && typeof error.level === 'string' ? error.level : undefined
}

/** ssh2's pseudo-algorithms that announce extensions rather than name a key exchange. */
const isPseudo = (name: string): boolean => name.startsWith('ext-info-') || name.startsWith('kex-strict-')

const LABELS: Record<keyof AlgorithmOffer, string> = {
  kex: 'Key exchange',
  serverHostKey: 'Host key',
  cipher: 'Cipher',
  hmac: 'MAC',
}

function failedStep(message: string): keyof AlgorithmOffer | undefined {
  if (/key exchange/i.test(message)) return 'kex'
  if (/host key/i.test(message)) return 'serverHostKey'
  if (/cipher/i.test(message)) return 'cipher'
  if (/mac/i.test(message)) return 'hmac'
  return undefined
}

/** Names shown per side and category; the rest is counted, so a hostile list stays short. */
export const ALGORITHMS_SHOWN = 4

/** "a, b, c, d and 7 more": a list a person can read at a glance. */
function shortList(names: readonly string[]): string {
  if (names.length === 0) return '(none)'
  const shown = names.slice(0, ALGORITHMS_SHOWN).map((name) => (name.length > 64 ? `${name.slice(0, 63)}…` : name))
  const rest = names.length - shown.length
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ')
}

/**
 * "no matching …" from ssh2's handshake, as lines: what failed, then the switch that fixes it
 * (named first, before the detail), then per category what the router offers against what we
 * offer, each a short list. The banner keeps the line breaks.
 */
export function negotiationError(
  to: Endpoint,
  message: string,
  ours: AlgorithmOffer,
  theirs: ServerOffer | undefined,
  legacyOn: boolean,
): Error {
  const step = failedStep(message)
  const lines = [`Could not agree on SSH algorithms with ${where(to)}: no common ${step ? LABELS[step].toLowerCase() : 'algorithm'}.`]
  const serverKex = theirs?.kex.filter((name) => !isPseudo(name)) ?? []
  const onlyGroup1 = serverKex.length > 0 && serverKex.every((name) => name === 'diffie-hellman-group1-sha1')
  if (onlyGroup1 && !supportsGroup1Sha1()) lines.push(GROUP1_SHA1_UNAVAILABLE)
  // Quick connect has the same switch as the profile editor: the advice fits either way in.
  else if (!legacyOn) lines.push("Turn on 'Legacy IOS algorithms' (profile editor or quick connect) and connect again.")
  else lines.push("'Legacy IOS algorithms' is already on: the router offers nothing this app can use.")
  const order = (Object.keys(LABELS) as (keyof AlgorithmOffer)[]).sort((a, b) => Number(b === step) - Number(a === step))
  for (const kind of order) {
    const server = theirs ? shortList(theirs[kind].filter((name) => !isPseudo(name))) : '(not received)'
    lines.push(`${LABELS[kind]}${kind === step ? ' (no match)' : ''}:`)
    lines.push(`  router offers: ${server}`)
    lines.push(`  we offer: ${shortList(ours[kind].filter((name) => !isPseudo(name)))}`)
  }
  const error = new Error(lines.join('\n'))
  error.name = 'SshNegotiationError'
  return error
}

/** Failures before the session is up: refused, unreachable, timed out, unknown name. */
export function connectError(to: Endpoint, error: Error): Error {
  const code = codeOf(error)
  const level = levelOf(error)
  switch (code) {
    case 'ECONNREFUSED':
      return new Error(`Connection refused by ${where(to)} — is SSH enabled on the router (ip ssh, transport input ssh)?`)
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return new Error(`Cannot resolve the host name '${to.host}' (DNS lookup failed) — check the spelling or use the router's IP address.`)
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new Error(`No route to ${to.host} — check the cabling, the laptop's address and the router's interface.`)
    case 'ETIMEDOUT':
      return new Error(`Timed out connecting to ${where(to)} — check the address and that the router is reachable.`)
    case 'ECONNRESET':
    case 'EPIPE':
      return new Error(
        `${where(to)} reset the connection during login — the router may be out of free vty lines, or an access-class may block this address.`,
      )
    default:
      break
  }
  if (level === 'protocol' && /before handshake/i.test(error.message)) {
    return new Error(
      `${where(to)} closed the connection before the SSH handshake — is this an SSH port, and does the router have an RSA key (crypto key generate rsa)?`,
    )
  }
  return new Error(`SSH connection to ${where(to)} failed: ${error.message}`)
}

/** Failures once the session is open: the link went away under us. */
export function lostReason(to: Endpoint, error: Error | undefined, keepaliveSeconds: number): string {
  if (!error) return `Connection lost: ${where(to)} closed the connection unexpectedly.`
  const code = codeOf(error)
  if (code === 'ECONNRESET') return `Connection lost: connection reset by ${where(to)}.`
  if (code === 'ETIMEDOUT') return `Connection lost: ${where(to)} stopped answering (timed out).`
  if (levelOf(error) === 'client-timeout') {
    return `Connection lost: ${where(to)} did not answer keepalives for ${keepaliveSeconds * 3} s.`
  }
  return `Connection lost: ${error.message}`
}
