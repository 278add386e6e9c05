/**
 * IOS timestamps such as `00:08:38 UTC Feb 22 2026`, `01:00:00 BST Aug 1 1996` or
 * `16:16:56.817 UTC Sun Nov 7 2021`. The zone is whatever `clock timezone` named, so only
 * UTC-like zones give an absolute instant; other zones keep their wall-clock reading.
 */
export interface IosDate {
  readonly text: string
  readonly year: number
  /** 1–12 */
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly zone: string
  /** Milliseconds since the epoch when the zone is UTC/GMT; undefined for local zone names. */
  readonly utcMs?: number
  /** The wall-clock reading taken as if it were UTC: within ±14 h of the instant. */
  readonly wallClockMs: number
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const
const UTC_ZONES = new Set(['UTC', 'GMT', 'UCT', 'Z', 'ZULU'])

const DATE =
  /^\*?\.?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?\s+([A-Za-z][A-Za-z0-9+_-]{0,9})\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\s+)?([A-Za-z]{3})[a-z]*\s+(\d{1,2})\s+(\d{4})$/

export function parseIosDate(value: string): IosDate | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  const m = DATE.exec(text)
  if (!m) return null
  const [hour, minute, second, day, year] = [m[1], m[2], m[3], m[6], m[7]].map((part) => Number(part))
  const monthIndex = MONTHS.indexOf((m[5] ?? '').toLowerCase() as (typeof MONTHS)[number])
  if (
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    day === undefined ||
    year === undefined ||
    monthIndex < 0 ||
    hour > 23 ||
    minute > 59 ||
    second > 60 ||
    day < 1 ||
    day > 31
  ) {
    return null
  }
  const wallClockMs = Date.UTC(year, monthIndex, day, hour, minute, second)
  // Date.UTC rolls Feb 31 into March; a date that does not round-trip is not a date.
  if (new Date(wallClockMs).getUTCDate() !== day) return null
  const zone = m[4] ?? ''
  const base = { text, year, month: monthIndex + 1, day, hour, minute, second, zone, wallClockMs }
  return UTC_ZONES.has(zone.toUpperCase()) ? { ...base, utcMs: wallClockMs } : base
}
