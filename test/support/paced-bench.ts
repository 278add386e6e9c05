import { readFileSync } from 'node:fs'
import { SerialTransport } from '../../electron/services/sessions/serial/serial-transport'
import { PacedSender, splitPasteLines } from '../../electron/services/sessions/paced-send/paced-sender'
import { pacedTargetFor } from '../../electron/services/sessions/paced-send/transport-target'
import { SerialSpec } from '../../shared/contract/sessions'
import { startSocatPair } from './socat'
import { SlowRouterPeer } from './slow-router-peer'

export const TASK1_CONFIG_PATH = new URL('../fixtures/serial/task1-config.txt', import.meta.url)

/** The Task 1 configuration as the router should receive it: one CR per line, as Enter sends. */
export function task1ConfigAsTyped(): string {
  return splitPasteLines(readFileSync(TASK1_CONFIG_PATH, 'utf8'))
    .map((line) => `${line}\r`)
    .join('')
}

export interface PacedPasteBenchResult {
  /** Bytes the router kept when the whole configuration was pasted at once. */
  readonly plainKeptBytes: number
  /** Bytes the router kept with paced sending (echo mode). */
  readonly pacedKeptBytes: number
  readonly totalBytes: number
  /** Paced sending, wall clock. */
  readonly elapsedMs: number
  /** The same bytes at 9600 baud with no waiting at all. */
  readonly theoreticalMs: number
}

/**
 * Pastes the Task 1 configuration into an emulated 9600-baud router console (64-byte input
 * buffer), once all at once and once paced, over a real socat pty pair and the real transport.
 */
export async function runPacedPasteBench(): Promise<PacedPasteBenchResult> {
  const text = task1ConfigAsTyped()
  const pair = await startSocatPair()
  let peer: SlowRouterPeer | undefined
  const transport = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: pair.a }))
  try {
    peer = await SlowRouterPeer.open({ path: pair.b })
    await transport.open()

    transport.write(text)
    await peer.waitIdle()
    const plainKeptBytes = peer.kept.length

    peer.reset()
    const sender = new PacedSender(pacedTargetFor(transport), { waitFor: 'echo', lineEnding: '\r', timeoutMs: 3000 })
    const summary = await sender.send(text)
    await peer.waitIdle()
    return {
      plainKeptBytes,
      pacedKeptBytes: peer.kept.length,
      totalBytes: Buffer.byteLength(text),
      elapsedMs: summary.elapsedMs,
      theoreticalMs: summary.theoreticalMs,
    }
  } finally {
    transport.close()
    await peer?.close()
    await pair.dispose()
  }
}
