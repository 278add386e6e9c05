/** IPC channel names, shared by the preload and the main-process adapter. */
export const INVOKE_CHANNEL = 'lab:invoke'
export const EVENT_CHANNEL = 'lab:event'

/** What the preload needs of ipcRenderer (structural, so the surface can be tested without Electron). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

export interface LabBridge {
  /** Calls a contract method; resolves with the result envelope (the renderer unwraps it). */
  invoke(method: string, input: unknown): Promise<unknown>
  /** Listens to one event; the listener gets the payload only, never the IPC event. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void
}

/**
 * The whole of what the renderer can reach: two functions. No ipcRenderer, no channel names,
 * no IPC event objects (they would expose `sender`).
 */
export function createLabBridge(ipc: IpcRendererLike): LabBridge {
  return Object.freeze({
    invoke: (method: string, input: unknown) => ipc.invoke(INVOKE_CHANNEL, String(method), input),
    subscribe: (event: string, listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function')
      const wanted = String(event)
      const handler = (_event: unknown, name: unknown, payload: unknown): void => {
        if (name === wanted) listener(payload)
      }
      ipc.on(EVENT_CHANNEL, handler as (event: unknown, ...args: unknown[]) => void)
      return () => {
        ipc.removeListener(EVENT_CHANNEL, handler as (event: unknown, ...args: unknown[]) => void)
      }
    },
  })
}
