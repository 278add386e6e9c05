// Every router-output parser and the workbench's input parser, fed random and damaged text:
// none may throw, whatever a router prints or a user pastes.
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import * as ios from '../../shared/ios'
import { parseInput, extractFromText } from '../../shared/pki'
import { RouterWatch } from '../../electron/services/router-watch/router-watch'
import { FUZZ_TIMEOUT_MS, hostileText, params, printTotals, report } from './fuzz-config'

const fixtureDir = path.resolve('test/fixtures/ios')
const samples = fs
  .readdirSync(fixtureDir)
  .filter((f) => /\.(txt|pem)$/.test(f))
  .map((f) => fs.readFileSync(path.join(fixtureDir, f), 'utf8'))

/** The text-in parsers of shared/ios, found by name so new ones are fuzzed without a list to keep. */
const PARSER_NAME = /^(parse|detect|find|clean|strip|normalize|apply|toLines|iosErrors|firstIos)/
const parsers: Array<[string, (text: string) => unknown]> = Object.entries(ios).flatMap(([name, f]) =>
  typeof f === 'function' && f.length === 1 && name !== 'parsed' && PARSER_NAME.test(name)
    ? [[name, (text: string): unknown => Reflect.apply(f, undefined, [text])] as [string, (text: string) => unknown]]
    : [],
)

afterAll(() => printTotals('parsers'))

describe('fuzz: parsers never throw', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('finds the router-output parsers it is meant to cover', () => {
    expect(parsers.map(([name]) => name)).toEqual(
      expect.arrayContaining(['parsePkiExport', 'parseShowSccp', 'parseFingerprints', 'detectPrompt']),
    )
  })

  it('every shared/ios parser', () => {
    let inputs = 0
    fc.assert(
      fc.property(fc.constantFrom(...parsers), hostileText(samples), ([, parse], text) => {
        inputs++
        parse(text)
      }),
      { ...params, numRuns: params.numRuns * parsers.length },
    )
    report(`shared/ios parsers (${parsers.length})`, inputs, 0)
  })

  it('the workbench input parser (paste, file, router output)', () => {
    let inputs = 0
    fc.assert(
      fc.property(hostileText(samples), (text) => {
        inputs++
        const result = parseInput(text)
        expect(Array.isArray(result.problems)).toBe(true)
        extractFromText(text)
      }),
      params,
    )
    report('pki.parseInput', inputs, 0)
  })

  it('the router-output watch, fed in pieces as a line delivers them', () => {
    let inputs = 0
    fc.assert(
      fc.property(fc.array(hostileText(samples), { maxLength: 6 }), (pieces) => {
        inputs++
        const watch = new RouterWatch({ fingerprints: () => undefined, certificates: () => undefined })
        for (const piece of pieces) watch.feed(piece)
        watch.state()
        watch.dispose()
      }),
      params,
    )
    report('RouterWatch', inputs, 0)
  })
})
