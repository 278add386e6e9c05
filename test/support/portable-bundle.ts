/**
 * Tests that run a program as another local user (the sshd test account, `nobody`) cannot run
 * it from the checkout: a clone in a private folder (a 0700 home directory, `mktemp -d`) is
 * unreadable to them. So the program is bundled, with its dependencies, into one file in a
 * world-readable temp folder, run with this machine's node, and removed afterwards.
 */
import { build } from 'esbuild'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, extname, join, resolve } from 'node:path'

export interface PortableProgram {
  /** The command line to run it: this machine's node and the bundled file. */
  readonly command: string
  readonly file: string
  dispose(): Promise<void>
}

export async function bundleForOtherUsers(entry: string): Promise<PortableProgram> {
  const dir = await mkdtemp(join(tmpdir(), 'lab-portable-'))
  await chmod(dir, 0o755)
  const file = join(dir, `${basename(entry, extname(entry))}.mjs`)
  await build({
    entryPoints: [resolve(entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    // CommonJS dependencies (node-forge) call require() for Node's own modules.
    banner: { js: "import { createRequire as __labRequire } from 'node:module'; const require = __labRequire(import.meta.url);" },
  })
  await chmod(file, 0o644)
  return {
    command: `${process.execPath} ${file}`,
    file,
    dispose: () => rm(dir, { recursive: true, force: true }),
  }
}
