import { parseIosDate, type IosDate } from './dates'
import { cleanTerminalText } from './text'

/**
 * `show clock`: one line, `[*|.]hh:mm:ss.mmm ZONE Day Mon dd yyyy`, e.g.
 * `*10:21:36.643 UTC Mon Feb 22 2026`. Cisco IOS Basic System Management Command Reference,
 * `show clock`: a leading `*` means the time is not authoritative; a leading `.` means it is
 * authoritative but NTP is not synchronized; nothing means authoritative.
 */
export interface RouterClock {
  readonly date: IosDate
  readonly authoritative: boolean
  /** False for the `.` mark (authoritative, NTP not synchronized); undefined when nothing says. */
  readonly ntpSynchronized?: boolean
}

const CLOCK_LINE = /^\s*([*.]?)(\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\s+\S+\s+(?:[A-Za-z]{3}\s+)?[A-Za-z]{3}\s+\d{1,2}\s+\d{4})\s*$/

/** One `show clock` line, or null when the line is anything else. */
export function parseShowClockLine(line: string): RouterClock | null {
  if (typeof line !== 'string' || line.length > 200) return null
  const m = CLOCK_LINE.exec(cleanTerminalText(line))
  if (!m) return null
  const date = parseIosDate(m[2] ?? '')
  if (!date) return null
  const mark = m[1] ?? ''
  return mark === '*'
    ? { date, authoritative: false }
    : mark === '.'
      ? { date, authoritative: true, ntpSynchronized: false }
      : { date, authoritative: true }
}

/** The last `show clock` reading in a transcript. */
export function parseShowClock(text: string): RouterClock | null {
  if (typeof text !== 'string') return null
  const lines = cleanTerminalText(text.length > 65_536 ? text.slice(-65_536) : text).split(/\r\n|\r|\n/)
  for (let i = lines.length - 1; i >= 0; i--) {
    const clock = parseShowClockLine(lines[i] ?? '')
    if (clock) return clock
  }
  return null
}
