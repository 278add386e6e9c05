import { KNOWN_CODECS, SCCP_VERSIONS } from './site'

/** One thing wrong (error: the router or CUCM would refuse it) or doubtful (warning) with a value. */
export interface FieldIssue {
  readonly severity: 'error' | 'warning'
  readonly message: string
}

const error = (message: string): FieldIssue => ({ severity: 'error', message })
const warning = (message: string): FieldIssue => ({ severity: 'warning', message })

export function checkIpv4(value: unknown): FieldIssue[] {
  if (typeof value !== 'string' || value.trim() === '') return [error('Required: an IPv4 address such as 10.10.10.1.')]
  const text = value.trim()
  if (text !== value) return [error('Remove the spaces around the address.')]
  const parts = text.split('.')
  if (parts.length !== 4) return [error(`An IPv4 address has 4 numbers separated by dots; this has ${parts.length}.`)]
  const octets: number[] = []
  for (const [i, part] of parts.entries()) {
    if (!/^\d+$/.test(part)) return [error(`Part ${i + 1} ("${part}") is not a number.`)]
    if (part.length > 1 && part.startsWith('0'))
      return [error(`Part ${i + 1} ("${part}") has a leading zero; IOS may read it as octal. Write ${Number(part)}.`)]
    const n = Number(part)
    if (n > 255) return [error(`Part ${i + 1} is ${n}; each part must be 0–255.`)]
    octets.push(n)
  }
  const [a, b] = octets as [number, number, number, number]
  if (text === '0.0.0.0') return [error('0.0.0.0 is not a host address.')]
  if (text === '255.255.255.255') return [error('255.255.255.255 is the broadcast address, not a host.')]
  if (a === 0) return [error('Addresses starting with 0 are not host addresses.')]
  if (a === 127) return [error('127.x.x.x is the loopback range: another device cannot reach it.')]
  if (a >= 224 && a <= 239) return [error('224–239.x.x.x is multicast, not a host address.')]
  if (a >= 240) return [error('240–255.x.x.x is reserved, not a host address.')]
  if (a === 169 && b === 254) return [warning('169.254.x.x is link-local (no DHCP lease?); CUCM is unlikely to reach it.')]
  return []
}

const INTERFACE_TYPES: ReadonlyArray<readonly [RegExp, string, 'slot' | 'single']> = [
  [/^(?:gi|gig|gigabitethernet)$/i, 'GigabitEthernet', 'slot'],
  [/^(?:fa|fastethernet)$/i, 'FastEthernet', 'slot'],
  [/^(?:te|ten|tengigabitethernet)$/i, 'TenGigabitEthernet', 'slot'],
  [/^(?:et|eth|ethernet)$/i, 'Ethernet', 'slot'],
  [/^(?:lo|loopback)$/i, 'Loopback', 'single'],
  [/^(?:vl|vlan)$/i, 'Vlan', 'single'],
  [/^(?:po|port-channel)$/i, 'Port-channel', 'single'],
  [/^(?:bdi)$/i, 'BDI', 'single'],
]

/** `Gi0/1` → `GigabitEthernet0/1`; undefined when the name is not a usable IOS interface. */
export function normalizeInterfaceName(value: string): string | undefined {
  const m = /^([A-Za-z-]+)\s?(\d[\d/.]*)$/.exec(value.trim())
  if (!m) return undefined
  const type = INTERFACE_TYPES.find(([pattern]) => pattern.test(m[1] ?? ''))
  return type ? `${type[1]}${m[2] ?? ''}` : undefined
}

export function checkInterfaceName(value: unknown): FieldIssue[] {
  if (typeof value !== 'string' || value.trim() === '') return [error('Required: the interface SCCP uses, e.g. GigabitEthernet0/1.')]
  const m = /^([A-Za-z-]+)\s?(.*)$/.exec(value.trim())
  const typeWord = m?.[1] ?? ''
  const number = m?.[2] ?? ''
  const type = INTERFACE_TYPES.find(([pattern]) => pattern.test(typeWord))
  if (!type)
    return [
      error(
        `"${typeWord || value}" is not an interface type SCCP can use (GigabitEthernet, FastEthernet, Ethernet, Loopback, Vlan, Port-channel…).`,
      ),
    ]
  if (number === '') return [error(`${type[1]} needs a number, e.g. ${type[2] === 'slot' ? `${type[1]}0/1` : `${type[1]}0`}.`)]
  const pattern = type[2] === 'slot' ? /^\d{1,2}(?:\/\d{1,3}){0,3}(?:\.\d{1,10})?$/ : /^\d{1,10}(?:\.\d{1,10})?$/
  if (!pattern.test(number)) {
    return [
      error(
        type[2] === 'slot'
          ? `"${number}" is not a slot/port number like 0/1 or 0/0/1 (a sub-interface adds .100).`
          : `"${number}" is not a number like 0 or 10.`,
      ),
    ]
  }
  if (type[1] === 'Vlan') {
    const id = Number(number)
    if (id < 1 || id > 4094) return [error(`VLAN ${id} is outside 1–4094.`)]
  }
  return []
}

