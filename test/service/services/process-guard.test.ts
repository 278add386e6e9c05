import { execFile } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

function runChild(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const tsx = path.resolve('node_modules/.bin/tsx')
  return new Promise((resolve) => {
    execFile(tsx, [path.resolve('test/support/guarded-child.ts'), ...args], { timeout: 60_000 }, (error, stdout) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout })
    })
  })
}

describe('process guard of both hosts', () => {
  it('without it an uncaught exception ends the host (what the guard prevents)', async () => {
    const { code, stdout } = await runChild(['--unguarded'])
    expect(code).not.toBe(0)
    expect(stdout).not.toContain('still serving')
  })

  it('logs an uncaught exception and an unhandled rejection, tells the user, and keeps serving', async () => {
    const { code, stdout } = await runChild([])
    expect(code).toBe(0)
    expect(stdout).toContain('boom from a callback')
    expect(stdout).toContain('rejected and forgotten')
    expect(stdout).toContain('"level":"error"')
    expect(stdout).toContain('still serving')
  })
})
