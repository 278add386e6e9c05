import fs from 'node:fs'

/**
 * Creates a data folder readable by the user only (0700), and tightens one an older version left
 * open (0755): logs, lab keys and known hosts are nobody else's business on a shared machine.
 * Runs once at start-up, so the synchronous calls cost nothing later.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const stat = fs.statSync(dir)
  if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) fs.chmodSync(dir, 0o700)
}
