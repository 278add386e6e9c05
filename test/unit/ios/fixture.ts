import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dir = fileURLToPath(new URL('../../fixtures/ios/', import.meta.url))

/** A router transcript or certificate from test/fixtures/ios, byte for byte. */
export function fixture(name: string): string {
  return readFileSync(dir + name, 'utf8')
}

export const fixtureDir = dir
