// Runs parseInput off the main thread: a 10 MB paste of certificates takes seconds to read, and
// the console must keep drawing meanwhile. ParseResult is plain data, so it crosses postMessage.
import { parseInput } from '../../../shared/pki'
import type { ParseRequest, ParseResponse } from './parse-protocol'

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  const { id, input, fileName } = event.data
  let reply: ParseResponse
  try {
    reply = { id, result: parseInput(input, fileName) }
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) }
  }
  self.postMessage(reply)
})
