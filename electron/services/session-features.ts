import type { z } from 'zod'
import { ContractError, type ExecResult, type PacedSendOptions, type SessionOptions, type SessionSpec } from '../../shared/contract'
import type { EventHub } from '../../shared/contract/dispatcher'
import type { Session } from './sessions/session'
import { execLines, type ExecRequest } from './sessions/exec'
import { PacedSender, PacedSendError, type PacedSummary } from './sessions/paced-send'
import { SerialTransport } from './sessions/serial'
import { SessionLog } from './session-log/session-log'
import { RouterWatch } from './router-watch/router-watch'
import type { SecretStore } from './secrets/secret-store'
import type { PromptMemory } from './sessions/session'
import type { PromptRequest } from './sessions/transport'

type ParsedSpec = z.output<typeof SessionSpec>

const LINE_ENDINGS = { cr: '\r', lf: '\n', crlf: '\r\n' } as const

interface Attached {
  readonly watch: RouterWatch
  readonly lineEnding: '\r' | '\n' | '\r\n'
  readonly baudRate?: number
  busy?: 'exec' | 'paced'
  abort?: AbortController
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
      ...(spec.kind === 'serial' ? { baudRate: spec.baudRate } : {}),
    }
    this.attached.set(id, entry)

    let log: SessionLog | undefined
    if (options.log?.enabled) {
      try {
        log = SessionLog.start(this.logsDir, options.log, options.profileName ?? spec.kind)
        const current = log
        session.tapRaw((chunk) => current.write(chunk))
        session.setCondition({ logPath: current.filePath })
      } catch (err) {
        session.setCondition({ warning: `Session log not written: ${(err as Error).message}` })
      }
    }

    if (spec.kind === 'ssh' && this.secrets) session.useMemory(sshMemory(this.secrets, `ssh:${spec.username}@${spec.host}:${spec.port}`))

    const transport = session.transport
    const stopStatus =
      transport instanceof SerialTransport
        ? transport.onStatus((status) =>
            session.setCondition({ detail: status.state === 'waiting' ? status.message : undefined, warning: status.warning }),
          )
        : undefined

    session.onEnded(() => {
      stopWatch()
      stopStatus?.()
      watch.dispose()
      entry.abort?.abort()
      log?.close()
      this.attached.delete(id)
    })
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
      { ...options, lineEnding: entry.lineEnding, ...(entry.baudRate ? { baudRate: entry.baudRate } : {}) },
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
