import type { z } from 'zod'
import {
  ContractError,
  LogOptions,
  type ExecResult,
  type PacedSendOptions,
  type SessionOptions,
  type SessionSpec,
} from '../../shared/contract'
import type { EventHub } from '../../shared/contract/dispatcher'
import type { Session } from './sessions/session'
import { execLines, type ExecRequest } from './sessions/exec'
import { PacedSender, PacedSendError, type PacedSummary } from './sessions/paced-send'
import { SessionLog } from './session-log/session-log'
import { RouterWatch } from './router-watch/router-watch'
import type { SecretStore } from './secrets/secret-store'
import type { PromptMemory } from './sessions/session'
import type { PromptRequest } from './sessions/transport'
import { CONDITION_MAX, LOG_ERROR_MAX, NOTICE_MAX, fitText } from './sessions/fit-text'

type ParsedSpec = z.output<typeof SessionSpec>

const LINE_ENDINGS = { cr: '\r', lf: '\n', crlf: '\r\n' } as const

interface Attached {
  readonly watch: RouterWatch
  readonly lineEnding: '\r' | '\n' | '\r\n'
  /** Names a log started later (the profile, else the kind). */
  readonly profile: string
  readonly template: string
  busy?: 'exec' | 'paced'
  abort?: AbortController
  log?: { readonly file: SessionLog; readonly untap: () => void; bytes: number }
}

export interface LogRequest {
  /** A file name in the logs folder, appended to; the template's name when omitted. */
  readonly fileName?: string | undefined
  readonly mode: 'raw' | 'text'
  readonly timestamps: boolean
}

/**
 * What every session gets besides its bytes: a log, the router-output watch (prompt,
 * fingerprints, exports), serial status, and the two ways the app itself types into a session
 * (checklist exec, paced paste). One automated sender at a time per session.
 */
export class SessionFeatures {
  private readonly attached = new Map<string, Attached>()

  constructor(
    private readonly hub: EventHub,
    private readonly logsDir: string,
    private readonly secrets?: SecretStore,
  ) {}

  attach(session: Session, spec: ParsedSpec, options: SessionOptions): void {
    const id = session.id
    const watch = new RouterWatch({
      fingerprints: (payload) => this.hub.emit('session.fingerprints', { id, ...payload }),
      clock: (payload) => this.hub.emit('session.clock', { id, ...payload }),
      certificates: (payload) => this.hub.emit('session.certificates', { id, ...payload }),
    })
    const stopWatch = session.tapText((text) => watch.feed(text))
    const entry: Attached = {
      watch,
      lineEnding: LINE_ENDINGS[options.lineHandling?.sendLineEnding ?? 'cr'],
      profile: options.profileName ?? spec.kind,
      template: options.log?.template ?? LogOptions.parse({}).template,
    }
    this.attached.set(id, entry)

    if (options.log?.enabled) {
      try {
        this.startLog(session, { fileName: options.log.appendTo, mode: options.log.mode, timestamps: options.log.timestamps })
      } catch (err) {
        session.setCondition({ warning: fitText(`Session log not written: ${(err as Error).message}`, CONDITION_MAX) })
      }
    }

    if (spec.kind === 'ssh' && this.secrets) session.useMemory(sshMemory(this.secrets, `ssh:${spec.username}@${spec.host}:${spec.port}`))

    const stopCondition = session.transport.onCondition?.((condition) =>
      session.setCondition({ detail: condition.detail, warning: condition.warning }),
    )

    session.onEnded(() => {
      stopWatch()
      stopCondition?.()
      watch.dispose()
      entry.abort?.abort()
      entry.log?.untap()
      // A reason too long for the tab (a server's algorithm lists) is kept whole in a log that
      // holds this session's output; a log of a connection that never spoke stays unwritten.
      const full = session.fullEndReason
      if (entry.log && entry.log.bytes > 0 && full && full !== session.state.reason) {
        entry.log.file.write(new TextEncoder().encode(`\r\n[Lab Console] Session ended: ${full}\r\n`))
      }
      entry.log?.file.close()
      this.attached.delete(id)
    })
  }

