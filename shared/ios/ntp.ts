import { guardInput, notParsed, nothingFound, parsed, type Parsed } from './result'
import { toLines } from './text'

/** `show ntp status`. The first line is authoritative; the rest is detail. */
export interface NtpStatus {
  readonly synchronized: boolean
  readonly stratum: number
  /** `10.1.1.1`, `.GPS.`, `127.127.1.1`; absent with `no reference clock`. */
  readonly reference?: string
  readonly offsetMs?: number
  readonly rootDelayMs?: number
  readonly rootDispersionMs?: number
  /** Seconds since the last update; absent when `never updated`. */
  readonly lastUpdateSecondsAgo?: number
  readonly neverUpdated: boolean
}

const FIRST = /^Clock is (synchroni[sz]ed|unsynchroni[sz]ed),\s*stratum\s+(\d+),\s*(?:reference is\s+(\S+?)|no reference clock)\s*$/i

export function parseShowNtpStatus(text: string): Parsed<NtpStatus> {
  const input = guardInput(text)
  if (input === null || input.trim() === '') return notParsed('empty', 'No "show ntp status" output to read.')
  const lines = toLines(input).map((l) => l.trim())
  let first: RegExpExecArray | null = null
  for (const line of lines) {
    first = FIRST.exec(line)
    if (first) break
  }
  if (!first) {
    return nothingFound(input, 'No "Clock is synchronized/unsynchronized, stratum N" line found.')
  }
  const whole = lines.join(' ')
  const number = (pattern: RegExp): number | undefined => {
    const m = pattern.exec(whole)
    if (!m) return undefined
    const n = Number((m[1] ?? '').replace(/\s+/g, ''))
    return Number.isFinite(n) ? n : undefined
  }
  const offsetMs = number(/clock offset is\s+(-?\s?[\d.]+)\s*msec/i)
  const rootDelayMs = number(/root delay is\s+(-?[\d.]+)\s*msec/i)
  const rootDispersionMs = number(/root dispersion is\s+(-?[\d.]+)\s*msec/i)
  const lastUpdateSecondsAgo = number(/last update was\s+(\d+)\s*sec ago/i)
  const reference = first[3]
  return parsed({
    synchronized: /^synchroni/i.test(first[1] ?? ''),
    stratum: Number(first[2]),
    ...(reference ? { reference } : {}),
    ...(offsetMs !== undefined ? { offsetMs } : {}),
    ...(rootDelayMs !== undefined ? { rootDelayMs } : {}),
    ...(rootDispersionMs !== undefined ? { rootDispersionMs } : {}),
    ...(lastUpdateSecondsAgo !== undefined ? { lastUpdateSecondsAgo } : {}),
    neverUpdated: /never updated/i.test(whole),
  })
}
