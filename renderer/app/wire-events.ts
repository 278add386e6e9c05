import type { LabTransport } from '../../shared/contract'
import type { LabStore } from '../store'

/** Events from the main process that change store state (metadata only, never terminal bytes). */
export function wireEvents(store: LabStore, transport: LabTransport): () => void {
  const stops = [
    transport.subscribe('session.state', (info) => store.getState().sessionStateChanged(info)),
    transport.subscribe('session.prompt', (prompt) => store.getState().promptArrived(prompt)),
    transport.subscribe('session.sendProgress', (progress) => store.getState().sendProgressArrived(progress)),
    transport.subscribe('serial.ports', ({ ports }) => store.getState().setSerialPorts(ports)),
    transport.subscribe('app.notice', ({ level, message }) => store.getState().notify(level, message)),
    transport.subscribe('session.fingerprints', (payload) => store.getState().routerFingerprintsSeen(payload)),
    transport.subscribe('session.clock', (payload) => store.getState().routerClockSeen(payload)),
    transport.subscribe('session.certificates', (payload) => store.getState().routerCertificatesArrived(payload)),
  ]
  return () => stops.forEach((stop) => stop())
}
