// Oversize and odd values through every contract method, as a compromised renderer or a buggy
// window could send them: the dispatcher must answer each with an envelope (an error that names
// the field, usually), never throw, never return output that breaks its own schema.
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { methods, type Method } from '../../shared/contract'
import type { TransportContext } from '../../electron/services/sessions/transport'
import { testServices } from '../support/services'
import { FUZZ_TIMEOUT_MS, params, printTotals, report } from './fuzz-config'
import { FakeDevice } from '../support/fake-device'

class QuietDevice extends FakeDevice {
  readonly title = 'quiet device'
  async open(_ctx: TransportContext): Promise<void> {}
}

// No real shell, SSH, telnet or serial connection is ever made from random input.
const device = (): QuietDevice => new QuietDevice()
const services = testServices({ transports: { shell: device, ssh: device, serial: device, telnet: device } })
const problems: string[] = []
services.hub.onProblem(({ message }) => problems.push(message))
afterAll(() => {
  services.cleanup()
  printTotals('contract')
})

const names = Object.keys(methods) as Method[]

/** Values that break naive code: huge, negative, non-finite, wrong type, prototype keys. */
const odd = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    '',
    's1',
    's999999999999',
    -1,
    0,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    -0,
    true,
    [],
    {},
    '__proto__',
    'constructor',
    '../../../../etc/passwd',
    'practice',
    'shell',
    'ssh',
    'serial',
    'settings',
    'profiles',
    'A'.repeat(70_000),
    '\u0000',
    '\ud800',
    '💥'.repeat(5000),
  ),
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 600 }),
)
const keys = [
  'id',
  'spec',
  'kind',
  'cols',
  'rows',
  'data',
  'chars',
  'lines',
  'text',
  'options',
  'timeoutMs',
  'secret',
  'paste',
  'slice',
  'value',
  'base',
  'lab',
  'files',
  'title',
  'name',
  'contents',
  'promptId',
  'answers',
  'accept',
  'remember',
  'key',
  'ms',
  'host',
  'port',
  'username',
  'path',
  'state',
  '__proto__',
  'constructor',
]
const shaped = fc.dictionary(fc.constantFrom(...keys), fc.oneof(odd, fc.dictionary(fc.constantFrom(...keys), odd, { maxKeys: 4 })), {
  maxKeys: 8,
})
const input = fc.oneof(shaped, odd, fc.anything({ maxDepth: 3, withBigInt: true, withNullPrototype: true, withSparseArray: true }))

describe('fuzz: every contract method answers odd input with an envelope', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it(`all ${names.length} methods`, async () => {
    // A real session for the id-taking methods to find.
    const opened = await services.dispatch('session.open', { spec: { kind: 'shell' }, cols: 80, rows: 24 }, { client: 'fuzz' })
    expect(opened.ok).toBe(true)
    let inputs = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), input, async (name, value) => {
        inputs++
        const envelope = await services.dispatch(name, value, { client: 'fuzz' })
        expect(typeof envelope.ok).toBe('boolean')
        if (!envelope.ok) expect(envelope.error.code).not.toBe('invalid_output')
        expect(problems).toEqual([])
      }),
      { ...params, numRuns: params.numRuns * names.length },
    )
    // Method names themselves: unknown ones are refused by name, cut to a readable length.
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (name) => {
        inputs++
        const envelope = await services.dispatch(name, null, { client: 'fuzz' })
        if (!envelope.ok) expect(envelope.error.message.length).toBeLessThan(200)
      }),
      params,
    )
    report(`contract methods (${names.length})`, inputs, 0)
  })
})
