/**
 * The time the router gets to answer during login. While a question waits on the user the
 * clock stops, and it starts afresh after the answer: a person typing a password is not a
 * slow router.
 */
export class LoginTimer {
  private timer: NodeJS.Timeout | undefined
  private holds = 0
  private stopped = false

  constructor(
    private readonly ms: number,
    private readonly onTimeout: () => void,
  ) {
    this.arm()
  }

  hold(): void {
    this.holds += 1
    clearTimeout(this.timer)
    this.timer = undefined
  }

  release(): void {
    this.holds = Math.max(0, this.holds - 1)
    if (this.holds === 0) this.arm()
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
    this.timer = undefined
  }

  private arm(): void {
    if (this.stopped || this.ms <= 0) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      if (!this.stopped && this.holds === 0) this.onTimeout()
    }, this.ms)
  }
}
