/**
 * The state file's format version and the steps that bring an older file up to date. Each step
 * takes the `state` object of version N and returns that of version N + 1. Add a step (and bump
 * STATE_VERSION) whenever a persisted slice changes shape.
 */
export const STATE_VERSION = 1

export type Migration = (state: Record<string, unknown>) => Record<string, unknown>

/** migrations[n] upgrades version n to n + 1. Version 0 was the unversioned prototype format. */
export const migrations: Record<number, Migration> = {
  0: (state) => ({ settings: state.settings ?? state.preferences }),
}

export function migrate(version: number, state: Record<string, unknown>): Record<string, unknown> {
  let current = state
  for (let v = version; v < STATE_VERSION; v++) {
    const step = migrations[v]
    if (!step) throw new Error(`no migration from state version ${v}`)
    current = step(current)
  }
  return current
}
