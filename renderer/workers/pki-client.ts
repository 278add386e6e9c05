// The renderer's way to the certificate parser: a module worker (pki-worker.ts), with a
// main-thread fallback where workers cannot start (a host that does not serve the worker chunk):
// the result is the same, only the UI may pause. The fallback loads the parser as a lazy chunk,
// so the worker is the only bundle that ships it statically.
import type { PkiCall } from './pki-calls'
import type { PkiArgs, PkiRequest, PkiResponse, PkiResult } from './pki-protocol'
import type { KeptParse } from './pki-calls'
import type { ParseResult } from '../../shared/pki/parsed'

export type { KeptParse, BytesDump } from './pki-calls'

interface Pending {
  readonly request: PkiRequest
  resolve(value: PkiResult<PkiCall>): void
  reject(err: Error): void
}

export class ParseCancelled extends Error {
  constructor() {
    super('Reading was cancelled.')
  }
}

let worker: Worker | undefined
let workerBroken = false
let nextId = 0
const pending = new Map<number, Pending>()

async function runHere(request: PkiRequest): Promise<PkiResult<PkiCall>> {
  const { answer } = await import('./pki-calls')
  // Yield once so that the "Reading…" state is painted before a long synchronous parse.
  await new Promise((resolve) => setTimeout(resolve, 0))
  return answer(request)
}

function startWorker(): Worker | undefined {
  if (worker || workerBroken) return worker
  if (typeof Worker === 'undefined') {
    workerBroken = true
    return undefined
  }
  try {
    const w = new Worker(new URL('./pki-worker.ts', import.meta.url), { type: 'module', name: 'certificate-parser' })
    w.addEventListener('message', (event: MessageEvent<PkiResponse>) => {
      const reply = event.data
      const p = pending.get(reply.id)
      if (!p) return
      pending.delete(reply.id)
      if ('error' in reply) p.reject(new Error(reply.error))
      else p.resolve(reply.value)
    })
    w.addEventListener('error', () => {
      // The worker script did not load: read on the main thread from now on, these included.
      workerBroken = true
      worker = undefined
      w.terminate()
      const waiting = [...pending.values()]
      pending.clear()
      for (const p of waiting) runHere(p.request).then(p.resolve, p.reject)
    })
    worker = w
  } catch {
    workerBroken = true
  }
  return worker
}

function send(p: Pending): void {
  const w = startWorker()
  if (!w) {
    runHere(p.request).then(p.resolve, p.reject)
    return
  }
  pending.set(p.request.id, p)
  w.postMessage(p.request)
}

/** One call to the parser, answered off the main thread when a worker can run. */
export function callPki<C extends PkiCall>(call: C, ...args: PkiArgs<C>): Promise<PkiResult<C>> {
  // The union of requests cannot be narrowed from a generic call name; `answer` checks it again.
  const request = { id: ++nextId, call, args } as PkiRequest
  return new Promise<PkiResult<PkiCall>>((resolve, reject) => send({ request, resolve, reject })) as Promise<PkiResult<C>>
}

/** Reads pasted text or file bytes without blocking the page; cancelParsing stops it. */
export function parseInBackground(input: string | Uint8Array, fileName?: string): Promise<ParseResult> {
  return callPki('parse', input, fileName)
}

/** Reads saved PEMs one by one without blocking the page (the workbench library at start-up). */
export function readKeptInBackground(pems: string[]): Promise<KeptParse[]> {
  return callPki('readKept', pems)
}

/**
 * Stops every paste or file being read. The worker is ended (a long parse cannot be interrupted
 * otherwise); the other calls it was answering are asked again of a new one.
 */
export function cancelParsing(): void {
  worker?.terminate()
  worker = undefined
  const waiting = [...pending.values()]
  pending.clear()
  for (const p of waiting) {
    if (p.request.call === 'parse') p.reject(new ParseCancelled())
    else send(p)
  }
}