export interface NameRule {
  readonly what: string
  readonly maxLength: number
  /** A softer length limit that only warns (documented limits we could not confirm on every release). */
  readonly warnAbove?: number
  readonly warnReason?: string
}

/** IOS names for trustpoints, servers and SCCP registration: letters, digits, `-`, `_`, `.`, no spaces. */
export function checkIosName(value: unknown, rule: NameRule): FieldIssue[] {
  if (typeof value !== 'string' || value === '') return [error(`Required: the ${rule.what}.`)]
  if (/\s/.test(value)) return [error(`The ${rule.what} cannot contain spaces: IOS reads the part after a space as another argument.`)]
  const bad = [...new Set(value.replace(/[A-Za-z0-9._-]/g, ''))]
  if (bad.length > 0)
    return [error(`The ${rule.what} may use letters, digits, "-", "_" and "." only; remove ${bad.map((c) => `"${c}"`).join(' ')}.`)]
  if (!/^[A-Za-z0-9]/.test(value)) return [error(`The ${rule.what} must start with a letter or digit.`)]
  if (value.length > rule.maxLength) return [error(`The ${rule.what} is ${value.length} characters; the limit is ${rule.maxLength}.`)]
  if (rule.warnAbove !== undefined && value.length > rule.warnAbove) {
    return [warning(rule.warnReason ?? `The ${rule.what} is longer than ${rule.warnAbove} characters.`)]
  }
  return []
}

/** A whole number within limits; strings typed into a form are accepted if they are plain digits. */
export function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value)
  return undefined
}

export function checkIntRange(value: unknown, min: number, max: number, what: string): FieldIssue[] {
  if (value === undefined || value === null || value === '') return [error(`Required: the ${what}.`)]
  const n = toInteger(value)
  if (n === undefined) return [error(`The ${what} must be a whole number.`)]
  if (n < min || n > max) return [error(`The ${what} must be ${min}–${max}; ${n} is outside.`)]
  return []
}

/** `g711ulaw g711alaw` or `g711ulaw, g711alaw` or an array → list. */
export function parseList(value: unknown): string[] | undefined {
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'string') ? value.map((v: string) => v.trim()).filter((v) => v !== '') : undefined
  if (typeof value === 'string') return value.split(/[\s,;]+/).filter((v) => v !== '')
  return undefined
}

export function checkCodecs(value: unknown): FieldIssue[] {
  const codecs = parseList(value)
  if (codecs === undefined || codecs.length === 0) return [error('Add at least one codec, e.g. g711ulaw.')]
  const known = new Set<string>(KNOWN_CODECS)
  const unknown = codecs.filter((c) => !known.has(c))
  if (unknown.length > 0) return [error(`Unknown codec ${unknown.map((c) => `"${c}"`).join(', ')}; known: ${KNOWN_CODECS.join(', ')}.`)]
  const dupes = codecs.filter((c, i) => codecs.indexOf(c) !== i)
  if (dupes.length > 0) return [error(`${dupes[0] ?? ''} is listed twice.`)]
  if (!codecs.includes('g711ulaw') && !codecs.includes('g711alaw'))
    return [warning('No G.711 codec: phones that only offer G.711 will need a transcoder.')]
  return []
}

