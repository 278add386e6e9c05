import type { ExecResult, LabTransport } from '../../../shared/contract'
import type { StoppedAt } from './prompt-decision'

export interface ExecOptions {
  readonly secret?: boolean
  /** All lines at once, one prompt wait at the end (a PEM at `enrollment terminal`). */
  readonly paste?: boolean
  readonly timeoutMs?: number
}

/** What the runner needs of a console session; the transport version is below, tests bring their own. */
export interface ConsolePort {
  /** Send lines, waiting for the prompt after each; stops early at an interactive prompt. */
  exec(lines: readonly string[], options?: ExecOptions): Promise<ExecResult>
  /** The end of the output and the prompt it shows. */
  tail(): Promise<{ text: string; prompt: StoppedAt | null }>
}

export function transportPort(transport: LabTransport, id: string): ConsolePort {
  return {
    exec: (lines, options = {}) =>
      transport.invoke('session.exec', {
        id,
        lines: [...lines],
        timeoutMs: options.timeoutMs ?? 60_000,
        secret: options.secret ?? false,
        paste: options.paste ?? false,
      }),
    tail: () => transport.invoke('session.tail', { id }),
  }
}
