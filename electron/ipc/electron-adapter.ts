import type { Dispatch, EventHub } from '../../shared/contract/dispatcher'
import type { Envelope } from '../../shared/contract'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../preload-api'
import { isAppUrl, isTrustedSender, type SenderFrameLike } from '../window-policy'

export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null
  readonly sender: { readonly id: number }
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

/** What the adapter needs of a window's WebContents (structural, so fakes can stand in). */
export interface WindowContentsLike {
  readonly id: number
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
  on(
    event: 'did-start-navigation',
    listener: (details: { readonly url: string; readonly isMainFrame: boolean; readonly isSameDocument: boolean }) => void,
  ): unknown
  on(event: 'render-process-gone' | 'destroyed', listener: () => void): unknown
}

/** The services the adapter serves and cleans up after. */
export interface AdapterServices {
  readonly dispatch: Dispatch
  readonly hub: EventHub
  readonly sessions: { closeOwnedBy(client: string): void; resetFlowControl(): void }
  audienceOf(event: string, payload: unknown): string | undefined
}

export interface ElectronAdapter {
  /** Serves a window: its events, and the end of its sessions when its page goes away. */
  track(contents: WindowContentsLike): void
  detach(): void
}

/** The client id of a window's calls and sessions: stable across reloads of the same window. */
export const clientOf = (contents: { readonly id: number }): string => `wc-${contents.id}`

/**
 * The contract over Electron IPC. Every call's sender frame is checked (the app's own origin,
 * main frame) before its payload reaches the validating dispatcher. As in the browser host, a
 * window's sessions end when its page goes away (reload, navigation, crash, close), flow control
 * forgets what that page never acknowledged, and each session event goes to its own window only.
 */
export function attachElectronAdapter(ipc: IpcMainLike, services: AdapterServices): ElectronAdapter {
  const windows = new Map<number, WindowContentsLike>()

  ipc.handle(INVOKE_CHANNEL, async (event, method, input): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are only accepted from the Lab Console window' } }
    }
    return services.dispatch(typeof method === 'string' ? method : '', input, { client: clientOf(event.sender) })
  })

  const stop = services.hub.listen((name, payload) => {
    const audience = services.audienceOf(name, payload)
    for (const contents of windows.values()) {
      if (contents.isDestroyed()) continue
      if (audience !== undefined && audience !== clientOf(contents)) continue
      try {
        contents.send(EVENT_CHANNEL, name, payload)
      } catch {
        // The window went away between the check and the send; its 'destroyed' handler cleans up.
      }
    }
  })

  /** The page that opened these sessions is gone: they end with it, as in the browser host. */
  const pageGone = (contents: WindowContentsLike): void => {
    services.sessions.closeOwnedBy(clientOf(contents))
    services.sessions.resetFlowControl()
  }

  return {
    track(contents) {
      if (windows.has(contents.id)) return
      windows.set(contents.id, contents)
      services.sessions.resetFlowControl()
      // A reload or navigation of the main frame replaces the page. Only app:// navigations can
      // happen (window-guards blocks the rest), so others are ignored rather than ending sessions.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument && isAppUrl(details.url)) pageGone(contents)
      })
      contents.on('render-process-gone', () => pageGone(contents))
      contents.on('destroyed', () => {
        windows.delete(contents.id)
        pageGone(contents)
      })
    },
    detach() {
      stop()
      ipc.removeHandler(INVOKE_CHANNEL)
      windows.clear()
    },
  }
}
