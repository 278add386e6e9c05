/** Everything a listener received, as UTF-8 text; compare `bytes` when every byte matters. */
export class Received {
  private readonly chunks: Buffer[] = []

  readonly listener = (chunk: Uint8Array | Buffer): void => {
    this.chunks.push(Buffer.from(chunk))
  }

  get bytes(): Buffer {
    return Buffer.concat(this.chunks)
  }

  get text(): string {
    return this.bytes.toString('utf8')
  }

  clear(): void {
    this.chunks.length = 0
  }
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await delay(10)
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
