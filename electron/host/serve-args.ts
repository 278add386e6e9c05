import { parseArgs } from 'node:util'

export interface ServeArgs {
  readonly port: number
  readonly userDataDir?: string
}

const USAGE = 'Options: --port N, --user-data DIR'

/** `--port N` (0 = any free port) and `--user-data DIR`, read by node's util.parseArgs (as the practice router CLI does). */
export function parseServeArgs(argv: readonly string[]): ServeArgs | { error: string } {
  let values: { port?: string; 'user-data'?: string }
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, 'user-data': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    // parseArgs throws TypeErrors (ERR_PARSE_ARGS_*) that name the offending option.
    return { error: `${err instanceof Error ? err.message : String(err)}. ${USAGE}` }
  }
  let port = 0
  if (values.port !== undefined) {
    const n = values.port.trim() === '' ? Number.NaN : Number(values.port)
    if (!Number.isInteger(n) || n < 0 || n > 65535) return { error: `--port needs a number from 0 to 65535, got "${values.port}"` }
    port = n
  }
  const userDataDir = values['user-data']
  if (userDataDir === '') return { error: '--user-data needs a folder' }
  return userDataDir === undefined ? { port } : { port, userDataDir }
}
