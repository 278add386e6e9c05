/**
 * Polls until the output from `from` on contains `pattern` (or matches it). The timeout only stops
 * a real hang; on it, the error quotes the output's tail so that the failure says what came instead.
 */
export async function waitForOutput(
  output: () => string,
  pattern: string | RegExp,
  { from = 0, timeoutMs, pollMs = 10 }: { from?: number; timeoutMs: number; pollMs?: number },
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  const found = (): boolean => {
    const text = output().slice(from)
    return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)
  }
  while (!found()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; output tail:\n${output().slice(-800)}`)
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}
