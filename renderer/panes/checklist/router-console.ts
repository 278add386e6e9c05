import type { ExecResult } from '../../../shared/contract'
import type { ConsolePort, ExecOptions } from './console-port'
import { isInteractive, type StoppedAt } from './prompt-decision'

/** Why a run ended early: the engineer stopped it, or something needs their attention. */
export class RunStop extends Error {
  constructor(
    message: string,
    readonly reason: 'stopped' | 'error' = 'error',
  ) {
    super(message)
  }
}

/** The step ran and did not work (a refused certificate): the step is failed, not just interrupted. */
export class StepFailed extends Error {
  constructor(
    message: string,
    /** What the router printed up to the refusal: the step's evidence. */
    readonly transcript: string,
  ) {
    super(message)
  }
}

export interface ConsoleHooks {
  askSecret(question: { label: string; note: string; confirm: boolean; minLength: number }): Promise<string | null>
  stopped(): boolean
}

/** Time allowed for one exec call: key generation and enrollment take a few seconds on a real router. */
export const EXEC_TIMEOUT_MS = 60_000

/**
 * The session seen as a Cisco CLI: remembers the prompt the last call stopped at, moves between
 * user EXEC, privileged EXEC and configuration mode, and turns timeouts into messages.
 */
export class RouterConsole {
  private prompt: StoppedAt | null = null
  private known = false
  private pagingOff = false

  constructor(
    readonly port: ConsolePort,
    private readonly hooks: ConsoleHooks,
  ) {}

  get current(): StoppedAt | null {
    return this.prompt
  }

  checkStopped(): void {
    if (this.hooks.stopped()) throw new RunStop('Stopped.', 'stopped')
  }

  async exec(lines: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    this.checkStopped()
    const result = await this.port.exec(lines, { ...options, timeoutMs: options.timeoutMs ?? EXEC_TIMEOUT_MS })
    this.prompt = result.prompt
    this.known = true
    if (result.timedOut) {
      const where = result.prompt ? ` (last prompt: ${result.prompt.text})` : ''
      throw new RunStop(`The router did not answer in time after ${result.linesSent} of ${lines.length} line(s)${where}.`)
    }
    return result
  }

  /** Where the session stands now; presses Enter once if the tail shows no prompt. */
  async where(): Promise<StoppedAt | null> {
    if (this.known) return this.prompt
    const tail = await this.port.tail()
    this.prompt = tail.prompt
    this.known = true
    if (!this.prompt) await this.exec([''], { timeoutMs: 5000 }).catch(() => undefined)
    return this.prompt
  }

  /** Forget the remembered prompt (someone may have typed in the console meanwhile). */
  refresh(): void {
    this.known = false
  }

  private requireCli(prompt: StoppedAt | null): StoppedAt {
    if (!prompt)
      throw new RunStop(
        'The active console is not at a router prompt. Is it connected to the router? Press Enter in the console and try again.',
      )
    if (isInteractive(prompt)) throw new RunStop(`The router is waiting for an answer ("${prompt.text}"). Answer it in the console first.`)
    return prompt
  }

  /** Privileged EXEC (`Router#`), with paging off so show output never stops at --More--. */
  async toPrivileged(): Promise<void> {
    let prompt = this.requireCli(await this.where())
    if (prompt.kind === 'config') prompt = this.requireCli((await this.exec(['end'])).prompt)
    if (prompt.kind === 'user-exec') {
      let result = await this.exec(['enable'])
      if (result.prompt?.kind === 'password') {
        const secret = await this.hooks.askSecret({
          label: 'Enable password',
          note: 'The router asks for its enable secret.',
          confirm: false,
          minLength: 1,
        })
        if (secret === null) throw new RunStop('Stopped at the enable password; the router is still asking for it.', 'stopped')
        result = await this.exec([secret], { secret: true })
      }
      prompt = this.requireCli(result.prompt)
    }
    if (prompt.kind !== 'privileged') throw new RunStop(`Could not reach privileged EXEC mode (the router shows "${prompt.text}").`)
    if (!this.pagingOff) {
      await this.exec(['terminal length 0'])
      this.pagingOff = true
    }
  }

  async toConfig(): Promise<void> {
    const prompt = this.requireCli(await this.where())
    if (prompt.kind === 'config') return
    await this.toPrivileged()
    const after = this.requireCli((await this.exec(['configure terminal'])).prompt)
    if (after.kind !== 'config')
      throw new RunStop(`configure terminal did not reach configuration mode (the router shows "${after.text}").`)
  }

  /** One show command's output, from privileged EXEC. */
  async show(command: string): Promise<string> {
    await this.toPrivileged()
    return (await this.exec([command])).output
  }
}
