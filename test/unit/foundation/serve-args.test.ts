import { describe, expect, it } from 'vitest'
import { parseServeArgs } from '../../../electron/host/serve-args'

describe('npm run serve arguments', () => {
  it('reads --port and --user-data in both spellings', () => {
    expect(parseServeArgs([])).toEqual({ port: 0 })
    expect(parseServeArgs(['--port', '8080', '--user-data', '/tmp/lab'])).toEqual({ port: 8080, userDataDir: '/tmp/lab' })
    expect(parseServeArgs(['--port=0', '--user-data=/x'])).toEqual({ port: 0, userDataDir: '/x' })
  })

  it('refuses bad values with a message instead of guessing', () => {
    expect(parseServeArgs(['--port', '70000'])).toEqual({ error: '--port needs a number from 0 to 65535, got "70000"' })
    expect(parseServeArgs(['--port', 'x'])).toEqual({ error: '--port needs a number from 0 to 65535, got "x"' })
    expect(parseServeArgs(['--port='])).toEqual({ error: '--port needs a number from 0 to 65535, got ""' })
    expect(parseServeArgs(['--user-data='])).toEqual({ error: '--user-data needs a folder' })
  })

  it('names unknown options, missing values and stray words, and lists the options', () => {
    for (const argv of [['--verbose'], ['--port'], ['serve']]) {
      const r = parseServeArgs(argv)
      expect('error' in r && r.error).toMatch(/Options: --port N, --user-data DIR$/)
    }
    expect(parseServeArgs(['--verbose'])).toMatchObject({ error: expect.stringContaining("'--verbose'") })
  })
})
