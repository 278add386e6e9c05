import { z } from 'zod'
import { method } from './define'
import { SessionOptions } from './session-options'
import { LIMITS } from './limits'

export const SessionId = z.string().regex(/^s[0-9]+$/, 'a session id looks like s1')
export type SessionId = z.infer<typeof SessionId>

const Cols = z.number().int().min(2).max(1000)
const Rows = z.number().int().min(1).max(500)
const HostName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._:-]+$/, 'host names use letters, digits, dots, dashes and colons')

export const ShellSpec = z.object({
  kind: z.literal('shell'),
  /** Absolute path of the shell; the user's login shell when omitted. */
  shell: z.string().max(4096).optional(),
  args: z.array(z.string().max(4096)).max(64).optional(),
  cwd: z.string().max(4096).optional(),
})

export const PracticeSpec = z.object({
  kind: z.literal('practice'),
  /** Practice labs are kept apart, each with its own router state. */
  lab: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('default'),
  seed: z.string().max(128).optional(),
})

export const SshAuthMethod = z.enum(['password', 'keyboard-interactive', 'publickey', 'agent'])
export const SshSpec = z.object({
  kind: z.literal('ssh'),
  host: HostName,
  port: z.number().int().min(1).max(65535).default(22),
  username: z.string().min(1).max(128),
  auth: SshAuthMethod.default('password'),
  /** Path of a private key file for publickey auth (OpenSSH or PEM). */
  privateKeyPath: z.string().max(4096).optional(),
  /** Adds the SHA-1 / CBC / group1 algorithms old IOS images still offer. */
  legacyAlgorithms: z.boolean().default(false),
  keepaliveSeconds: z.number().int().min(0).max(3600).default(30),
})

export const SerialParity = z.enum(['none', 'even', 'odd', 'mark', 'space'])
export const SerialSpec = z.object({
  kind: z.literal('serial'),
  path: z.string().min(1).max(4096),
  baudRate: z.number().int().min(50).max(4_000_000).default(9600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: SerialParity.default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  flowControl: z.enum(['none', 'rtscts', 'xonxoff']).default('none'),
  dtr: z.boolean().default(true),
  rts: z.boolean().default(true),
  /** USB serial number, so a replugged adapter is found again under a new path. */
  usbSerialNumber: z.string().max(256).optional(),
})

/** The serial line behind an RFC 2217 console server port (COM-PORT-OPTION). */
export const ComPortSettings = z.object({
  baudRate: z.number().int().min(50).max(4_000_000).default(9600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: SerialParity.default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
})
export type ComPortSettings = z.output<typeof ComPortSettings>

/** Telnet, usually to a console server's port (reverse telnet: an IOS async line, Opengear, Lantronix). */
export const TelnetSpec = z.object({
  kind: z.literal('telnet'),
  host: HostName,
  port: z.number().int().min(1).max(65535).default(23),
  /** Sent when the server asks (TERMINAL-TYPE, RFC 1091). */
  terminalType: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._+-]+$/)
    .default('xterm-256color'),
  /** A console server port: a serial line at the far end, so pastes default to paced sending. */
  consoleServer: z.boolean().default(true),
  /** Set the far serial line over RFC 2217 (COM-PORT-OPTION); absent for plain telnet. */
  comPort: ComPortSettings.optional(),
})

export const SessionSpec = z.discriminatedUnion('kind', [ShellSpec, PracticeSpec, SshSpec, SerialSpec, TelnetSpec])
export type SessionSpec = z.infer<typeof SessionSpec>
export type SessionKind = SessionSpec['kind']

export const SessionState = z.enum(['opening', 'open', 'closed', 'error'])
export type SessionState = z.infer<typeof SessionState>

export const SessionInfo = z.object({
  id: SessionId,
  kind: z.enum(['shell', 'practice', 'ssh', 'serial', 'telnet']),
  title: z.string().max(LIMITS.session.title),
  state: SessionState,
  /** Why the session closed or failed, in words for the user. */
  reason: z.string().max(LIMITS.session.reason).optional(),
  exitCode: z.number().int().optional(),
  /** True while the transport is paused because the window fell behind. */
  paused: z.boolean(),
  /** A passing condition worth showing (serial: "cable disconnected — waiting for /dev/ttyUSB0"). */
  detail: z.string().max(LIMITS.session.detail).optional(),
  /** Something looks wrong but the session goes on (serial: wrong speed suspected). */
  warning: z.string().max(LIMITS.session.warning).optional(),
  /** The session log being written, if any. */
  logPath: z.string().max(LIMITS.session.logPath).optional(),
  /** Why the session log stopped on its own (disk full, write error): the session goes on unlogged. */
  logError: z.string().max(LIMITS.session.logError).optional(),
})
export type SessionInfo = z.infer<typeof SessionInfo>

/** Something the session needs the user to answer: a password, an auth question, a host key. */
export const SessionPrompt = z.object({
  id: SessionId,
  promptId: z.string().min(1).max(64),
  kind: z.enum(['secret', 'questions', 'host-key-new', 'host-key-changed']),
  title: z.string().max(LIMITS.prompt.title),
  message: z.string().max(LIMITS.prompt.message),
  fields: z.array(z.object({ label: z.string().max(LIMITS.prompt.fieldLabel), echo: z.boolean() })).max(LIMITS.prompt.fields),
  fingerprint: z.string().max(LIMITS.prompt.fingerprint).optional(),
  /** The answer may be kept in the OS keychain for next time (desktop app with a keychain only). */
  rememberable: z.boolean().optional(),
})
export type SessionPrompt = z.infer<typeof SessionPrompt>

export const sessionMethods = {
  'session.open': method(
    z.object({ spec: SessionSpec, cols: Cols, rows: Rows, options: SessionOptions.optional() }),
    z.object({ id: SessionId }),
  ),
  'session.write': method(z.object({ id: SessionId, data: z.string().max(64 * 1024) }), z.null()),
  'session.resize': method(z.object({ id: SessionId, cols: Cols, rows: Rows }), z.null()),
  /** The window has drawn this many characters of output: the transport may go on. */
  'session.ack': method(
    z.object({
      id: SessionId,
      chars: z
        .number()
        .int()
        .min(0)
        .max(16 * 1024 * 1024),
    }),
    z.null(),
  ),
  'session.close': method(z.object({ id: SessionId }), z.null()),
  'session.list': method(z.null(), z.array(SessionInfo)),
  'session.respond': method(
    z.object({
      id: SessionId,
      promptId: z.string().min(1).max(64),
      answers: z.array(z.string().max(4096)).max(16).optional(),
      accept: z.boolean().optional(),
      /** Keep these answers in the OS keychain for this host and question. */
      remember: z.boolean().optional(),
    }),
    z.null(),
  ),
} as const

export const sessionEvents = {
  /** Output for the terminal, batched by the session. */
  'session.data': z.object({ id: SessionId, data: z.string() }),
  'session.state': SessionInfo,
  'session.prompt': SessionPrompt,
} as const
