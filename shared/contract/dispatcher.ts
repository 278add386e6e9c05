import type { z } from 'zod'
import { ContractError, type ContractIssue, type Envelope } from './errors'
import { type Method, type Out, type ParsedIn, isMethod, methods, events, type EventName, type Payload, isEventName } from './index'

/** Who is calling: lets services keep per-client state (e.g. which window acknowledged what). */
export interface CallContext {
  readonly client: string
}

export type Handler<M extends Method> = (input: ParsedIn<M>, ctx: CallContext) => Promise<Out<M>> | Out<M>
export type Handlers = { [M in Method]: Handler<M> }

export function issuesOf(error: z.ZodError): ContractIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }))
}

function describe(prefix: string, issues: readonly ContractIssue[]): string {
  return `${prefix}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
}

/**
 * The one place a call is checked: the method must exist, its input must match the schema
 * (with size caps), and what the handler returns must match the output schema. Both adapters
 * (Electron IPC and WebSocket) go through here, so they behave the same.
 */
export function createDispatcher(handlers: Handlers) {
  return async function dispatch(name: string, rawInput: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
    if (!isMethod(name)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method "${String(name).slice(0, 80)}"` } }
    }
    const spec = methods[name]
    const parsed = spec.input.safeParse(rawInput === undefined ? null : rawInput)
    if (!parsed.success) {
      const issues = issuesOf(parsed.error).map((i) => ({ ...i, path: i.path === '(root)' ? 'input' : `input.${i.path}` }))
      return { ok: false, error: { code: 'invalid_input', message: describe(`${name}: invalid input`, issues), issues } }
    }
    let output: unknown
    try {
      const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown
      output = await handler(parsed.data, ctx)
    } catch (err) {
      if (err instanceof ContractError) return { ok: false, error: { code: err.code, message: err.message, issues: err.issues } }
      const message = err instanceof Error ? err.message : String(err)
      return { ok: false, error: { code: 'failed', message: `${name}: ${message}` } }
    }
    const checked = spec.output.safeParse(output === undefined ? null : output)
    if (!checked.success) {
      const issues = issuesOf(checked.error)
      return { ok: false, error: { code: 'invalid_output', message: describe(`${name}: the service returned bad output`, issues), issues } }
    }
    return { ok: true, output: checked.data }
  }
}

export type Dispatch = ReturnType<typeof createDispatcher>

type Listener = (event: EventName, payload: unknown) => void
/** Told when an event could not be delivered: a payload that broke its contract, or a listener that threw. */
type ProblemListener = (problem: { event: EventName; message: string }) => void

/**
 * Events from services to every connected window. Payloads are validated on the way out, so a
 * service bug shows up here rather than as a confused renderer. Emitting never throws: it is
 * called from transports' callbacks, where an exception would end the whole process. A payload
 * that breaks its contract is dropped and reported to the problem listeners instead.
 */
export class EventHub {
  private readonly listeners = new Set<Listener>()
  private readonly problemListeners = new Set<ProblemListener>()

  /** Returns false when the event was dropped (see onProblem). */
  emit<E extends EventName>(event: E, payload: Payload<E>): boolean {
    const checked = events[event].safeParse(payload)
    if (!checked.success) {
      this.problem(event, describe(`event ${event} dropped, its payload breaks the contract`, issuesOf(checked.error)))
      return false
    }
    for (const listener of this.listeners) {
      try {
        listener(event, checked.data)
      } catch (err) {
        this.problem(event, `a listener of ${event} failed: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
    return true
  }

  /** Adapters listen here and forward to their windows. Returns a disposer. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  onProblem(listener: ProblemListener): () => void {
    this.problemListeners.add(listener)
    return () => this.problemListeners.delete(listener)
  }

  private problem(event: EventName, message: string): void {
    if (this.problemListeners.size === 0) console.error(`[lab-console] ${message}`)
    for (const listener of this.problemListeners) {
      try {
        listener({ event, message })
      } catch (err) {
        console.error(`[lab-console] ${message}; reporting it failed too: ${String(err)}`)
      }
    }
  }
}

export { isEventName }
export type { Out as MethodOutput }
