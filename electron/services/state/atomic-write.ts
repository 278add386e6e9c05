import fs from 'node:fs/promises'
import path from 'node:path'
import crypto from 'node:crypto'

/**
 * Write a file so that a crash or power cut leaves either the old or the new contents, never a
 * half-written file: write a temp file beside it, flush it to disk, then rename over the target.
 */
export async function writeFileAtomic(target: string, contents: string | Uint8Array, mode = 0o600): Promise<void> {
  // Only the user may read what the app keeps (state, known hosts, labs).
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`)
  const handle = await fs.open(temp, 'w', mode)
  try {
    await handle.writeFile(contents)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(temp, target)
  } catch (err) {
    await fs.rm(temp, { force: true })
    throw err
  }
}

const TEMP_SUFFIX = /^\.(.+)\.[0-9a-f]{12}\.tmp$/

/**
 * Removes temp files that writeFileAtomic left beside `target` when the process was killed
 * mid-save. Each is a whole copy of the file (the state file can be megabytes), so they would
 * pile up. Called at start-up, before anything of ours can be writing.
 */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const dir = path.dirname(target)
  const base = path.basename(target)
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return []
  }
  const stale = names.filter((name) => TEMP_SUFFIX.exec(name)?.[1] === base)
  await Promise.all(stale.map((name) => fs.rm(path.join(dir, name), { force: true })))
  return stale
}
