import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const script = path.resolve('scripts/electronegativity-check.mjs')

// npm run lint runs the same script on the app's own sources and must pass; this proves it can fail.
describe('electronegativity in npm run lint (security item 9)', () => {
  it('fails on HIGH findings in a deliberately insecure window', () => {
    const run = spawnSync(process.execPath, [script, path.resolve('test/fixtures/electronegativity/insecure')], {
      encoding: 'utf8',
      timeout: 90_000,
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK/)
    expect(run.stderr).toMatch(/HIGH finding\(s\): failing the lint step/)
    // The fixture's CSP spans two lines, so the report holds a quoted line break: parsed, not crashed on.
    expect(run.stdout).toMatch(/CSP_GLOBAL_CHECK/)
    expect(run.stderr).not.toMatch(/TypeError/)
  }, 100_000)
})
