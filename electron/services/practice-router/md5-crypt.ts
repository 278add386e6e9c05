import { createHash } from 'node:crypto'

/**
 * MD5-crypt (`$1$salt$hash`, the FreeBSD scheme), the type 5 hash IOS 15 keeps for
 * `enable secret` unless another algorithm is chosen (Cisco IOS Security Command Reference,
 * `enable secret`; IOS uses a 4-character salt). Checked against `openssl passwd -1` in tests.
 */

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function to64(value: number, count: number): string {
  let out = ''
  let v = value
  for (let i = 0; i < count; i++) {
    out += ITOA64[v & 0x3f] ?? '.'
    v >>>= 6
  }
  return out
}

export function md5Crypt(password: string, salt: string): string {
  const pw = Buffer.from(password, 'utf8')
  const sl = Buffer.from(salt.slice(0, 8), 'utf8')
  const ctx = createHash('md5').update(pw).update('$1$').update(sl)
  const alt = createHash('md5').update(pw).update(sl).update(pw).digest()
  for (let left = pw.length; left > 0; left -= 16) ctx.update(alt.subarray(0, Math.min(16, left)))
  for (let i = pw.length; i > 0; i >>>= 1) ctx.update(i & 1 ? Buffer.from([0]) : pw.subarray(0, 1))
  let final = ctx.digest()
  for (let i = 0; i < 1000; i++) {
    const round = createHash('md5')
    round.update(i & 1 ? pw : final)
    if (i % 3) round.update(sl)
    if (i % 7) round.update(pw)
    round.update(i & 1 ? final : pw)
    final = round.digest()
  }
  const b = (i: number): number => final[i] ?? 0
  const hash =
    to64((b(0) << 16) | (b(6) << 8) | b(12), 4) +
    to64((b(1) << 16) | (b(7) << 8) | b(13), 4) +
    to64((b(2) << 16) | (b(8) << 8) | b(14), 4) +
    to64((b(3) << 16) | (b(9) << 8) | b(15), 4) +
    to64((b(4) << 16) | (b(10) << 8) | b(5), 4) +
    to64(b(11), 2)
  return `$1$${salt.slice(0, 8)}$${hash}`
}

/** A 4-character salt from seeded bytes. */
export function cryptSalt(bytes: Buffer): string {
  return [...bytes.subarray(0, 4)].map((byte) => ITOA64[byte & 0x3f] ?? '.').join('')
}

/** True when `password` hashes to `stored` (`$1$salt$hash`). */
export function md5CryptMatches(password: string, stored: string): boolean {
  const m = /^\$1\$([^$]{0,8})\$/.exec(stored)
  return m !== null && md5Crypt(password, m[1] ?? '') === stored
}
