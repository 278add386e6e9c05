/**
 * Split a show line that carries several `Key : value` pairs (`Application : SCCP   Status :
 * ASSOCIATED`) using a list of known keys, so values may contain spaces and colons.
 */
export function splitKnownKeys(line: string, keys: readonly string[]): Array<{ key: string; value: string }> {
  const escaped = [...keys].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(?:^|\\s)(${escaped.join('|')})\\s*:\\s*`, 'g')
  const hits = [...line.matchAll(pattern)]
  return hits.map((hit, i) => {
    const start = (hit.index ?? 0) + hit[0].length
    const end = hits[i + 1]?.index ?? line.length
    return { key: hit[1] ?? '', value: line.slice(start, end).trim().replace(/\s*,$/, '') }
  })
}