  /**
   * Starts logging a session that is already running (any kind); a log already running is
   * closed first. Returns the file's path.
   */
  startLog(session: Session, request: LogRequest): string {
    const entry = this.entry(session)
    this.stopLog(session)
    const file = SessionLog.start(
      this.logsDir,
      { mode: request.mode, timestamps: request.timestamps, template: entry.template },
      entry.profile,
      {
        appendTo: request.fileName,
        onError: (message) => {
          if (entry.log?.file !== file) return
          entry.log.untap()
          entry.log = undefined
          // A long log path must not push the reason past its cap: shortened visibly, never thrown.
          session.setCondition({ logPath: undefined, logError: fitText(message, LOG_ERROR_MAX) })
          this.hub.emit('app.notice', { level: 'warning', message: fitText(`${session.state.title}: ${message}`, NOTICE_MAX) })
        },
      },
    )
    const log: NonNullable<Attached['log']> = {
      file,
      bytes: 0,
      untap: session.tapRaw((chunk) => {
        log.bytes += chunk.length
        file.write(chunk)
      }),
    }
    entry.log = log
    session.setCondition({ logPath: file.filePath, logError: undefined })
    return file.filePath
  }

  stopLog(session: Session): void {
    const entry = this.entry(session)
    const log = entry.log
    if (!log) return
    entry.log = undefined
    log.untap()
    log.file.close()
    // Closing flushes; a flush that failed has already said why in logError.
    if (session.state.logPath === log.file.filePath) session.setCondition({ logPath: undefined })
  }

  tail(session: Session): { text: string; prompt: ExecResult['prompt'] } {
    const { text, prompt } = this.entry(session).watch.state()
    return { text, prompt: prompt ? { kind: prompt.kind, text: prompt.text, ...(prompt.mode ? { mode: prompt.mode } : {}) } : null }
  }

  async exec(session: Session, request: ExecRequest): Promise<ExecResult> {
    const entry = this.claim(session, 'exec')
    try {
      return await execLines(session, request)
    } finally {
      entry.busy = undefined
    }
  }

  async pacedSend(session: Session, text: string, options: PacedSendOptions): Promise<PacedSummary> {
    const entry = this.claim(session, 'paced')
    const abort = new AbortController()
    entry.abort = abort
    const sender = new PacedSender(
      { write: (data) => session.writeRaw(data), onOutput: (listener) => session.tapText(listener) },
      {
        ...options,
        lineEnding: entry.lineEnding,
        ...(session.transport.lineRate ? { baudRate: session.transport.lineRate } : {}),
      },
    )
    try {
      return await sender.send(text, {
        signal: abort.signal,
        onProgress: (progress) => this.hub.emit('session.sendProgress', { id: session.id, ...progress }),
      })
    } catch (err) {
      if (err instanceof PacedSendError) throw new ContractError({ code: 'failed', message: err.message })
      throw err
    } finally {
      entry.busy = undefined
      entry.abort = undefined
    }
  }

  cancelSend(id: string): void {
    this.attached.get(id)?.abort?.abort()
  }

  private entry(session: Session): Attached {
    const entry = this.attached.get(session.id)
    if (!entry) throw new ContractError({ code: 'failed', message: `Session ${session.id} has ended` })
    return entry
  }

  private claim(session: Session, what: 'exec' | 'paced'): Attached {
    const entry = this.entry(session)
    if (entry.busy) {
      throw new ContractError({
        code: 'failed',
        message: `Session ${session.id} is busy with ${entry.busy === 'exec' ? 'a checklist step' : 'a paced paste'}; wait for it or cancel it`,
      })
    }
    entry.busy = what
    return entry
  }
}

/** Questions whose answers are secrets worth keeping: passwords, passphrases, hidden answers. */
function isSecretQuestion(request: PromptRequest): boolean {
  if (request.kind === 'secret') return true
  return request.kind === 'questions' && request.fields.length > 0 && request.fields.every((f) => !f.echo)
}

/**
 * Remembered SSH answers, one per host and question. A remembered answer is offered once per
 * connection: if the router refuses it, the user is asked (and may remember the new one).
 */
function sshMemory(secrets: SecretStore, host: string): PromptMemory {
  const offered = new Set<string>()
  const keyOf = (request: PromptRequest): string => `${host}|${request.title}|${request.fields.map((f) => f.label).join(',')}`
  return {
    async recall(request) {
      if (!isSecretQuestion(request)) return undefined
      const key = keyOf(request)
      if (offered.has(key)) return undefined
      offered.add(key)
      const answers = await secrets.get(key)
      return answers && answers.length === request.fields.length ? { answers } : undefined
    },
    rememberable: (request) => isSecretQuestion(request) && secrets.status().available,
    remember(request, answers) {
      offered.add(keyOf(request))
      void secrets.set(keyOf(request), answers).catch(() => undefined)
    },
  }
}
