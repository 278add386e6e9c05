import { useEffect, useMemo, useState } from 'react'
import { useLab } from '../../app/context'
import { routerNow } from '../../store/certs-slice'

/** The clocks a validity check compares with, read when the check runs. */
export interface CheckClock {
  /** This computer's time, now. */
  now(): Date
  /** The router's time now, when `show clock` was seen in the console. */
  routerNow(): Date | undefined
  /**
   * Changes every minute and whenever the router's clock is read: a dependency for memoised
   * checks, so that "days left" moves on. The checks themselves read `now()` each time they run,
   * never a time cached when the page loaded.
   */
  readonly key: string
}

export function useCheckClock(intervalMs = 60_000): CheckClock {
  const [tick, setTick] = useState(0)
  const reading = useLab((s) => s.routerClock)
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  // The same object until the minute or the router's clock changes, so memoised rows keep still.
  return useMemo(
    () => ({
      now: () => new Date(),
      routerNow: () => routerNow(reading),
      key: `${tick}/${reading?.text ?? ''}/${reading?.offsetMs ?? ''}`,
    }),
    [tick, reading],
  )
}
