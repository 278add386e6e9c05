import {
  unwrapEnvelope,
  type Envelope,
  type LabTransport,
  type Method,
  type In,
  type Out,
  type EventName,
  type Payload,
} from '../../shared/contract'

/** What the Electron preload puts on window.lab (see electron/preload-api.ts). */
export interface LabBridge {
  invoke(method: string, input: unknown): Promise<unknown>
  subscribe(event: string, listener: (payload: unknown) => void): () => void
}

/** The contract over Electron IPC, through the two functions the preload exposes. */
export function createBridgeTransport(bridge: LabBridge): LabTransport {
  return {
    async invoke<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
      const envelope = (await bridge.invoke(method, input)) as Envelope<Out<M>>
      return unwrapEnvelope(envelope)
    },
    subscribe<E extends EventName>(event: E, listener: (payload: Payload<E>) => void): () => void {
      return bridge.subscribe(event, (payload) => listener(payload as Payload<E>))
    },
  }
}
