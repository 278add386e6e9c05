import type { Dispatch, EventHub } from '../../shared/contract/dispatcher'
import type { Envelope } from '../../shared/contract'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../preload-api'
import { isTrustedSender, type SenderFrameLike } from '../window-policy'

export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null
  readonly sender: { readonly id: number }
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface WindowTarget {
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
}

/**
 * The contract over Electron IPC. Every call's sender frame is checked (the app's own origin,
 * main frame) before its payload reaches the validating dispatcher.
 */
export function attachElectronAdapter(
  ipc: IpcMainLike,
  dispatch: Dispatch,
  hub: EventHub,
  targets: () => readonly WindowTarget[],
): () => void {
  ipc.handle(INVOKE_CHANNEL, async (event, method, input): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are only accepted from the Lab Console window' } }
    }
    return dispatch(typeof method === 'string' ? method : '', input, { client: `wc-${event.sender.id}` })
  })
  const stop = hub.listen((name, payload) => {
    for (const target of targets()) if (!target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload)
  })
  return () => {
    stop()
    ipc.removeHandler(INVOKE_CHANNEL)
  }
}