export function checkSccpVersion(value: unknown): FieldIssue[] {
  if (typeof value !== 'string' || value.trim() === '') return [error('Required: the SCCP version, 7.0+ for CUCM 15.')]
  const v = value.trim()
  if (!(SCCP_VERSIONS as readonly string[]).includes(v))
    return [error(`"${v}" is not an SCCP version IOS accepts (${SCCP_VERSIONS.join(', ')}).`)]
  if (v === 'auto') return [warning('"auto" is not offered by every IOS release; 7.0+ is what the procedure uses.')]
  if (v === '7.0') return [warning('IOS reads 7.0 as 7.0+; write 7.0+ to match the procedure.')]
  if (v !== '7.0+') return [warning(`Version ${v} predates CUCM 7; secure conferencing with CUCM 15 expects 7.0+.`)]
  return []
}

export function checkPhoneDns(value: unknown): FieldIssue[] {
  const dns = parseList(value)
  if (dns === undefined || dns.length === 0) return [error('Add the directory numbers of the test phones, e.g. 1001 1002 1003.')]
  const bad = dns.filter((d) => !/^\+?\d{1,24}$/.test(d))
  if (bad.length > 0) return [error(`${bad.map((d) => `"${d}"`).join(', ')} is not a directory number (digits, optional leading +).`)]
  const dupes = dns.filter((d, i) => dns.indexOf(d) !== i)
  if (dupes.length > 0) return [error(`${dupes[0] ?? ''} is listed twice.`)]
  if (dns.length < 3) return [warning(`A three-party conference test needs three phones; ${dns.length} listed.`)]
  return []
}

/** How many nodes a bridge's CUCM group may list: `associate ccm … priority <1-4>` (Cisco IOS Voice Command Reference). */
export const MAX_CUCM_GROUP_NODES = 4

/**
 * The bridge's CUCM group. Each node needs the name CUCM shows (step 13 expects "Registered with
 * … <name>"), a reachable IPv4 address and a priority 1–4; exactly one node is the publisher.
 * Messages name the node so the form can show them under the table.
 */
export function checkCucmNodes(value: unknown): FieldIssue[] {
  if (!Array.isArray(value) || value.length === 0) return [error('Add at least one CUCM node: the server the bridge registers with.')]
  if (value.length > MAX_CUCM_GROUP_NODES) {
    return [
      error(
        `A CUCM group on IOS takes priorities 1–${MAX_CUCM_GROUP_NODES}, so at most ${MAX_CUCM_GROUP_NODES} nodes; ${value.length} listed.`,
      ),
    ]
  }
  const issues: FieldIssue[] = []
  const seenNames = new Map<string, number>()
  const seenIps = new Map<string, number>()
  const seenPriorities = new Map<number, number>()
  let publishers = 0
  value.forEach((raw: unknown, i) => {
    const node = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
    const name = typeof node.name === 'string' ? node.name.trim() : ''
    const who = `Node ${i + 1}${name ? ` (${name})` : ''}`
    if (name === '')
      issues.push(
        error(`${who}: the name is required, as CUCM shows it under System → Server; step 13 expects "Registered with … <name>".`),
      )
    else if (/\s/.test(name)) issues.push(error(`${who}: a CUCM server name has no spaces.`))
    else if (seenNames.has(name.toLowerCase()))
      issues.push(error(`${who}: same name as node ${(seenNames.get(name.toLowerCase()) ?? 0) + 1}.`))
    else seenNames.set(name.toLowerCase(), i)
    for (const issue of checkIpv4(node.ip)) issues.push({ severity: issue.severity, message: `${who}: ${issue.message}` })
    const ip = typeof node.ip === 'string' ? node.ip.trim() : ''
    if (ip !== '' && seenIps.has(ip)) issues.push(error(`${who}: same IP as node ${(seenIps.get(ip) ?? 0) + 1}.`))
    else if (ip !== '') seenIps.set(ip, i)
    const priority = toInteger(node.priority)
    if (priority === undefined || priority < 1 || priority > MAX_CUCM_GROUP_NODES) {
      issues.push(error(`${who}: the priority is 1–${MAX_CUCM_GROUP_NODES} (1 is tried first).`))
    } else if (seenPriorities.has(priority)) {
      issues.push(
        error(
          `${who}: priority ${priority} is already node ${(seenPriorities.get(priority) ?? 0) + 1}'s; each node of the group needs its own.`,
        ),
      )
    } else seenPriorities.set(priority, i)
    if (node.publisher === true) publishers++
  })
  if (publishers === 0) issues.push(error("Mark the publisher: one node of the list is the cluster's publisher."))
  if (publishers > 1) issues.push(error(`${publishers} nodes are marked publisher; a cluster has one.`))
  return issues
}
