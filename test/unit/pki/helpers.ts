import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseInput, type ParsedCertificate } from '../../../shared/pki'

export const FIXTURES = fileURLToPath(new URL('../../fixtures/pki/', import.meta.url))

export function fixturePath(name: string): string {
  return FIXTURES + name
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)))
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8')
}

/** Runs the real openssl CLI and returns stdout; fails the test on a non-zero exit. */
export function openssl(args: string[], input?: Uint8Array | string): string {
  const r = spawnSync('openssl', args, { input, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`)
  return r.stdout.trim()
}

/** `sha1 Fingerprint=AA:BB:…` → `AA:BB:…` (one value line from openssl x509 -noout). */
export function opensslValue(file: string, ...args: string[]): string {
  const out = openssl(['x509', '-in', fixturePath(file), '-noout', ...args])
  return out.slice(out.indexOf('=') + 1)
}

/** The one certificate in a fixture file. */
export function loadOne(name: string): ParsedCertificate {
  const r = parseInput(fixtureBytes(name), name)
  const cert = r.certificates[0]
  if (r.certificates.length !== 1 || !cert) {
    throw new Error(`${name}: expected one certificate, got ${r.certificates.length}: ${r.problems.map((p) => p.message).join('; ')}`)
  }
  return cert
}
