// parseInput in a module worker, with a main-thread fallback where workers cannot start (a host
// that does not serve the worker chunk): the result is the same, only the UI may pause. The
// fallback loads the parser on demand, so the worker is the only bundle that ships it statically.
import type { ParseResult, parseInput as ParseInput } from '../../../shared/pki'
import type { KeptParse, ParseEachRequest, ParseRequest, ParseResponse } from './parse-protocol'
import { parseKeptPem } from './parse-kept'

type Reply = { result: ParseResult } | { each: KeptParse[] }

interface Pending {
  resolve(reply: Reply): void
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

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err)
  pending.clear()
}

function startWorker(): Worker | undefined {
  if (worker || workerBroken) return worker
  try {
    const w = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'certificate-parser' })
    w.addEventListener('message', (event: MessageEvent<ParseResponse>) => {
      const reply = event.data
      const p = pending.get(reply.id)
      if (!p) return
      pending.delete(reply.id)
      if ('error' in reply) p.reject(new Error(reply.error))
      else p.resolve(reply)
    })
    w.addEventListener('error', () => {
      // The worker script did not load: read on the main thread from now on.
      workerBroken = true
      worker = undefined
      w.terminate()
      const waiting = [...pending.entries()]
      pending.clear()
      for (const [, p] of waiting) p.reject(new Error('worker-failed'))
    })
    worker = w
  } catch {
    workerBroken = true
  }
  return worker
}

const loadParser = async (): Promise<typeof ParseInput> => (await import('../../../shared/pki')).parseInput

async function parseHere(input: string | Uint8Array, fileName?: string): Promise<ParseResult> {
  const parseInput = await loadParser()
  // Yield once so that the "Reading…" state is painted before a long synchronous parse.
  return new Promise((resolve) => setTimeout(() => resolve(parseInput(input, fileName)), 0))
}

function ask(w: Worker, request: ParseRequest | ParseEachRequest): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    pending.set(request.id, { resolve, reject })
    w.postMessage(request)
  })
}

/** Reads pasted text or file bytes without blocking the page. */
export async function parseInBackground(input: string | Uint8Array, fileName?: string): Promise<ParseResult> {
  const w = startWorker()
  if (!w) return parseHere(input, fileName)
  try {
    const reply = await ask(w, { id: ++nextId, input, ...(fileName ? { fileName } : {}) })
    if ('result' in reply) return reply.result
    throw new Error('The certificate reader answered the wrong question.')
  } catch (err) {
    if (err instanceof Error && err.message === 'worker-failed') return parseHere(input, fileName)
    throw err
  }
}

/** Reads saved PEMs one by one without blocking the page (the workbench library at start-up). */
export async function parseKeptInBackground(pems: string[]): Promise<KeptParse[]> {
  const w = startWorker()
  const here = async (): Promise<KeptParse[]> => {
    const parseInput = await loadParser()
    return pems.map((pem) => parseKeptPem(parseInput, pem))
  }
  if (!w) return here()
  try {
    const reply = await ask(w, { id: ++nextId, pems })
    if ('each' in reply) return reply.each
    throw new Error('The certificate reader answered the wrong question.')
  } catch (err) {
    if (err instanceof Error && err.message === 'worker-failed') return here()
    throw err
  }
}

/** Stops every read in progress (the worker is restarted on the next one). */
export function cancelParsing(): void {
  worker?.terminate()
  worker = undefined
  failAll(new ParseCancelled())
}
