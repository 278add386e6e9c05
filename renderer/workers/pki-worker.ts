// The certificate parser off the main thread: a 10 MB paste takes seconds to read and 300 saved
// certificates about a second; the console must keep drawing meanwhile. This worker is the only
// bundle that ships the parser (renderer/workers/pki-calls.ts).
import { answer } from './pki-calls'
import type { PkiRequest, PkiResponse } from './pki-protocol'

self.addEventListener('message', (event: MessageEvent<PkiRequest>) => {
  const request = event.data
  const reply = (response: PkiResponse): void => self.postMessage(response)
  const fail = (err: unknown): void => reply({ id: request.id, error: err instanceof Error ? err.message : String(err) })
  try {
    Promise.resolve(answer(request)).then((value) => reply({ id: request.id, value }), fail)
  } catch (err) {
    fail(err)
  }
})
