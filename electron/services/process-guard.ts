import { LIMITS, fitText } from '../../shared/contract'
import type { EventHub } from '../../shared/contract/dispatcher'

/** The part of `process` the guard uses, so a test can hand it a stand-in. */
export interface GuardedProcess {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
}

/**
 * The last line of defence in both hosts: an exception nothing caught (a library's callback, a
 * bug of ours) is logged and shown to the user, and the host keeps serving every other session.
 * Node's default, ending the process, would close every console the engineer has open.
 */
export function installProcessGuards(hub: EventHub, proc: GuardedProcess = process): () => void {
  const report = (kind: string, error: unknown): void => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
    console.error(`[lab-console] ${kind}: ${text}`)
    const message = `Lab Console hit an unexpected error and carried on (${kind}): ${error instanceof Error ? error.message : String(error)}`
    hub.emit('app.notice', { level: 'error', message: fitText(message, LIMITS.notice.message) })
  }
  const onException = (error: Error): void => report('uncaught exception', error)
  const onRejection = (reason: unknown): void => report('unhandled rejection', reason)
  proc.on('uncaughtException', onException)
  proc.on('unhandledRejection', onRejection)
  return () => {
    proc.off('uncaughtException', onException)
    proc.off('unhandledRejection', onRejection)
  }
}
