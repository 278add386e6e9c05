import fs from 'node:fs/promises'
import path from 'node:path'
import { PERSISTED_SLICES, PersistedState, type PersistedSlice, type Revisions } from '../../../shared/contract'
import { merge3 } from '../../../shared/persist/merge3'
import { removeStaleTemps, writeFileAtomic } from './atomic-write'
import { WriteQueue } from './write-queue'
import { STATE_VERSION, migrate } from './migrations'

export interface LoadResult {
  state: PersistedState
  revisions: Revisions
  warnings: string[]
}

export type SaveResult = { saved: true; revision: number } | { saved: false; revision: number; value: unknown }

type SliceValues = Partial<Record<PersistedSlice, unknown>>

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code
}

/**
 * The persisted part of the store, as one versioned JSON file in the user-data folder, kept in
 * memory once loaded so every window sees the same slices and revisions.
 * - A damaged file never stops the app: it is moved aside (kept for the user) and the app starts
 *   from defaults with a warning; a single bad slice is dropped and the others kept.
 * - A file the process cannot read (permissions, I/O error) is never overwritten: saves go to a
 *   fallback file beside it until it is readable again, and are then merged back.
 * - Each slice is saved on its own against the revision the window last saw, so two windows
 *   never erase each other's changes (see `save`).
 */
export class StateFile {
  private readonly writes = new WriteQueue()
  private loaded: Promise<{ values: SliceValues; revisions: Revisions; warnings: string[]; target: string }> | undefined

