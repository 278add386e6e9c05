/** Font sizes the settings schema accepts; zooming stops at the ends instead of failing. */
export const FONT_MIN = 6
export const FONT_MAX = 48
export const FONT_DEFAULT = 14

export type ZoomAction = 'in' | 'out' | 'reset'

export function zoomFont(current: number, action: ZoomAction): number {
  if (action === 'reset') return FONT_DEFAULT
  // Larger sizes need larger steps to look like a change at all.
  const step = current >= 24 ? 2 : 1
  const next = action === 'in' ? current + step : current - step
  return Math.min(FONT_MAX, Math.max(FONT_MIN, Math.round(next)))
}
