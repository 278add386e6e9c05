import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SerialSpec } from '../../../shared/contract/sessions'
import { SerialTransport } from '../../../electron/services/sessions/serial/serial-transport'
import {
  PacedSendError,
  PacedSender,
  lineTimeMs,
  splitPasteLines,
  type PacedProgress,
} from '../../../electron/services/sessions/paced-send/paced-sender'
import { pacedTargetFor } from '../../../electron/services/sessions/paced-send/transport-target'
import { startSocatPair, type SocatPair } from '../../support/socat'
import { SlowRouterPeer, type SlowRouterPeerOptions } from '../../support/slow-router-peer'
import { task1ConfigAsTyped } from '../../support/paced-bench'

// One pty pair and one transport (the "laptop") for the file; each test plugs in its own
// emulated router on the far end, so buffer sizes can differ per test.
let pair: SocatPair
let transport: SerialTransport

beforeAll(async () => {
  pair = await startSocatPair()
  transport = new SerialTransport(SerialSpec.parse({ kind: 'serial', path: pair.a }))
  await transport.open()
})

afterAll(async () => {
  transport.close()
  await pair.dispose()
})

async function withRouter<T>(options: Partial<SlowRouterPeerOptions>, run: (peer: SlowRouterPeer) => Promise<T>): Promise<T> {
  const peer = await SlowRouterPeer.open({ path: pair.b, ...options })
  try {
    return await run(peer)
  } finally {
    await peer.close()
  }
}

const config = task1ConfigAsTyped()
/**
 * How long a line may wait for its echo in tests that expect it to come. Far above the line time
 * (milliseconds): on a machine busy with other work the peer's timers can lag by seconds, and
 * these tests are about what arrives, not how fast (was 2000 ms, which failed under load).
 */
const UNDER_LOAD_MS = 20_000

describe('pasting the Task 1 configuration into a 9600-baud console with a 64-byte buffer', () => {
  it('loses characters when pasted all at once', async () => {
    await withRouter({}, async (peer) => {
      transport.write(config)
      await peer.waitIdle()
      expect(peer.kept.length).toBeLessThan(config.length / 2)
      expect(peer.dropped).toBe(config.length - peer.kept.length)
      // What the router did get is the start of the paste: the rest vanished without a word.
      expect(config.startsWith(peer.kept.toString('latin1'))).toBe(true)
    })
  })

  it('arrives complete, byte for byte, when paced line by line on the echo', async () => {
    await withRouter({}, async (peer) => {
      const progress: PacedProgress[] = []
      const sender = new PacedSender(pacedTargetFor(transport), { waitFor: 'echo', lineEnding: '\r', timeoutMs: 3000 })
      const summary = await sender.send(config, { onProgress: (p) => progress.push(p) })
      await peer.waitIdle(100)

      expect(peer.dropped).toBe(0)
      expect(peer.kept.equals(Buffer.from(config, 'latin1'))).toBe(true)

      const lines = splitPasteLines(config).length
      expect(summary.lines).toBe(lines)
      expect(summary.linesSent).toBe(lines)
      expect(summary.bytes).toBe(config.length)
      expect(summary.theoreticalMs).toBe(Math.round(lineTimeMs(config.length, 9600)))
      // The emulated router reads at line speed, so pacing can never beat the wire time. (How close
      // it comes is a benchmark figure, `npm run bench`, not something to assert on a busy machine.)
      expect(summary.elapsedMs).toBeGreaterThanOrEqual(summary.theoreticalMs * 0.9)

      expect(progress).toHaveLength(lines)
      expect(progress[0]).toEqual({ line: 1, lines, bytes: Buffer.byteLength(splitPasteLines(config)[0] ?? '') + 1 })
      expect(progress.at(-1)).toEqual({ line: lines, lines, bytes: config.length })
    })
  })

  it('waits for the prompt after each line in prompt mode', async () => {
    await withRouter({ prompt: 'Router(config-dspfarm-profile)#' }, async (peer) => {
      const text = 'dspfarm profile 666 conference security\n trustpoint SecureCFB\n codec g711ulaw\n maximum sessions 4\n'
      const sender = new PacedSender(pacedTargetFor(transport), {
        waitFor: 'prompt',
        promptPattern: /\(config-dspfarm-profile\)#$/,
        timeoutMs: UNDER_LOAD_MS,
      })
      const summary = await sender.send(text)
      await peer.waitIdle(100)
      expect(summary.linesSent).toBe(4)
      expect(peer.kept.toString('latin1')).toBe(text.replaceAll('\n', '\r'))
    })
  })
})

