import { SeededStream } from './rng'

/** The simulated chassis: a processor board serial number stable for a seed. */
export function boardSerial(seed: string): string {
  const bytes = new SeededStream(seed, 'board-serial').bytes(8)
  const digits = String(1000 + (bytes.readUInt16BE(0) % 9000))
  const letters = [...bytes.subarray(2, 6)].map((b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'[b % 34]).join('')
  return `FTX${digits}${letters}`
}
