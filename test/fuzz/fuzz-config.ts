/**
 * The fuzz tier's knobs. `npm test` runs it with a fixed seed (the same inputs every time, so a
 * failure reproduces); `npm run fuzz` runs many more inputs with a fresh seed it prints.
 */
import fc from 'fast-check'

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261202)
/** Inputs per target. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150)

/** Inputs for targets that cost a real connection or device each (pty writes, TCP connects). */
export const FUZZ_SLOW_RUNS = Math.ceil(FUZZ_RUNS / 3)
/** A test's time limit grows with the number of inputs (`npm run fuzz` runs thousands). */
export const FUZZ_TIMEOUT_MS = 60_000 + FUZZ_RUNS * 150

const totals = { inputs: 0, crashes: 0 }

/** Prints one target's figure; the test fails on any crash, with fast-check's shrunk input. */
export function report(target: string, inputs: number, crashes: number): void {
  totals.inputs += inputs
  totals.crashes += crashes
  console.log(`fuzz ${target}: ${inputs} inputs tried, ${crashes} crashes (seed ${FUZZ_SEED})`)
}

export function printTotals(file: string): void {
  console.log(`fuzz total (${file}): ${totals.inputs} inputs tried, ${totals.crashes} crashes (seed ${FUZZ_SEED})`)
}

export const params = { seed: FUZZ_SEED, numRuns: FUZZ_RUNS } as const

/** Bytes a hostile device or a damaged line sends: random, plus the shapes parsers trip on. */
export function hostileBytes(): fc.Arbitrary<Uint8Array> {
  const fragments = [
    '\x1b[',
    '\x1b]0;',
    '\x1b[999999999;1H',
    '\x07',
    '\r',
    '\n',
    '\r\n',
    '\b',
    '\x00',
    '\xff',
    '-----BEGIN CERTIFICATE-----\n',
    '-----END CERTIFICATE-----\n',
    '% CA certificate:\n',
    '% General Purpose Certificate:\n',
    'Fingerprint MD5: ',
    'Fingerprint SHA1: ',
    'MIIB',
    '====',
    'Router#',
    'Router(config)#',
    '[yes/no]: ',
    'Password: ',
    ' --More-- ',
    'crypto pki export ',
    ' pem terminal\n',
    'Certificate has the following attributes:\n',
    '\xf0\x9f\x98',
    '\xed\xa0\x80',
  ].map((s) => Buffer.from(s, 'latin1'))
  const piece = fc.oneof(
    fc.uint8Array({ maxLength: 512 }),
    fc.constantFrom(...fragments),
    fc.string({ maxLength: 200 }).map((s) => Buffer.from(s, 'utf8')),
    fc.nat({ max: 9000 }).map((n) => Buffer.alloc(n, 0x41)),
  )
  return fc.array(piece, { maxLength: 24 }).map((parts) => new Uint8Array(Buffer.concat(parts)))
}

/** Text for parsers: hostile bytes decoded, and real router output with damage. */
export function hostileText(samples: readonly string[]): fc.Arbitrary<string> {
  const damaged = fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ maxLength: 40 })).map(([text, at, cut, insert]) => {
    const i = at % (text.length + 1)
    return text.slice(0, i) + insert + text.slice(Math.min(text.length, i + (cut % 200)))
  })
  return fc.oneof(
    hostileBytes().map((b) => Buffer.from(b).toString('utf8')),
    damaged,
    fc.string({ unit: 'binary', maxLength: 400 }),
  )
}
