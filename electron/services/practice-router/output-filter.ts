/**
 * `show … | include|exclude|begin|section REGEX`: the output modifiers engineers use with show
 * commands. Returns null when the text after `|` is not a modifier IOS knows.
 */
export type OutputFilter = (text: string) => string

const MODIFIERS = ['begin', 'exclude', 'include', 'section'] as const

export function parseOutputFilter(spec: string): OutputFilter | null {
  const m = /^\s*(\S+)\s+(.+?)\s*$/.exec(spec)
  if (!m?.[1] || !m[2]) return null
  const word = m[1].toLowerCase()
  const matches = MODIFIERS.filter((mod) => mod.startsWith(word))
  if (matches.length !== 1) return null
  let re: RegExp
  try {
    re = new RegExp(m[2])
  } catch {
    return null
  }
  const mode = matches[0]
  return (text) => {
    const lines = text.replace(/\r\n/g, '\n').split('\n')
    if (lines[lines.length - 1] === '') lines.pop()
    let kept: string[]
    if (mode === 'include') kept = lines.filter((l) => re.test(l))
    else if (mode === 'exclude') kept = lines.filter((l) => !re.test(l))
    else if (mode === 'begin') {
      const start = lines.findIndex((l) => re.test(l))
      kept = start < 0 ? [] : lines.slice(start)
    } else {
      kept = []
      let inSection = false
      for (const line of lines) {
        if (!line.startsWith(' ')) inSection = re.test(line)
        else if (!inSection && re.test(line)) kept.push(line)
        if (inSection) kept.push(line)
      }
    }
    return kept.map((l) => `${l}\n`).join('')
  }
}
