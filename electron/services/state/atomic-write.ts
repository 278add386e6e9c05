import fs from 'node:fs/promises'
import path from 'node:path'
import crypto from 'node:crypto'

/**
 * Write a file so that a crash or power cut leaves either the old or the new contents, never a
 * half-written file: write a temp file beside it, flush it to disk, then rename over the target.
 */
export async function writeFileAtomic(target: string, contents: string | Uint8Array, mode = 0o600): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true })
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
