// Runs parseInput off the main thread: a 10 MB paste of certificates takes seconds to read, and
// 300 saved certificates about a second; the console must keep drawing meanwhile. ParseResult is
// plain data, so it crosses postMessage.
import { parseInput } from '../../../shared/pki'
import type { ParseEachRequest, ParseRequest, ParseResponse } from './parse-protocol'
import { parseKeptPem } from './parse-kept'

self.addEventListener('message', (event: MessageEvent<ParseRequest | ParseEachRequest>) => {
  const request = event.data
  let reply: ParseResponse
  try {
    reply =
      'pems' in request
        ? { id: request.id, each: request.pems.map((pem) => parseKeptPem(parseInput, pem)) }
        : { id: request.id, result: parseInput(request.input, request.fileName) }
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? err.message : String(err) }
  }
  self.postMessage(reply)
})