  constructor(
    readonly filePath: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Where saves go while the state file cannot be read. */
  get fallbackPath(): string {
    const ext = path.extname(this.filePath)
    return `${this.filePath.slice(0, this.filePath.length - ext.length)}.fallback${ext || '.json'}`
  }

  /** Queued behind saves: a save's file is written before its memory is, and a load in between saw the old value. */
  load(): Promise<LoadResult> {
    return this.writes.run(async () => {
      const { values, revisions, warnings } = await this.loadedState()
      return { state: PersistedState.parse(values), revisions: { ...revisions }, warnings: [...warnings] }
    })
  }

  /**
   * Saves one slice, if nobody saved it since `base`; otherwise writes nothing and returns the
   * current value for the caller to merge into. Saves are queued, so two never race.
   */
  save(slice: PersistedSlice, value: unknown, base: number): Promise<SaveResult> {
    return this.writes.run(async (): Promise<SaveResult> => {
      const current = await this.loadedState()
      const revision = current.revisions[slice]
      if (base !== revision) return { saved: false, revision, value: current.values[slice] }
      const values = { ...current.values, [slice]: value }
      if (value === undefined) delete values[slice]
      await this.write(current.target, values)
      current.values = values
      current.revisions[slice] = revision + 1
      return { saved: true, revision: revision + 1 }
    })
  }

  private async loadedState() {
    this.loaded ??= this.firstLoad()
    return this.loaded
  }

  private write(target: string, values: SliceValues): Promise<void> {
    const body = JSON.stringify({ version: STATE_VERSION, savedAt: this.now().toISOString(), state: values }, null, 2)
    return writeFileAtomic(target, body)
  }

  private async firstLoad() {
    // A save killed mid-way leaves a whole copy of the state beside it.
    await removeStaleTemps(this.filePath)
    await removeStaleTemps(this.fallbackPath)
    const revisions = Object.fromEntries(PERSISTED_SLICES.map((s) => [s, 0])) as Revisions
    const main = await this.readFile(this.filePath)
    if (main.kind === 'unreadable') {
      const fallback = await this.readFile(this.fallbackPath)
      const kept = fallback.kind === 'read' ? fallback : { values: {}, warnings: [] }
      const warning =
        `Lab Console cannot read its saved state at ${this.filePath} (${main.why}). The file was left untouched: ` +
        `your saved profiles, certificates and sites are still in it. Make it readable again (for example ` +
        `\`chmod u+rw\` on it, or give it back to your user) and restart Lab Console; until then, changes are ` +
        `saved to ${this.fallbackPath} and merged back after that.`
      return { values: kept.values, revisions, warnings: [warning, ...kept.warnings], target: this.fallbackPath }
    }
    const loaded = main.kind === 'read' ? main : { values: {}, warnings: [] }
    const fallback = await this.readFile(this.fallbackPath)
    if (fallback.kind !== 'read') return { values: loaded.values, revisions, warnings: loaded.warnings, target: this.filePath }
    return this.mergeFallback(loaded.values, fallback.values, [...loaded.warnings, ...fallback.warnings], revisions)
  }

  /** Changes saved while the file was unreadable go back into it, and the fallback is kept aside. */
  private async mergeFallback(values: SliceValues, fallback: SliceValues, warnings: string[], revisions: Revisions) {
    const merged = merge3({}, fallback, values) as SliceValues
    await this.write(this.filePath, merged)
    const aside = `${this.fallbackPath}.merged-${this.stamp()}`
    await fs.rename(this.fallbackPath, aside)
    warnings.push(`Changes saved while ${this.filePath} was unreadable were merged back into it (the fallback file is kept as ${aside}).`)
    return { values: merged, revisions, warnings, target: this.filePath }
  }

  private async readFile(
    file: string,
  ): Promise<{ kind: 'missing' } | { kind: 'unreadable'; why: string } | { kind: 'read'; values: SliceValues; warnings: string[] }> {
    let text: string
    try {
      text = await fs.readFile(file, 'utf8')
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return { kind: 'missing' }
      return { kind: 'unreadable', why: (err as Error).message }
    }
    const { values, warnings } = await this.parse(file, text)
    return { kind: 'read', values, warnings }
  }

  private async parse(file: string, text: string): Promise<{ values: SliceValues; warnings: string[] }> {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (err) {
      return this.moveAside(file, `it is not valid JSON (${(err as Error).message})`)
    }
    if (!isRecord(parsed) || typeof parsed.version !== 'number' || !isRecord(parsed.state)) {
      return this.moveAside(file, 'it does not have the expected { version, state } layout')
    }
    if (parsed.version > STATE_VERSION) {
      return this.moveAside(file, `it was written by a newer Lab Console (format ${parsed.version}, this one reads ${STATE_VERSION})`)
    }
    let migrated: Record<string, unknown>
    try {
      migrated = migrate(parsed.version, parsed.state)
    } catch (err) {
      return this.moveAside(file, `it could not be upgraded: ${(err as Error).message}`)
    }
    return this.validateSlices(file, migrated)
  }

  private async validateSlices(file: string, raw: Record<string, unknown>): Promise<{ values: SliceValues; warnings: string[] }> {
    const values: SliceValues = {}
    const warnings: string[] = []
    for (const key of PERSISTED_SLICES) {
      if (raw[key] === undefined) continue
      const result = PersistedState.shape[key].safeParse(raw[key])
      if (result.success) values[key] = result.data
      else warnings.push(`Saved ${key} were damaged and have been reset (${result.error.issues[0]?.message ?? 'invalid'}).`)
    }
    if (warnings.length > 0) {
      const backup = await this.backup(file)
      warnings.push(`The original file is kept as ${backup}.`)
    }
    return { values, warnings }
  }

  private async moveAside(file: string, why: string): Promise<{ values: SliceValues; warnings: string[] }> {
    const backup = await this.backup(file, true)
    return {
      values: {},
      warnings: [`The saved state file could not be used because ${why}. It was moved to ${backup}; starting with defaults.`],
    }
  }

  private stamp(): string {
    return this.now().toISOString().replace(/[:.]/g, '-')
  }

  private async backup(file: string, move = false): Promise<string> {
    const target = `${file}.corrupt-${this.stamp()}`
    if (move) await fs.rename(file, target)
    else await fs.copyFile(file, target)
    return target
  }
}
