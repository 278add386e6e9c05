/**
 * In-page JavaScript (a string for Runtime.evaluate) for a promise of the time of the first frame
 * whose terminal rows show `marker`: the last byte parsed and painted. Both sides of the ratio
 * are timed to it. Checked once per animation frame, after xterm's own render callback.
 */
export function paintedWatch(rowsExpression: string, marker: string, timeoutMs = 600_000): string {
  return `new Promise((resolve, reject) => {
    const deadline = performance.now() + ${timeoutMs}
    const tick = () => {
      const rows = ${rowsExpression}
      if (rows && rows.textContent.includes(${JSON.stringify(marker)})) resolve(performance.now())
      else if (performance.now() > deadline) reject(new Error(${JSON.stringify(`${marker} was never painted`)}))
      else requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })`
}
