import { SerialSpec, SshSpec, TelnetSpec, type SessionSpec } from '../../../shared/contract'
import { parseFrame } from './serial-options'

export type QuickConnectResult = { ok: true; spec: SessionSpec; label: string } | { ok: false; error: string }

const fail = (error: string): QuickConnectResult => ({ ok: false, error })

function firstIssue(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid'
  const field = issue.path.map(String).join('.')
  return field ? `${field}: ${issue.message}` : issue.message
}

/** A device path: /dev/ttyUSB0, /dev/pts/5, COM3, \\.\COM12. */
function looksLikeSerial(word: string): boolean {
  return word.startsWith('/dev/') || /^(\\\\\.\\)?COM\d+$/i.test(word)
}

/**
 * Line settings as words, for a serial port or an RFC 2217 port: a speed (`9600`) and a frame
 * (`8N1`), in any order; undefined when there are none.
 */
function parseLineWords(words: readonly string[]): { ok: true; line?: Record<string, unknown> } | { ok: false; error: string } {
  let line: Record<string, unknown> | undefined
  for (const word of words) {
    if (/^\d+$/.test(word)) line = { ...line, baudRate: Number(word) }
    else {
      const frame = parseFrame(word)
      if (!frame) return { ok: false, error: `"${word}" is neither a speed (9600) nor a frame (8N1)` }
      line = { ...line, ...frame }
    }
  }
  return line ? { ok: true, line } : { ok: true }
}

function parseSerial(words: string[]): QuickConnectResult {
  const [path, ...rest] = words
  if (!path) return fail('a device path, e.g. /dev/ttyUSB0 9600')
  const settings = parseLineWords(rest)
  if (!settings.ok) return fail(settings.error)
  const parsed = SerialSpec.safeParse({ kind: 'serial', path, ...settings.line })
  if (!parsed.success) return fail(firstIssue(parsed.error))
  return { ok: true, spec: parsed.data, label: `${path} ${parsed.data.baudRate}` }
}

/** user@host:port, user@[v6]:port, host (port and user given separately). */
function splitTarget(target: string): { user?: string; host: string; port?: string } {
  const at = target.lastIndexOf('@')
  const user = at >= 0 ? target.slice(0, at) : undefined
  const rest = at >= 0 ? target.slice(at + 1) : target
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest)
  if (bracketed?.[1]) return { ...(user ? { user } : {}), host: bracketed[1], ...(bracketed[2] ? { port: bracketed[2] } : {}) }
  // More than one colon and no brackets: a bare IPv6 address without a port.
  const colons = rest.split(':').length - 1
  if (colons === 1) {
    const [host = '', port] = rest.split(':')
    return { ...(user ? { user } : {}), host, ...(port ? { port } : {}) }
  }
  return { ...(user ? { user } : {}), host: rest }
}

function parseSsh(words: string[]): QuickConnectResult {
  let user: string | undefined
  let port: string | undefined
  let target: string | undefined
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? ''
    if (word === '-p' || word === '-l') {
      const value = words[i + 1]
      if (!value) return fail(`${word} needs a value`)
      if (word === '-p') port = value
      else user = value
      i += 1
    } else if (word.startsWith('-')) {
      return fail(`ssh option ${word} is not supported in quick connect; make a profile for it (New profile)`)
    } else if (target === undefined) {
      target = word
    } else {
      return fail(`unexpected "${word}"`)
    }
  }
  if (!target) return fail('a target, e.g. admin@10.0.0.1:22')
  const split = splitTarget(target)
  const username = split.user ?? user
  const portText = split.port ?? port
  if (!username) return fail('SSH needs a user name: admin@host')
  if (portText !== undefined && !/^\d+$/.test(portText)) return fail(`port "${portText}" is not a number`)
  const parsed = SshSpec.safeParse({
    kind: 'ssh',
    host: split.host,
    username,
    ...(portText === undefined ? {} : { port: Number(portText) }),
  })
  if (!parsed.success) return fail(firstIssue(parsed.error))
  const shownPort = parsed.data.port === 22 ? '' : `:${parsed.data.port}`
  return { ok: true, spec: parsed.data, label: `${username}@${parsed.data.host}${shownPort}` }
}

/**
 * `telnet HOST [PORT]` or `telnet HOST:PORT`; a speed and frame after the port (`19200 8N1`)
 * make it an RFC 2217 console-server port whose line is set from here.
 */
function parseTelnet(words: string[]): QuickConnectResult {
  const [target, ...rest] = words
  if (!target) return fail('a console server, e.g. telnet 10.0.0.5 2001')
  const split = splitTarget(target)
  if (split.user) return fail('telnet takes no user name: the console server asks for it')
  let portText = split.port
  if (portText === undefined && rest[0] !== undefined && /^\d+$/.test(rest[0])) portText = rest.shift()
  if (portText !== undefined && !/^\d+$/.test(portText)) return fail(`port "${portText}" is not a number`)
  const comPort = parseLineWords(rest)
  if (!comPort.ok) return fail(comPort.error)
  const parsed = TelnetSpec.safeParse({
    kind: 'telnet',
    host: split.host,
    ...(portText === undefined ? {} : { port: Number(portText) }),
    ...(comPort.line ? { comPort: comPort.line } : {}),
  })
  if (!parsed.success) return fail(firstIssue(parsed.error))
  const shownPort = parsed.data.port === 23 ? '' : `:${parsed.data.port}`
  return { ok: true, spec: parsed.data, label: `telnet ${parsed.data.host}${shownPort}` }
}

/**
 * What the quick-connect box accepts: `admin@10.0.0.1:22`, `ssh admin@host -p 2222`,
 * `ssh -l admin host`, `telnet 10.0.0.5 2001 [9600 8N1]`, `/dev/ttyUSB0 9600 8N1`, `COM3 115200`, `practice [lab]`, `shell [path]`.
 */
export function parseQuickConnect(input: string): QuickConnectResult {
  const words = input.trim().split(/\s+/).filter(Boolean)
  const [first, ...rest] = words
  if (!first) return fail('type a target, e.g. admin@10.0.0.1 or /dev/ttyUSB0 9600')
  if (first === 'ssh') return parseSsh(rest)
  if (first === 'serial') return parseSerial(rest)
  if (first === 'telnet') return parseTelnet(rest)
  if (first.startsWith('telnet://')) return parseTelnet([first.slice('telnet://'.length).replace(/\/$/, ''), ...rest])
  if (looksLikeSerial(first)) return parseSerial(words)
  if (first === 'practice') {
    const lab = rest[0] ?? 'default'
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(lab)) return fail('a lab name uses letters, digits, - and _')
    return { ok: true, spec: { kind: 'practice', lab }, label: `Practice router (${lab})` }
  }
  if (first === 'shell') {
    const shell = rest[0]
    return { ok: true, spec: shell ? { kind: 'shell', shell } : { kind: 'shell' }, label: 'Local shell' }
  }
  return parseSsh(words)
}
