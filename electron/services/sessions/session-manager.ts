import type { z } from 'zod'
import { ContractError, type SessionInfo, type SessionSpec, type SessionKind, type SessionOptions } from '../../../shared/contract'
import { buildLineHandling } from './serial/line-handling'
import type { EventHub } from '../../../shared/contract/dispatcher'
import { Session } from './session'
import type { FlowControlOptions } from './flow-control'
import type { Transport } from './transport'

type ParsedSpec = z.output<typeof SessionSpec>
type SpecOf<K extends SessionKind> = Extract<ParsedSpec, { kind: K }>

/** How each session kind makes its transport. The composition root decides which kinds exist. */
export type TransportFactories = { [K in SessionKind]?: (spec: SpecOf<K>) => Transport }

export interface SessionManagerOptions {
  readonly flow?: FlowControlOptions
  /** Called for each new session so other services (logs, fingerprint watch) can tap it. */
  readonly onSessionCreated?: (session: Session, spec: ParsedSpec, options: SessionOptions) => void
}

export class SessionManager {
  private readonly sessions = new Map<string, Session>()
  /** Which client (window / WebSocket) opened each session: it alone sees and owns it. */
  private readonly owners = new Map<string, string>()
  private counter = 0

  constructor(
    private readonly hub: EventHub,
    private readonly factories: TransportFactories,
    private readonly options: SessionManagerOptions = {},
  ) {}

  async open(spec: ParsedSpec, cols: number, rows: number, owner = 'local', options: SessionOptions = {}): Promise<{ id: string }> {
    const transport = this.makeTransport(spec)
    const id = `s${++this.counter}`
    this.owners.set(id, owner)
    const session = new Session(
      id,
      spec.kind,
      transport,
      {
        data: (sid, data) => this.hub.emit('session.data', { id: sid, data }),
        state: (info) => this.hub.emit('session.state', info),
        prompt: (prompt) => this.hub.emit('session.prompt', prompt),
      },
      this.options.flow,
      options.lineHandling ? buildLineHandling(options.lineHandling) : undefined,
    )
    this.sessions.set(id, session)
    this.options.onSessionCreated?.(session, spec, options)
    // Opening may wait on the user (host key, password); the caller gets the id at once and
    // follows progress through session.state events.
    session.open(cols, rows).catch((err: unknown) => console.error(`[lab-console] session ${id} failed to open: ${String(err)}`))
    return { id }
  }

  get(id: string): Session {
    const session = this.sessions.get(id)
    if (!session) throw new ContractError({ code: 'failed', message: `No session ${id}: it was closed or never opened` })
    return session
  }

  /**
   * The session, if `client` opened it. Another client gets a "not yours" error: a second window
   * or WebSocket must not type into, read, drive or close someone else's router session.
   */
  owned(id: string, client: string): Session {
    const session = this.get(id)
    this.checkOwner(id, client)
    return session
  }

  /** Refuses `client` a session another client opened; quiet when the session is gone. */
  checkOwner(id: string, client: string): void {
    const owner = this.owners.get(id)
    if (owner !== undefined && owner !== client) {
      throw new ContractError({ code: 'forbidden', message: `Session ${id} is not yours: another window opened it` })
    }
  }

  list(owner?: string): SessionInfo[] {
    return [...this.sessions.values()].filter((s) => owner === undefined || this.owners.get(s.id) === owner).map((s) => s.state)
  }

  write(id: string, data: string): void {
    this.get(id).write(data)
  }

  resize(id: string, cols: number, rows: number): void {
    this.get(id).resize(cols, rows)
  }

  /** Acknowledging a session that just closed is normal (output was in flight) and stays quiet. */
  ack(id: string, chars: number, client?: string): void {
    if (client !== undefined) this.checkOwner(id, client)
    this.sessions.get(id)?.flow.ack(chars)
  }

  respond(id: string, promptId: string, answer: { answers?: readonly string[]; accept?: boolean; remember?: boolean }): void {
    if (!this.get(id).respond(promptId, answer)) {
      throw new ContractError({ code: 'failed', message: `Prompt ${promptId} of ${id} was already answered or withdrawn` })
    }
  }

  /** Closing a session that is already gone stays quiet: a window may race its own close. */
  close(id: string, client?: string): void {
    const session = this.sessions.get(id)
    if (!session) return
    if (client !== undefined) this.checkOwner(id, client)
    session.close()
    this.sessions.delete(id)
    this.owners.delete(id)
  }

  ownerOf(id: string): string | undefined {
    return this.owners.get(id)
  }

  /** A window went away for good (closed, reloaded): its sessions end with it. */
  closeOwnedBy(owner: string): void {
    for (const [id, o] of this.owners) if (o === owner) this.close(id)
  }

  /** A window came or went: output it never acknowledged must not keep transports paused. */
  resetFlowControl(): void {
    for (const session of this.sessions.values()) session.flow.reset()
  }

  dispose(): void {
    for (const id of [...this.sessions.keys()]) this.close(id)
  }

  private makeTransport(spec: ParsedSpec): Transport {
    const factory = this.factories[spec.kind] as ((s: ParsedSpec) => Transport) | undefined
    if (!factory) {
      throw new ContractError({ code: 'failed', message: `Sessions of kind "${spec.kind}" are not available in this build yet` })
    }
    return factory(spec)
  }
}
