import { useEffect, useState } from 'react'

/** The clock for validity checks, refreshed hourly (days-left does not need more). */
export function useNow(intervalMs = 3_600_000): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
