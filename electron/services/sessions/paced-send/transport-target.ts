import type { Transport } from '../transport'
import type { PacedTarget } from './paced-sender'

/** Lets the paced sender drive any transport directly (tests, the bench, a session without UI). */
export function pacedTargetFor(transport: Pick<Transport, 'write' | 'onData'>): PacedTarget {
  return {
    write: (data) => transport.write(data),
    onOutput(listener) {
      // One decoder per listener, in streaming mode, so a UTF-8 character split across chunks survives.
      const decoder = new TextDecoder()
      return transport.onData((chunk) => {
        const text = decoder.decode(chunk, { stream: true })
        if (text) listener(text)
      })
    },
  }
}
