/**
 * Reading OpenSSH known_hosts text: "[marker] patterns keytype base64 [comment]". Lines that are
 * not entries (comments, blanks, garbage) are kept as they are so a rewrite never loses them.
 */
import { createHmac } from 'node:crypto'
import { keyTypeOf } from './host-key'

export interface KnownHostEntry {
  /** Index of the line in the file. */
  readonly line: number
  readonly marker?: '@revoked' | '@cert-authority'
  /** Comma-separated patterns as written ("[10.0.0.1]:2222,router1") or one hashed name. */
  readonly hosts: string
  readonly keyType: string
  readonly key: Buffer
  readonly comment?: string
}

export interface KnownHostsText {
  /** Every line as read, without its newline. */
  readonly lines: string[]
  readonly entries: KnownHostEntry[]
}

function parseLine(text: string, line: number): KnownHostEntry | undefined {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return undefined
  const fields = trimmed.split(/\s+/)
  let marker: KnownHostEntry['marker']
  if (fields[0]?.startsWith('@')) {
    const first = fields.shift()
    if (first !== '@revoked' && first !== '@cert-authority') return undefined
    marker = first
  }
  const [hosts, keyType, base64, ...rest] = fields
  if (!hosts || !keyType || !base64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined
  const key = Buffer.from(base64, 'base64')
  // The blob names its own type: a mismatch means a damaged line, not a key to trust.
  if (keyTypeOf(key) !== keyType) return undefined
  const comment = rest.length > 0 ? rest.join(' ') : undefined
  return { line, marker, hosts, keyType, key, comment }
}

export function parseKnownHosts(text: string): KnownHostsText {
  const lines = text.split('\n')
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  const entries: KnownHostEntry[] = []
  lines.forEach((raw, index) => {
    const entry = parseLine(raw.replace(/\r$/, ''), index)
    if (entry) entries.push(entry)
  })
  return { lines, entries }
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${body}$`, 'i')
}

function matchesHashed(hashed: string, name: string): boolean {
  const [, kind, salt, hash] = hashed.split('|')
  if (kind !== '1' || !salt || !hash) return false
  const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64')
  return digest === hash
}

/** Whether an entry's host field names `name` (already in known_hosts form, e.g. "[h]:2222"). */
export function hostsFieldMatches(hosts: string, name: string): boolean {
  if (hosts.startsWith('|')) return matchesHashed(hosts, name)
  let matched = false
  for (const pattern of hosts.split(',')) {
    if (pattern === '') continue
    const negated = pattern.startsWith('!')
    const glob = negated ? pattern.slice(1) : pattern
    if (!globToRegExp(glob).test(name)) continue
    // A matching negation rules the host out whatever else matches, as in OpenSSH.
    if (negated) return false
    matched = true
  }
  return matched
}

/**
 * The line text once the exact name `name` is taken out of its host list: the same text when
 * the line names it only through a wildcard, undefined when nothing would be left (or the line
 * is hashed, one host per line) and the line should go.
 */
export function withoutHost(entry: KnownHostEntry, rawLine: string, name: string): string | undefined {
  if (entry.hosts.startsWith('|')) return matchesHashed(entry.hosts, name) ? undefined : rawLine
  const patterns = entry.hosts.split(',')
  const remaining = patterns.filter((pattern) => pattern.toLowerCase() !== name)
  if (remaining.length === patterns.length) return rawLine
  if (!remaining.some((pattern) => pattern !== '' && !pattern.startsWith('!'))) return undefined
  return rawLine.replace(entry.hosts, remaining.join(','))
}
