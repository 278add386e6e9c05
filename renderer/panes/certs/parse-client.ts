// parseInput in a module worker, with a main-thread fallback where workers cannot start (a host
// that does not serve the worker chunk): the result is the same, only the UI may pause.
import { parseInput, type ParseResult } from '../../../shared/pki'
import type { ParseRequest, ParseResponse } from './parse-protocol'

interface Pending {
  resolve(result: ParseResult): void
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
      if ('result' in reply) p.resolve(reply.result)
      else p.reject(new Error(reply.error))
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

function parseHere(input: string | Uint8Array, fileName?: string): Promise<ParseResult> {
  // Yield once so that the "Reading…" state is painted before a long synchronous parse.
  return new Promise((resolve) => setTimeout(() => resolve(parseInput(input, fileName)), 0))
}

/** Reads pasted text or file bytes without blocking the page. */
export async function parseInBackground(input: string | Uint8Array, fileName?: string): Promise<ParseResult> {
  const w = startWorker()
  if (!w) return parseHere(input, fileName)
  const id = ++nextId
  const request: ParseRequest = { id, input, ...(fileName ? { fileName } : {}) }
  try {
    return await new Promise<ParseResult>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      w.postMessage(request)
    })
  } catch (err) {
    if (err instanceof Error && err.message === 'worker-failed') return parseHere(input, fileName)
    throw err
  }
}

/** Stops every read in progress (the worker is restarted on the next one). */
export function cancelParsing(): void {
  worker?.terminate()
  worker = undefined
  failAll(new ParseCancelled())
}
