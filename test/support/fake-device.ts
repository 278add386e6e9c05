import { TransportBase } from '../../electron/services/sessions/transport'

/**
 * Base for the transports tests invent (a scripted router, a device that sends hostile bytes):
 * it ignores writes, resizes and flow control, and closing ends the session as a real one does.
 * Subclasses say what the device prints, in open() or write().
 */
export abstract class FakeDevice extends TransportBase {
  write(_data: string | Uint8Array): void {}
  resize(): void {}
  pause(): void {}
  resume(): void {}
  close(): void {
    this.emitExit({ reason: 'closed' })
  }
}
