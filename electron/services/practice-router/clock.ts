/** IOS time formats. The simulated router runs in UTC. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const two = (n: number): string => String(n).padStart(2, '0')
const three = (n: number): string => String(n).padStart(3, '0')

function hms(d: Date): string {
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
}

/** `show clock`: `*00:08:38.123 UTC Sun Feb 22 2026`; the star means "not authoritative". */
export function showClock(d: Date, authoritative: boolean): string {
  return `${authoritative ? '' : '*'}${hms(d)}.${three(d.getUTCMilliseconds())} UTC ${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`
}

/** Certificate dates: `00:08:38 UTC Feb 22 2026` (unpadded day). */
export function certDate(d: Date): string {
  return `${hms(d)} UTC ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`
}

/** Syslog stamp with `service timestamps log datetime msec`: `*Feb 22 00:08:38.123`. */
export function logStamp(d: Date, authoritative: boolean): string {
  return `${authoritative ? '' : '*'}${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${hms(d)}.${three(d.getUTCMilliseconds())}`
}

/** `! Last configuration change at 00:10:11 UTC Sun Feb 22 2026`. */
export function configChangeDate(d: Date): string {
  return `${hms(d)} UTC ${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`
}

export const DAY_MS = 86_400_000