describe('paced sending when things go wrong', () => {
  it('stops and names the line that was not echoed', async () => {
    // A router with an 8-byte buffer cannot take a 24-character line in one piece.
    await withRouter({ bufferSize: 8 }, async (peer) => {
      const sender = new PacedSender(pacedTargetFor(transport), { waitFor: 'echo', timeoutMs: 400 })
      const error = await sender.send('end\rshow\rwr\rexit\rend\rend\rcrypto pki server testCA\rno shutdown\r').then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(PacedSendError)
      const e = error as PacedSendError
      expect(e.message).toBe('Line 7 ("crypto pki server testCA") was not echoed within 400 ms')
      expect(e.kind).toBe('timeout')
      expect(e.line).toBe(7)
      expect(e.summary.linesSent).toBe(6)
      await peer.waitIdle(100)
      // Nothing after the failed line was sent.
      expect(peer.kept.toString('latin1')).not.toContain('no shutdown')
    })
  })

  it('paces character by character so even a tiny buffer keeps up', async () => {
    await withRouter({ bufferSize: 8 }, async (peer) => {
      // 25 ms per character against 1 ms of line time, and room for 8: the peer's emulated line
      // is timer-driven, and on a busy machine its timers lag (10 ms and 4 failed under load).
      const text = ' enrollment url http://10.1.1.1:80\n revocation-check none\n'
      const sender = new PacedSender(pacedTargetFor(transport), { charDelayMs: 25, waitFor: 'echo', timeoutMs: UNDER_LOAD_MS })
      await sender.send(text)
      await peer.waitIdle(100)
      expect(peer.dropped).toBe(0)
      expect(peer.kept.toString('latin1')).toBe(text.replaceAll('\n', '\r'))
    })
  })

  it('can be cancelled at any time and says how far it got', async () => {
    await withRouter({}, async (peer) => {
      const controller = new AbortController()
      const sender = new PacedSender(pacedTargetFor(transport), { waitFor: 'echo', lineDelayMs: 20, timeoutMs: UNDER_LOAD_MS })
      const result = sender.send(config, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.line === 3) controller.abort()
        },
      })
      const error = await result.then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(PacedSendError)
      expect((error as PacedSendError).kind).toBe('aborted')
      expect((error as PacedSendError).message).toBe(`Paced sending cancelled after 3 of ${splitPasteLines(config).length} lines`)
      await peer.waitIdle(100)
      expect(peer.kept.toString('latin1')).toBe(
        splitPasteLines(config)
          .slice(0, 3)
          .map((l) => `${l}\r`)
          .join(''),
      )
    })
  })

  it('stops at once when cancelled while waiting for an echo', async () => {
    // A router that drops everything after 2 bytes never echoes a full line: without the cancel
    // the wait would last the whole minute of its timeout.
    await withRouter({ bufferSize: 2 }, async () => {
      const controller = new AbortController()
      const sender = new PacedSender(pacedTargetFor(transport), { waitFor: 'echo', timeoutMs: 60_000 })
      const started = performance.now()
      setTimeout(() => controller.abort(), 100)
      const error = await sender.send('crypto pki server testCA\r', { signal: controller.signal }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect((error as PacedSendError).kind).toBe('aborted')
      expect((error as PacedSendError).summary.linesSent).toBe(0)
      // Well before its own timeout, however busy the machine is.
      expect(performance.now() - started).toBeLessThan(30_000)
    })
  })

  it('sends with the chosen line ending and no waiting in none mode', async () => {
    await withRouter({}, async (peer) => {
      const sender = new PacedSender(pacedTargetFor(transport), { waitFor: 'none', lineEnding: '\r\n', lineDelayMs: 60 })
      const summary = await sender.send('ip http server\nntp server 10.10.10.1')
      await peer.waitIdle(100)
      expect(peer.kept.toString('latin1')).toBe('ip http server\r\nntp server 10.10.10.1\r\n')
      expect(summary.bytes).toBe('ip http server\r\nntp server 10.10.10.1\r\n'.length)
      expect(summary.elapsedMs).toBeGreaterThanOrEqual(55)
    })
  })

  describe('a line longer than the receive buffer', () => {
    // 200 characters: a long "crypto pki" or banner line; the peer's typeahead holds 64 bytes.
    const long = `banner motd ^${'X'.repeat(181)}^ done`
    // Generous: each 64-byte piece needs ~67 ms at 9600 baud; a loaded machine may be far slower.
    const timeoutMs = 10_000

    it('is lost in part when the whole line is written at once while waiting for echo', async () => {
      expect(long).toHaveLength(200)
      await withRouter({ bufferSize: 64 }, async (peer) => {
        const sender = new PacedSender(pacedTargetFor(transport), { waitFor: 'echo', lineEnding: '\r', timeoutMs: 1500, bufferSize: 4096 })
        await expect(sender.send(long)).rejects.toBeInstanceOf(PacedSendError)
        await peer.waitIdle(100)
        expect(peer.dropped).toBeGreaterThan(0)
      })
    })

    it('reaches a 64-byte-buffer peer with 0 bytes lost when sent in echoed pieces of 64', async () => {
      await withRouter({ bufferSize: 64 }, async (peer) => {
        const sender = new PacedSender(pacedTargetFor(transport), { waitFor: 'echo', lineEnding: '\r', timeoutMs, bufferSize: 64 })
        const summary = await sender.send(`${long}\nend\n`)
        await peer.waitIdle(100)
        expect(peer.dropped).toBe(0)
        expect(peer.kept.toString('latin1')).toBe(`${long}\rend\r`)
        expect(summary).toMatchObject({ lines: 2, linesSent: 2, bytes: 205 })
      })
    })
  })
})
