/**
 * Runs file writes one after another, so two saves of the same file never interleave (the later
 * one would otherwise be overwritten by the earlier one's rename). A failed write does not block
 * the ones after it; its caller still gets the error.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task)
    this.tail = next.catch(() => undefined)
    return next
  }

  /** Resolves once everything queued so far has finished (failed or not). */
  async idle(): Promise<void> {
    await this.tail
  }
}

/** One WriteQueue per key (per file): writes to different files still run side by side. */
export class KeyedWriteQueue {
  private readonly queues = new Map<string, WriteQueue>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(key)
    if (!queue) {
      queue = new WriteQueue()
      this.queues.set(key, queue)
    }
    return queue.run(task)
  }

  /** Resolves once everything queued for `key` so far has finished. */
  async idle(key: string): Promise<void> {
    await this.queues.get(key)?.idle()
  }
}
