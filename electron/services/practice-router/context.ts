import type { Args } from './cli-parser'
import type { Mode } from './modes'
import type { SeededStream } from './rng'
import type { RouterSnapshot } from './state'

/** What the router knows that a saved lab does not keep. */
export interface Runtime {
  ntpSynced: boolean
  ntpSyncedAt?: Date
  /** Profile ids currently registered to CUCM. */
  readonly registered: Set<number>
  readonly bootedAt: Date
  /** `debug …` flags that are on (`crypto pki messages`…); a reload turns them off. */
  readonly debugs: Set<string>
  /** `terminal length`: lines per screen before `--More--`; 0 never pauses. Per session, not saved. */
  terminalLength: number
}

export interface Timing {
  readonly ntpSyncDelayMs: number
  readonly registrationDelayMs: number
  readonly enrollDelayMs: number
}

/** Thrown into a dialog when the user presses Ctrl-C. */
export class Aborted extends Error {
  constructor() {
    super('aborted')
  }
}

/** What a command handler may do. Text uses '\n'; the router turns it into '\r\n'. */
export interface Ctx {
  readonly state: RouterSnapshot
  readonly runtime: Runtime
  readonly timing: Timing
  readonly mode: Mode
  /** The object a sub-mode edits: trustpoint, CA, profile, group or interface name. */
  readonly target: string
  setMode(mode: Mode, target?: string): void
  out(text: string): void
  line(text?: string): void
  /** Prompt and read one line; echo off for passwords. Rejects with Aborted on Ctrl-C. */
  ask(prompt: string, opts?: { readonly echo?: boolean }): Promise<string>
  /** `[yes/no]:` question, repeated until answered. */
  confirm(prompt: string): Promise<boolean>
  now(): Date
  /** Deterministic bytes for one purpose (key generation, IVs). */
  stream(label: string): SeededStream
  /** A syslog message, printed when the CLI is free, like `logging synchronous`. */
  log(message: string, opts?: { readonly stamp?: boolean; readonly now?: boolean }): void
  /** Run later unless the router is disposed. */
  later(ms: number, fn: () => void): void
  /** Run an exec command from a config mode (`do`). */
  exec(line: string): void | Promise<void>
  /** `% Invalid input detected` with the caret under the named argument of the current command. */
  invalidArg(name: string): void
  /** Leave configuration mode to privileged exec, with the IOS log line. */
  endConfig(): void
  /** exit/logout from exec. */
  logout(): void
  /** Re-evaluate NTP and SCCP after a change made outside a command (a timer). */
  refresh(): void
}

export type Handler = (ctx: Ctx, args: Args) => void | Promise<void>

export interface CommandDef {
  readonly modes: readonly Mode[]
  readonly syntax: string
  readonly help?: Readonly<Record<string, string>>
  readonly run: Handler
}

/**
 * The commands of a sub-mode that edits one object (a trustpoint, the certificate server, a DSP
 * farm profile): each finds the object the sub-mode was entered for and applies its change to it.
 */
export function subModeCommand<T>(mode: Mode, current: (ctx: Ctx) => T | undefined) {
  return (
    syntax: string,
    help: Record<string, string>,
    apply: (target: T, args: Readonly<Record<string, string>>, ctx: Ctx) => void,
  ): CommandDef => ({
    modes: [mode],
    syntax,
    help,
    run: (ctx, args) => {
      const target = current(ctx)
      if (target) apply(target, args, ctx)
    },
  })
}

export const INVALID = "% Invalid input detected at '^' marker."
