import { z } from 'zod'
import { method } from './define'
import { SessionId, SessionSpec } from './sessions'
import { LineHandling, LogOptions } from './session-options'
import { LIMITS } from './limits'

/** A saved connection. Never holds a password: those are asked at connect time. */
export const Profile = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  name: z.string().min(1).max(64),
  spec: SessionSpec,
  log: LogOptions.default(LogOptions.parse({})),
  lineHandling: LineHandling.default(LineHandling.parse({})),
})
export type Profile = z.infer<typeof Profile>

export const PacedSendOptions = z.object({
  charDelayMs: z.number().int().min(0).max(1000).default(0),
  lineDelayMs: z.number().int().min(0).max(10_000).default(0),
  waitFor: z.enum(['none', 'echo', 'prompt']).default('echo'),
  timeoutMs: z.number().int().min(100).max(120_000).default(3000),
  /**
   * The device's receive buffer: when waiting for echo, a longer line goes in pieces of this many
   * bytes, each echoed before the next (an IOS console drops typeahead beyond a small buffer).
   */
  bufferSize: z.number().int().min(8).max(65_536).default(64),
})
export type PacedSendOptions = z.infer<typeof PacedSendOptions>

export const PromptKind = z.enum([
  'user-exec',
  'privileged',
  'config',
  'yes-no',
  'password',
  'username',
  'confirm',
  'more',
  'enrollment-paste',
])
export type PromptKind = z.infer<typeof PromptKind>

export const SeenPrompt = z.object({
  kind: PromptKind,
  text: z.string().max(LIMITS.seenPrompt.text),
  mode: z.string().max(LIMITS.seenPrompt.mode).optional(),
})

export const ExecResult = z.object({
  /** Output from the first line sent until the call returned (ANSI removed). */
  output: z.string(),
  /** The prompt the session stopped at, if one was recognised. */
  prompt: SeenPrompt.nullable(),
  linesSent: z.number().int(),
  timedOut: z.boolean(),
})
export type ExecResult = z.infer<typeof ExecResult>

export const consoleMethods = {
  /** Send BREAK on a serial line or an RFC 2217 console server port (ROMMON). Other kinds answer with an error. */
  'session.break': method(z.object({ id: SessionId, ms: z.number().int().min(10).max(5000).default(300) }), z.null()),
  /** Change the line speed of a serial cable or an RFC 2217 console-server port while connected. */
  'session.setBaudRate': method(
    z.object({ id: SessionId, baudRate: z.number().int().min(50).max(4_000_000) }),
    z.object({ baudRate: z.number().int().min(0).max(0xffffffff) }),
  ),
  /** Send text line by line, paced, waiting for echo or prompt; progress arrives as session.sendProgress. */
  'session.pacedSend': method(
    z.object({ id: SessionId, text: z.string().max(1024 * 1024), options: PacedSendOptions.default(PacedSendOptions.parse({})) }),
    z.object({
      lines: z.number().int(),
      linesSent: z.number().int(),
      bytes: z.number().int(),
      elapsedMs: z.number(),
      theoreticalMs: z.number(),
    }),
  ),
  'session.cancelSend': method(z.object({ id: SessionId }), z.null()),
  /**
   * Send lines and wait for the router's prompt after each; stop early at an interactive prompt
   * (yes/no, password, paste) so the caller can decide the answer. What the checklist drives.
   */
  'session.exec': method(
    z.object({
      id: SessionId,
      lines: z.array(z.string().max(4096)).max(500),
      timeoutMs: z.number().int().min(100).max(300_000).default(15_000),
      /** Lines are secrets (passphrases): never kept in the returned output or any log. */
      secret: z.boolean().default(false),
      /** Lines are a paste (a PEM at `enrollment terminal`): send them all, then wait for one prompt. */
      paste: z.boolean().default(false),
    }),
    ExecResult,
  ),
  /** The rolling tail of output and the prompt it ends at, if any. */
  'session.tail': method(z.object({ id: SessionId }), z.object({ text: z.string(), prompt: SeenPrompt.nullable() })),
  /** Whether passwords can be remembered here (OS keychain), and why not. */
  'secrets.status': method(z.null(), z.object({ available: z.boolean(), reason: z.string().optional() })),
  /** Forget one remembered answer, or all of them. */
  'secrets.forget': method(z.object({ key: z.string().max(512).optional() }), z.null()),
  /** Start logging a running session (any kind); a running log is replaced. Answers with the file's path. */
  'session.logStart': method(
    z.object({
      id: SessionId,
      /** A file name in the logs folder; appended to when it exists. The template's name when omitted. */
      fileName: LogOptions.shape.appendTo,
      mode: LogOptions.shape.mode,
      timestamps: LogOptions.shape.timestamps,
    }),
    z.object({ path: z.string().max(4096) }),
  ),
  'session.logStop': method(z.object({ id: SessionId }), z.null()),
  /** Where session logs are written; opened in the file manager where the host can. */
  'logs.openFolder': method(z.null(), z.object({ path: z.string(), opened: z.boolean() })),
} as const

