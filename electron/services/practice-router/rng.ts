import { createHash, randomBytes } from 'node:crypto'

/**
 * Deterministic byte streams derived from one seed. Each consumer asks for its own labelled
 * stream so that, for a given seed, a key or serial does not change when unrelated commands are
 * typed in between.
 */
export class SeededStream {
  private counter = 0
  private buffer: Buffer = Buffer.alloc(0)

  constructor(
    private readonly seed: string,
    private readonly label: string,
  ) {}

  bytes(n: number): Buffer {
    while (this.buffer.length < n) {
      const block = createHash('sha256').update(`${this.seed}\0${this.label}\0${this.counter++}`).digest()
      this.buffer = Buffer.concat([this.buffer, block])
    }
    const out = this.buffer.subarray(0, n)
    this.buffer = this.buffer.subarray(n)
    return Buffer.from(out)
  }

  /** An integer in [0, max). The modulo bias is irrelevant for a simulator. */
  int(max: number): number {
    return this.bytes(4).readUInt32BE(0) % max
  }
}

export function randomSeed(): string {
  return randomBytes(16).toString('hex')
}
