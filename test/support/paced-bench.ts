import { readFileSync } from 'node:fs'
import { SerialTransport } from '../../electron/services/sessions/serial/serial-transport'
import { PacedSender, splitPasteLines } from '../../electron/services/sessions/paced-send/paced-sender'
import { pacedTargetFor } from '../../electron/services/sessions/paced-send/transport-target'
import { SerialSpec } from '../../shared/contract/sessions'
import { startSocatPair } from './socat'
import { UartRouterPeer, iosStallMs } from './uart-router-peer'

export const TASK1_CONFIG_PATH = new URL('../fixtures/serial/task1-config.txt', import.meta.url)

/** The Task 1 configuration as the router should receive it: one CR per line, as Enter sends. */
export function task1ConfigAsTyped(): string {
  return splitPasteLines(readFileSync(TASK1_CONFIG_PATH, 'utf8'))
    .map((line) => `${line}\r`)
    .join('')
}

export interface PasteFigures {
  /** Bytes the router took from its ring. */
  readonly keptBytes: number
  /** Bytes the full ring dropped. */
  readonly lostBytes: number
  /** From the first byte written to the router's last output (its prompt after the last line). */
  readonly elapsedMs: number
}

export interface PacedPasteBenchResult {
  readonly plain: PasteFigures
  readonly paced: PasteFigures
  readonly totalBytes: number
  /** The paste at 9600 baud with no waiting at all. */
  readonly lineTimeMs: number
  /** The router's processing stalls for these lines (UART model, see uart-router-peer.ts). */
  readonly stallMs: number
  /** Line time plus the stalls: no paste can be faster without losing bytes. */
  readonly idealMs: number
}

const BAUD = 9600

/**
 * Pastes the Task 1 configuration into an emulated 9600-baud router console (bytes at line rate
 * both ways, IOS-like stalls after each line, a 64-byte receive ring), once all at once and once
 * paced, over a real socat pty pair and the real serial transport.
 */
export async function runPacedPasteBench(): Promise<PacedPasteBenchResult> {
  const text = task1ConfigAsTyped()
  const totalBytes = Buffer.byteLength(text)
  const lines = text.split('\r').slice(0, -1)
  const stallMs = lines.reduce((sum, line) => sum + iosStallMs(line), 0)
  const lineTimeMs = Math.round((totalBytes * 10 * 1000) / BAUD)
  const pair = await startSocatPair()
  let peer: UartRouterPeer | undefined
  const transport = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: pair.a }))
  try {
    peer = await UartRouterPeer.open({ path: pair.b, baudRate: BAUD })
    await transport.open()
    const run = async (paste: () => Promise<unknown>): Promise<PasteFigures> => {
      if (!peer) throw new Error('no router peer')
      peer.reset()
      const started = performance.now()
      await paste()
      const ended = await peer.waitIdle()
      return { keptBytes: peer.kept.length, lostBytes: peer.dropped, elapsedMs: Math.round(ended - started) }
    }
    const plain = await run(async () => transport.write(text))
    // Long enough for the slowest stall on a loaded machine; the paced paste waits for each echo.
    const sender = new PacedSender(pacedTargetFor(transport), { waitFor: 'echo', lineEnding: '\r', timeoutMs: 10_000, baudRate: BAUD })
    const paced = await run(() => sender.send(text))
    return { plain, paced, totalBytes, lineTimeMs, stallMs, idealMs: lineTimeMs + stallMs }
  } finally {
    transport.close()
    await peer?.close()
    await pair.dispose()
  }
}