export const SerialPortInfo = z.object({
  path: z.string(),
  manufacturer: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  serialNumber: z.string().optional(),
  pnpId: z.string().optional(),
})
export type SerialPortInfo = z.infer<typeof SerialPortInfo>

export const serialMethods = {
  'serial.listPorts': method(z.null(), z.object({ ports: z.array(SerialPortInfo), error: z.string().optional() })),
} as const

export const RouterFingerprint = z.object({
  algorithm: z.enum(['md5', 'sha1', 'sha256']),
  /** Upper-case hex, no separators. */
  hex: z.string().regex(/^[0-9A-F]+$/),
  /** The certificate section of the output it was printed in (0, 1, …); an MD5/SHA1 pair shares one. */
  section: z.number().int().min(0).max(10_000).optional(),
  /** That section in words: `CA Certificate cn=testCA (trustpoints SecureCFB testCA)`. */
  sectionLabel: z.string().max(LIMITS.fingerprints.sectionLabel).optional(),
})

/** Most fingerprints one report carries (`show crypto pki certificates verbose` on a busy router). */
export const MAX_REPORTED_FINGERPRINTS = LIMITS.fingerprints.perEvent

export const consoleEvents = {
  'session.sendProgress': z.object({ id: SessionId, line: z.number().int(), lines: z.number().int(), bytes: z.number().int() }),
  /**
   * The router printed fingerprint lines (crypto pki authenticate, show … verbose). `asking`: the
   * output ends at `% Do you accept this certificate? [yes/no]:`, so the router waits for a verdict.
   */
  'session.fingerprints': z.object({
    id: SessionId,
    fingerprints: z.array(RouterFingerprint).max(MAX_REPORTED_FINGERPRINTS),
    context: z.string().max(LIMITS.fingerprints.context),
    asking: z.boolean().optional(),
  }),
  /**
   * The router printed `show clock`. `utcMs` only for a UTC-like zone (other zone names have no
   * known offset); `observedAt` is this host's time when the line arrived, so the router's clock
   * can be carried forward.
   */
  'session.clock': z.object({
    id: SessionId,
    text: z.string().max(LIMITS.clock.text),
    utcMs: z.number().optional(),
    authoritative: z.boolean(),
    observedAt: z.number(),
  }),
  /** The router printed certificates (crypto pki export … pem terminal): they go to the workbench. */
  'session.certificates': z.object({
    id: SessionId,
    trustpoint: z.string().max(LIMITS.certificates.trustpoint).optional(),
    blocks: z
      .array(z.object({ label: z.string().max(LIMITS.certificates.label), pem: z.string().max(LIMITS.certificates.pem) }))
      .max(LIMITS.certificates.perEvent),
  }),
  'serial.ports': z.object({ ports: z.array(SerialPortInfo) }),
} as const
