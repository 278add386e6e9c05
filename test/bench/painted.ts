/** When output was first painted and when the marker after its last byte was painted (page times, ms). */
export interface PaintedTimes {
  readonly first: number
  readonly last: number
}

/**
 * In-page JavaScript (a string for Runtime.evaluate) for a promise of PaintedTimes: the first
 * frame whose terminal rows show `first` (the output's first line) and the first that shows
 * `marker` (the last byte parsed and painted). Both sides of the ratio are timed between these two
 * frames, so neither counts what comes before its first output: opening a session (a pty, a
 * shell, stty) for the app, handing the bytes over for xterm alone. Checked once per animation
 * frame, after xterm's own render callback.
 */
export function paintedWatch(rowsExpression: string, first: string, marker: string, timeoutMs = 600_000): string {
  return `new Promise((resolve, reject) => {
    const deadline = performance.now() + ${timeoutMs}
    let firstAt
    const tick = () => {
      const rows = ${rowsExpression}
      const text = rows ? rows.textContent : ''
      if (firstAt === undefined && (text.includes(${JSON.stringify(first)}) || text.includes(${JSON.stringify(marker)}))) firstAt = performance.now()
      if (text.includes(${JSON.stringify(marker)})) resolve({ first: firstAt, last: performance.now() })
      else if (performance.now() > deadline) reject(new Error(${JSON.stringify(`${marker} was never painted`)}))
      else requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })`
}
