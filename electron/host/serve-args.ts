export interface ServeArgs {
  readonly port: number
  readonly userDataDir?: string
}

/** `--port N` (0 = any free port) and `--user-data DIR`. */
export function parseServeArgs(argv: readonly string[]): ServeArgs | { error: string } {
  let port = 0
  let userDataDir: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (arg === '--port') {
      const n = Number(value)
      if (!Number.isInteger(n) || n < 0 || n > 65535) return { error: `--port needs a number from 0 to 65535, got "${value ?? ''}"` }
      port = n
      i++
    } else if (arg === '--user-data') {
      if (!value) return { error: '--user-data needs a folder' }
      userDataDir = value
      i++
    } else {
      return { error: `Unknown option "${arg}". Options: --port N, --user-data DIR` }
    }
  }
  return userDataDir === undefined ? { port } : { port, userDataDir }
}
