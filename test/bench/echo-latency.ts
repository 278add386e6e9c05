import type { CdpPage } from './cdp'
import { VISIBLE } from './app-page'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Types `sequence` into the visible terminal one key every `intervalMs` (CDP key events, as a
 * user's keyboard) and returns, per key, the time from the page's keydown to the first DOM update
 * of the terminal rows that shows it. Both instants are taken in the page.
 */
export async function echoLatencies(page: CdpPage, sequence: string, intervalMs: number): Promise<number[]> {
  await page.evaluate(`(() => {
    const seq = ${JSON.stringify(sequence)}
    const rows = document.querySelector('${VISIBLE} .xterm-rows')
    const state = { keys: [], shown: [] }
    window.__echo = state
    const onKey = (e) => { if (e.key.length === 1) state.keys.push(performance.now()) }
    const check = () => {
      const text = rows.textContent
      while (state.shown.length < state.keys.length && text.includes(seq.slice(0, state.shown.length + 1))) {
        state.shown.push(performance.now())
      }
    }
    const observer = new MutationObserver(check)
    observer.observe(rows, { subtree: true, childList: true, characterData: true })
    state.stop = () => { observer.disconnect(); document.removeEventListener('keydown', onKey, true) }
    document.addEventListener('keydown', onKey, true)
  })()`)
  for (const ch of sequence) {
    await page.press(ch)
    await sleep(intervalMs)
  }
  await page.evaluate(`new Promise((resolve) => {
    const deadline = performance.now() + 10000
    const tick = () => (window.__echo.shown.length >= ${sequence.length} || performance.now() > deadline ? resolve() : setTimeout(tick, 10))
    tick()
  })`)
  const result = await page.evaluate<number[]>(`(() => {
    window.__echo.stop()
    return window.__echo.shown.map((t, i) => t - window.__echo.keys[i])
  })()`)
  await page.press('\r')
  return result
}
