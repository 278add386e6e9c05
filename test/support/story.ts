import { beforeEach } from 'vitest'

/**
 * For a test file that tells one procedure in order (step 6 needs steps 1–5 done on the same
 * router): once a test of the story fails, every later test of it skips itself, saying which step
 * failed, instead of failing for a reason that is not its own. A fresh app per test would mean
 * replaying the whole procedure before each step; this makes the dependency explicit instead.
 *
 * Call it inside the story's describe block; its tests run in order (Vitest's default).
 */
export function followStory(): void {
  let failed: string | undefined
  beforeEach((ctx) => {
    if (failed !== undefined) ctx.skip(`skipped: an earlier step of this procedure failed (${failed})`)
    ctx.onTestFailed(() => {
      failed ??= ctx.task.name
    })
  })
}
