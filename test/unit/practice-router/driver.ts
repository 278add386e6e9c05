import { PracticeRouter, type PracticeRouterOptions } from '../../../electron/services/practice-router'
import { waitForOutput } from '../../support/wait-for-output'

/** Types into a practice router the way a terminal would and collects what it prints. */
export class RouterDriver {
  readonly router: PracticeRouter
  output = ''

  constructor(opts: PracticeRouterOptions = {}) {
    // Paging off unless a test asks for it, so long show output arrives whole (IOS's default is 24).
    this.router = new PracticeRouter({ ntpSyncDelayMs: 30, registrationDelayMs: 30, enrollDelayMs: 30, terminalLength: 0, ...opts })
    this.router.onOutput((text) => {
      this.output += text
    })
    this.router.start()
  }

  /** Sends raw keystrokes and returns what was printed until the router was idle again. */
  async send(text: string): Promise<string> {
    const start = this.output.length
    this.router.input(text)
    await this.router.idle()
    return this.output.slice(start)
  }

  /** Types a line and presses Enter. */
  line(text: string): Promise<string> {
    return this.send(`${text}\r`)
  }

  async lines(...texts: string[]): Promise<string> {
    let out = ''
    for (const t of texts) out += await this.line(t)
    return out
  }

  /** Waits until the output (from `from` on) matches. */
  waitFor(pattern: string | RegExp, from = 0, timeoutMs = 5000): Promise<void> {
    return waitForOutput(() => this.output, pattern, { from, timeoutMs, pollMs: 5 })
  }

  /** Waits until `check` holds for a fresh run of `command`, and returns that run's output. */
  async until(command: string, check: (out: string) => boolean, timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const out = await this.line(command)
      if (check(out)) return out
      if (Date.now() > deadline) throw new Error(`"${command}" never satisfied the check; last output:\n${out}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  dispose(): void {
    this.router.dispose()
  }
}
