import { formatHelpEntries, type CommandTree, type ParseResult } from './cli-parser'
import { INVALID, type Handler } from './context'
import { CONFIG_SUBMODES, helpHeading, type Mode } from './modes'

/** What IOS prints for `?`, Tab and lines it cannot run, separated from the router's I/O plumbing. */

export interface Resolved {
  readonly result: ParseResult<Handler>
  /** The line was a global configuration command typed in a sub-mode: the router leaves the sub-mode. */
  readonly toConfig: boolean
}

/** Parses a line in its mode; in a sub-mode, a line the sub-mode does not know is tried in global config. */
export function resolveLine(tree: CommandTree<Handler>, mode: Mode, line: string): Resolved {
  const result = tree.parse(mode, line)
  if (result.kind === 'ok' || result.kind === 'empty' || !CONFIG_SUBMODES.includes(mode)) return { result, toConfig: false }
  const parent = tree.parse('config', line)
  if (parent.kind === 'ok') return { result: parent, toConfig: true }
  // Report the parent's error when the sub-mode failed at once but global config got further.
  const parentBetter = result.kind === 'invalid' && result.firstToken && !(parent.kind === 'invalid' && parent.firstToken)
  return { result: parentBetter ? parent : result, toConfig: false }
}

/** The error text for a line that did not parse; `base` is the screen column where the line starts. */
export function errorText(result: ParseResult<Handler>, mode: Mode, line: string, base: number): string {
  switch (result.kind) {
    case 'ok':
    case 'empty':
      return ''
    case 'incomplete':
      return '% Incomplete command.\n\n'
    case 'ambiguous':
      return `% Ambiguous command:  "${line.trim()}"\n`
    case 'invalid':
      // A lone unknown word at an exec prompt is taken for a host name to connect to.
      if (result.firstToken && (mode === 'user' || mode === 'exec') && !/\s/.test(line.trim())) {
        return '% Unknown command or computer name, or unable to find computer address\n'
      }
      return caretText(base + result.column)
  }
}

export function caretText(column: number): string {
  return `${' '.repeat(column)}^\n${INVALID}\n\n`
}

/** The text `?` prints after `text` (the prompt and the line are reprinted by the caller). */
export function helpText(tree: CommandTree<Handler>, mode: Mode, text: string): string {
  let result = tree.help(mode, text)
  if (result.kind === 'unrecognized' && CONFIG_SUBMODES.includes(mode)) {
    const parent = tree.help('config', text)
    if (parent.kind !== 'unrecognized') result = parent
  }
  switch (result.kind) {
    case 'list': {
      const lines = formatHelpEntries(withOutputModifiers(result.entries, text))
      if (text.trim() === '') lines.unshift(helpHeading(mode))
      return `${lines.join('\n')}\n\n`
    }
    case 'words':
      return `${result.words.join('  ')}  \n\n`
    case 'unrecognized':
      return '% Unrecognized command\n'
    case 'ambiguous':
      return `% Ambiguous command:  "${text.trim()}"\n`
  }
}

/**
 * A complete show command also takes `| include …` and the like, and IOS lists that in `?` just
 * above `<cr>` (the router's show commands accept the modifiers, output-filter.ts).
 */
function withOutputModifiers(entries: readonly (readonly [string, string])[], text: string): readonly (readonly [string, string])[] {
  const cr = entries.findIndex(([name]) => name === '<cr>')
  if (cr < 0 || !/^\s*(?:do\s+)?sh(?:o|ow)?\s/i.test(text)) return entries
  return [...entries.slice(0, cr), ['|', 'Output modifiers'], ...entries.slice(cr)]
}

/** Tab: the completed line, or null to leave it as it is. */
export function completion(tree: CommandTree<Handler>, mode: Mode, text: string): string | null {
  const done = tree.complete(mode, text)
  if (done !== null || !CONFIG_SUBMODES.includes(mode)) return done
  return tree.complete('config', text)
}
