import type { ParseResult } from '../../../shared/pki'
import type { KeptParse } from './parse-protocol'

/**
 * One saved PEM's certificate, or why it has none (an edited state file). Takes the parser as an
 * argument so that importing this module does not pull the PKI stack into the main bundle.
 */
export function parseKeptPem(parseInput: (input: string) => ParseResult, pem: string): KeptParse {
  try {
    const r = parseInput(pem)
    const cert = r.certificates[0]
    if (cert) return { cert }
    return { error: r.problems[0]?.message ?? 'The saved PEM holds no certificate.' }
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) }
  }
}
