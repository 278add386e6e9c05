import { checkPrime, checkPrimeSync } from 'node:crypto'
import forge from 'node-forge'
import type { SeededStream } from './rng'

/**
 * RSA key generation from a seeded stream. Candidates come from the stream, primality is tested by
 * OpenSSL through node:crypto (fast, and off the event loop in the async form), so the same seed
 * always gives the same key and a 2048-bit key takes a fraction of a second.
 */

const E = 65537n

function candidate(bits: number, rng: SeededStream): bigint {
  const bytes = rng.bytes(Math.ceil(bits / 8))
  let value = BigInt(`0x${bytes.toString('hex')}`)
  const excess = BigInt(bytes.length * 8 - bits)
  value >>= excess
  // Top two bits set so that p*q has exactly the requested size; odd so only odd numbers are tried.
  value |= 3n << BigInt(bits - 2)
  value |= 1n
  return value
}

function usable(p: bigint): boolean {
  return (p - 1n) % E !== 0n
}

function primeSync(bits: number, rng: SeededStream): bigint {
  let p = candidate(bits, rng)
  while (!(usable(p) && checkPrimeSync(p, { checks: 20 }))) p += 2n
  return p
}

function checkPrimeAsync(p: bigint): Promise<boolean> {
  return new Promise((resolve, reject) => {
    checkPrime(p, { checks: 20 }, (err, result) => (err ? reject(err) : resolve(result)))
  })
}

async function primeAsync(bits: number, rng: SeededStream): Promise<bigint> {
  let p = candidate(bits, rng)
  while (!(usable(p) && (await checkPrimeAsync(p)))) p += 2n
  return p
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m]
  let [oldS, s] = [1n, 0n]
  while (r !== 0n) {
    const q = oldR / r
    ;[oldR, r] = [r, oldR - q * r]
    ;[oldS, s] = [s, oldS - q * s]
  }
  return ((oldS % m) + m) % m
}

function big(value: bigint): forge.jsbn.BigInteger {
  return new forge.jsbn.BigInteger(value.toString(16), 16)
}

function assemble(p0: bigint, q0: bigint): forge.pki.rsa.KeyPair {
  const [p, q] = p0 > q0 ? [p0, q0] : [q0, p0]
  const n = p * q
  const phi = (p - 1n) * (q - 1n)
  const d = modInverse(E, phi)
  const privateKey = forge.pki.setRsaPrivateKey(
    big(n),
    big(E),
    big(d),
    big(p),
    big(q),
    big(d % (p - 1n)),
    big(d % (q - 1n)),
    big(modInverse(q, p)),
  )
  const publicKey = forge.pki.setRsaPublicKey(big(n), big(E))
  return { privateKey, publicKey }
}

export function generateRsaKeySync(bits: number, rng: SeededStream): forge.pki.rsa.KeyPair {
  const half = Math.floor(bits / 2)
  for (;;) {
    const p = primeSync(bits - half, rng)
    const q = primeSync(half, rng)
    if (p !== q) return assemble(p, q)
  }
}

export async function generateRsaKey(bits: number, rng: SeededStream): Promise<forge.pki.rsa.KeyPair> {
  const half = Math.floor(bits / 2)
  for (;;) {
    const p = await primeAsync(bits - half, rng)
    const q = await primeAsync(half, rng)
    if (p !== q) return assemble(p, q)
  }
}
