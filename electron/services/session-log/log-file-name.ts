/** Fills a log file name template: {profile}, {date} (YYYY-MM-DD), {time} (HH-MM-SS), local time. */
export function logFileName(template: string, profile: string, now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  const time = `${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}`
  const safeProfile = profile.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'session'
  const name = template.replaceAll('{profile}', safeProfile).replaceAll('{date}', date).replaceAll('{time}', time)
  return name.replace(/[/\\\0]/g, '_')
}
