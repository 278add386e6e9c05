import fs from 'node:fs/promises'
import { PersistedState } from '../../../shared/contract'
import { writeFileAtomic } from './atomic-write'
import { STATE_VERSION, migrate } from './migrations'

export interface LoadResult {
  state: PersistedState
  warnings: string[]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The persisted part of the store, as one versioned JSON file in the user-data folder.
 * A damaged file never stops the app: it is moved aside (kept for the user) and the app starts
 * from defaults with a warning; a single bad slice is dropped and the others kept.
 */
export class StateFile {
  private writing: Promise<void> = Promise.resolve()

  constructor(
    readonly filePath: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async load(): Promise<LoadResult> {
    let text: string
    try {
      text = await fs.readFile(this.filePath, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: {}, warnings: [] }
      return { state: {}, warnings: [`Could not read ${this.filePath}: ${(err as Error).message}. Starting with defaults.`] }
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (err) {
      return this.moveAside(`it is not valid JSON (${(err as Error).message})`)
    }
    if (!isRecord(parsed) || typeof parsed.version !== 'number' || !isRecord(parsed.state)) {
      return this.moveAside('it does not have the expected { version, state } layout')
    }
    if (parsed.version > STATE_VERSION) {
      return this.moveAside(`it was written by a newer Lab Console (format ${parsed.version}, this one reads ${STATE_VERSION})`)
    }
    let migrated: Record<string, unknown>
    try {
      migrated = migrate(parsed.version, parsed.state)
    } catch (err) {
      return this.moveAside(`it could not be upgraded: ${(err as Error).message}`)
    }
    return this.validateSlices(migrated)
  }

  /** Saves are queued so two quick saves never race on the rename. */
  save(state: PersistedState): Promise<void> {
    const body = JSON.stringify({ version: STATE_VERSION, savedAt: this.now().toISOString(), state }, null, 2)
    const next = this.writing.then(() => writeFileAtomic(this.filePath, body))
    this.writing = next.catch(() => undefined)
    return next
  }

  private async validateSlices(raw: Record<string, unknown>): Promise<LoadResult> {
    const state: Record<string, unknown> = {}
    const warnings: string[] = []
    const shape = PersistedState.shape
    for (const key of Object.keys(shape) as Array<keyof typeof shape>) {
      if (raw[key] === undefined) continue
      const result = shape[key].safeParse(raw[key])
      if (result.success) state[key] = result.data
      else warnings.push(`Saved ${key} were damaged and have been reset (${result.error.issues[0]?.message ?? 'invalid'}).`)
    }
    if (warnings.length > 0) {
      const backup = await this.backup()
      warnings.push(`The original file is kept as ${backup}.`)
    }
    return { state: PersistedState.parse(state), warnings }
  }

  private async moveAside(why: string): Promise<LoadResult> {
    const backup = await this.backup(true)
    return {
      state: {},
      warnings: [`The saved state file could not be used because ${why}. It was moved to ${backup}; starting with defaults.`],
    }
  }

  private async backup(move = false): Promise<string> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    const target = `${this.filePath}.corrupt-${stamp}`
    if (move) await fs.rename(this.filePath, target)
    else await fs.copyFile(this.filePath, target)
    return target
  }
}
