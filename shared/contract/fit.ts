import { ELLIPSIS } from './limits'

/**
 * Cuts text to at most `max` UTF-16 units, ending with "…" when anything was cut, so the reader
 * sees that it was shortened. Never splits a surrogate pair (zod counts UTF-16 units too).
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max)
  let end = max - ELLIPSIS.length
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end -= 1
  return text.slice(0, end) + ELLIPSIS
}

/** Keeps the start and the end (where an error's cause usually is), cutting the middle. */
export function fitMiddle(text: string, max: number): string {
  if (text.length <= max) return text
  if (max <= ELLIPSIS.length + 2) return fitText(text, max)
  const keep = max - ELLIPSIS.length
  const headLength = Math.ceil(keep * 0.6)
  const head = fitText(text, headLength + ELLIPSIS.length)
  let tailStart = text.length - (keep - headLength)
  const first = text.charCodeAt(tailStart)
  if (first >= 0xdc00 && first <= 0xdfff) tailStart += 1
  return head + text.slice(tailStart)
}

/** Splits a list into groups of at most `size`, so each fits one event. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = []
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size))
  return groups
}
