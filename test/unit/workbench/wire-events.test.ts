import { describe, expect, it } from 'vitest'
import type { EventName, LabTransport, Payload } from '../../../shared/contract'
import { events } from '../../../shared/contract'
import { wireEvents } from '../../../renderer/app/wire-events'
import { createLabStore } from '../../../renderer/store'
import { attachCertificateReader, routerNow } from '../../../renderer/store/certs-slice'
import { fixtureText, opensslValue } from '../pki/helpers'
import { readHere } from './helpers'

/** A transport whose events the test emits, validated by the contract's own schemas. */
function eventSource() {
  const listeners = new Map<string, Array<(payload: unknown) => void>>()
  const transport: LabTransport = {
    invoke: (method) => Promise.reject(new Error(`${method}: no host in this test`)),
    subscribe(event, listener) {
      const list = listeners.get(event) ?? []
      list.push(listener as (payload: unknown) => void)
      listeners.set(event, list)
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((l) => l !== listener),
        )
    },
  }
  const emit = <E extends EventName>(event: E, payload: Payload<E>): void => {
    const valid = events[event].parse(payload)
    for (const l of listeners.get(event) ?? []) l(valid)
  }
  return { transport, emit }
}

describe('workbench events from the main process', () => {
  it('session.certificates lands in the library; session.fingerprints is matched against it', async () => {
    const { transport, emit } = eventSource()
    const store = createLabStore(transport)
    attachCertificateReader(store, readHere)
    const stop = wireEvents(store, transport)
    emit('session.certificates', {
      id: 's1',
      trustpoint: 'SecureCFB',
      blocks: [
        { label: 'CA certificate', pem: fixtureText('testCA.pem') },
        { label: 'General Purpose Certificate', pem: fixtureText('SecureCFB.pem') },
      ],
    })
    // Read in the parse worker: the entries arrive once it answers.
    await expect.poll(() => store.getState().certificates.map((c) => c.name)).toEqual(['testCA (CA)', 'SecureCFB (General Purpose)'])
    const md5 = opensslValue('testCA.pem', '-fingerprint', '-md5').replace(/:/g, '')
    emit('session.fingerprints', { id: 's1', fingerprints: [{ algorithm: 'md5', hex: md5 }], context: 'Fingerprint MD5: …' })
    expect(store.getState().routerFingerprints?.fingerprints).toEqual([{ algorithm: 'md5', hex: md5 }])
    stop()
    emit('session.fingerprints', { id: 's2', fingerprints: [], context: '' })
    expect(store.getState().routerFingerprints?.sessionId).toBe('s1')
  })

  it("session.clock gives the router's clock, carried forward from when show clock was printed", () => {
    const { transport, emit } = eventSource()
    const store = createLabStore(transport)
    const stop = wireEvents(store, transport)
    const observedAt = Date.UTC(2026, 1, 22, 10, 0, 0)
    // The router is two hours behind this computer.
    emit('session.clock', {
      id: 's1',
      text: '08:00:00.000 UTC Sun Feb 22 2026',
      utcMs: observedAt - 7_200_000,
      authoritative: true,
      observedAt,
    })
    expect(routerNow(store.getState().routerClock, new Date(observedAt + 60_000))?.toISOString()).toBe('2026-02-22T08:01:00.000Z')
    // A local zone name has no known offset: no router time.
    emit('session.clock', { id: 's1', text: '09:00:00.000 CET Sun Feb 22 2026', authoritative: false, observedAt })
    expect(routerNow(store.getState().routerClock)).toBeUndefined()
    stop()
  })
})
