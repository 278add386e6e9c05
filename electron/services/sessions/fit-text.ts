/**
 * Makes text fit a contract cap where it is produced: cut with a visible "…" so the user sees
 * it was shortened, never thrown out of an event (shared/contract caps SessionInfo fields).
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, Math.max(0, max - 1))}…`
}

/** SessionInfo caps (shared/contract/sessions.ts). */
export const TITLE_MAX = 256
export const CONDITION_MAX = 512
export const LOG_ERROR_MAX = 1024
export const NOTICE_MAX = 4096
