import type { Mode } from './modes'

/**
 * The IOS command tree: per-mode tries of keywords and typed parameters, matched with unambiguous
 * abbreviations, producing the errors IOS gives (caret column, incomplete, ambiguous) and `?` help.
 *
 * Syntax of a registered command: space-separated tokens, each a literal keyword (`crypto`) or a
 * parameter `{name:type}` where type is word, int(a-b), ip, mask, url, line (rest of the line) or
 * exec (rest of the line, parsed again as an exec command: `do`).
 */

export type Args = Readonly<Record<string, string>>

type ParamType =
  | { readonly kind: 'word' | 'ip' | 'mask' | 'url' | 'line' | 'exec' | 'iface' }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }

interface Node<H> {
  readonly keywords: KeywordNode<H>[]
  readonly params: ParamNode<H>[]
  handler?: H
}
interface KeywordNode<H> extends Node<H> {
  readonly word: string
  help: string
}
interface ParamNode<H> extends Node<H> {
  readonly name: string
  readonly type: ParamType
  help: string
}

export type ParseResult<H> =
  | { readonly kind: 'ok'; readonly handler: H; readonly args: Args; readonly columns: Readonly<Record<string, number>> }
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly column: number; readonly firstToken: boolean }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'ambiguous' }

export type HelpResult =
  | { readonly kind: 'list'; readonly entries: readonly (readonly [string, string])[] }
  | { readonly kind: 'words'; readonly words: readonly string[] }
  | { readonly kind: 'unrecognized' }
  | { readonly kind: 'ambiguous' }

function emptyNode<H>(): Node<H> {
  return { keywords: [], params: [] }
}

function parseParamType(text: string): ParamType {
  const range = /^int\((\d+)-(\d+)\)$/.exec(text)
  if (range) return { kind: 'int', min: Number(range[1]), max: Number(range[2]) }
  if (text === 'word' || text === 'ip' || text === 'mask' || text === 'url' || text === 'line' || text === 'exec' || text === 'iface') {
    return { kind: text }
  }
  throw new Error(`unknown parameter type ${text}`)
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

function accepts(type: ParamType, token: string): boolean {
  switch (type.kind) {
    case 'word':
    case 'line':
    case 'exec':
      return true
    case 'ip':
    case 'mask':
      return IPV4.test(token)
    case 'url':
      return /^[a-z][a-z0-9+.-]*:/i.test(token)
    case 'iface':
      return normalizeInterface(token) !== null
    case 'int': {
      if (!/^\d+$/.test(token)) return false
      const n = Number(token)
      return n >= type.min && n <= type.max
    }
  }
}

function paramLabel(type: ParamType): string {
  switch (type.kind) {
    case 'word':
      return 'WORD'
    case 'ip':
    case 'mask':
      return 'A.B.C.D'
    case 'url':
      return 'WORD'
    case 'iface':
      return 'GigabitEthernet'
    case 'line':
    case 'exec':
      return 'LINE'
    case 'int':
      return `<${type.min}-${type.max}>`
  }
}

function isInterfaceType(word: string): boolean {
  return /^[a-z]+$/i.test(word) && 'gigabitethernet'.startsWith(word.toLowerCase())
}

/** `gi0/1`, `g0/1`, `GigabitEthernet0/1` → `GigabitEthernet0/1`; null when it is not one. */
export function normalizeInterface(token: string): string | null {
  const m = /^([a-z]+)(\d+\/\d+)$/i.exec(token)
  if (!m?.[1] || !m[2]) return null
  return 'gigabitethernet'.startsWith(m[1].toLowerCase()) ? `GigabitEthernet${m[2]}` : null
}

interface Token {
  readonly text: string
  readonly start: number
}

/**
 * IOS takes a space between an interface type and its number (`GigabitEthernet 0/1`, as the tech
 * note types `sccp local`): where the node expects an interface, a type word followed by a number
 * becomes one token.
 */
function joinInterface<H>(node: Node<H>, tokens: Token[], i: number): void {
  const type = tokens[i]
  const number = tokens[i + 1]
  if (!type || !number || !node.params.some((p) => p.type.kind === 'iface')) return
  if (!isInterfaceType(type.text) || node.keywords.some((k) => k.word.startsWith(type.text.toLowerCase()))) return
  if (normalizeInterface(type.text + number.text) === null) return
  tokens.splice(i, 2, { text: type.text + number.text, start: type.start })
}

function tokenize(line: string): Token[] {
  const out: Token[] = []
  for (const m of line.matchAll(/\S+/g)) out.push({ text: m[0], start: m.index })
  return out
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

type Step<H> =
  | { readonly kind: 'node'; readonly node: Node<H>; readonly rest?: undefined }
  | { readonly kind: 'rest'; readonly node: ParamNode<H>; readonly rest: string }
  | { readonly kind: 'ambiguous' }
  | { readonly kind: 'invalid'; readonly column: number }

export class CommandTree<H> {
  private readonly roots = new Map<Mode, Node<H>>()
  /** Every description given for a word or parameter name in a mode, first one wins. */
  private readonly dictionary = new Map<Mode, Map<string, string>>()

  add(modes: readonly Mode[], syntax: string, help: Readonly<Record<string, string>>, handler: H): void {
    const parts = syntax.trim().split(/\s+/)
    for (const mode of modes) {
      let words = this.dictionary.get(mode)
      if (!words) {
        words = new Map()
        this.dictionary.set(mode, words)
      }
      for (const [word, text] of Object.entries(help)) if (text && !words.has(word)) words.set(word, text)
      let node = this.roots.get(mode)
      if (!node) {
        node = emptyNode<H>()
        this.roots.set(mode, node)
      }
      for (const part of parts) node = this.child(node, part, help)
      if (node.handler) throw new Error(`duplicate command "${syntax}" in ${mode}`)
      node.handler = handler
    }
  }

  private child(node: Node<H>, part: string, help: Readonly<Record<string, string>>): Node<H> {
    const param = /^\{(\w+):([^}]+)\}$/.exec(part)
    if (param) {
      const name = param[1] ?? ''
      const type = parseParamType(param[2] ?? '')
      const existing = node.params.find((p) => p.name === name && p.type.kind === type.kind)
      if (existing) return existing
      const created: ParamNode<H> = { ...emptyNode<H>(), name, type, help: help[name] ?? '' }
      node.params.push(created)
      return created
    }
    const word = part.toLowerCase()
    const existing = node.keywords.find((k) => k.word === word)
    if (existing) {
      if (!existing.help && help[word]) existing.help = help[word]
      return existing
    }
    const created: KeywordNode<H> = { ...emptyNode<H>(), word, help: help[word] ?? '' }
    node.keywords.push(created)
    node.keywords.sort((a, b) => a.word.localeCompare(b.word))
    return created
  }

  private step(node: Node<H>, token: Token, line: string, args: Record<string, string>, columns: Record<string, number> = {}): Step<H> {
    const lower = token.text.toLowerCase()
    const exact = node.keywords.find((k) => k.word === lower)
    if (exact) {
      args[exact.word] = exact.word
      return { kind: 'node', node: exact }
    }
    const prefixed = node.keywords.filter((k) => k.word.startsWith(lower))
    if (prefixed.length > 1) return { kind: 'ambiguous' }
    const only = prefixed[0]
    if (only) {
      args[only.word] = only.word
      return { kind: 'node', node: only }
    }
    const param = node.params.find((p) => accepts(p.type, token.text))
    if (param) {
      if (param.type.kind === 'line' || param.type.kind === 'exec') {
        const rest = line.slice(token.start).trimEnd()
        args[param.name] = rest
        columns[param.name] = token.start
        return { kind: 'rest', node: param, rest }
      }
      args[param.name] = token.text
      columns[param.name] = token.start
      return { kind: 'node', node: param }
    }
    const matched = Math.max(0, ...node.keywords.map((k) => commonPrefixLength(lower, k.word)))
    const column = node.params.length > 0 ? token.start : token.start + Math.min(matched, token.text.length - 1)
    return { kind: 'invalid', column }
  }

  parse(mode: Mode, line: string): ParseResult<H> {
    const root = this.roots.get(mode)
    const tokens = tokenize(line)
    if (tokens.length === 0) return { kind: 'empty' }
    if (!root) return { kind: 'invalid', column: tokens[0]?.start ?? 0, firstToken: true }
    const args: Record<string, string> = {}
    const columns: Record<string, number> = {}
    const { node, stop } = this.walk(root, tokens, line, args, columns)
    if (stop?.step.kind === 'ambiguous') return { kind: 'ambiguous' }
    if (stop?.step.kind === 'invalid') return { kind: 'invalid', column: stop.step.column, firstToken: stop.index === 0 }
    const end = stop?.step.kind === 'rest' ? stop.step.node : node
    if (end.handler) return { kind: 'ok', handler: end.handler, args, columns }
    return { kind: 'incomplete' }
  }

  /**
   * Steps through the tokens from `root` for as long as each leads to a plain node. At the first
   * that does not (an ambiguous or invalid word, or a LINE or exec parameter that takes the rest of
   * the line) it stops, and says which token it stopped at and why; `node` is the last node reached.
   */
  private walk(
    root: Node<H>,
    tokens: Token[],
    line: string,
    args: Record<string, string>,
    columns: Record<string, number> = {},
  ): { node: Node<H>; stop?: { step: Exclude<Step<H>, { kind: 'node' }>; token: Token; index: number } } {
    let node = root
    for (let i = 0; i < tokens.length; i++) {
      joinInterface(node, tokens, i)
      const token = tokens[i]
      if (!token) break
      const step = this.step(node, token, line, args, columns)
      if (step.kind !== 'node') return { node, stop: { step, token, index: i } }
      node = step.node
    }
    return { node }
  }

  /** `?` typed after `text`. */
  help(mode: Mode, text: string): HelpResult {
    const root = this.roots.get(mode)
    if (!root) return { kind: 'unrecognized' }
    const tokens = tokenize(text)
    const partial = text.length > 0 && !/\s$/.test(text) ? tokens.pop() : undefined
    const { node, stop } = this.walk(root, tokens, text, {})
    if (stop) {
      const { step, token, index } = stop
      if (step.kind === 'ambiguous') return { kind: 'ambiguous' }
      if (step.kind === 'invalid') {
        // `interface GigabitEthernet ?`: the type word alone asks for the slot (2921: slot 0 only).
        const typeOnly = index === tokens.length - 1 && node.params.some((p) => p.type.kind === 'iface') && isInterfaceType(token.text)
        return typeOnly ? { kind: 'list', entries: [['<0-0>', 'GigabitEthernet interface number']] } : { kind: 'unrecognized' }
      }
      if (step.node.type.kind === 'exec') return this.help('exec', text.slice(token.start))
      return {
        kind: 'list',
        entries: [
          ['LINE', step.node.help],
          ['<cr>', ''],
        ],
      }
    }
    if (partial) {
      const lower = partial.text.toLowerCase()
      const words = node.keywords.filter((k) => k.word.startsWith(lower)).map((k) => k.word)
      if (words.length > 0) return { kind: 'words', words }
      const param = node.params.find((p) => accepts(p.type, partial.text))
      if (param) {
        if (param.type.kind === 'exec') return this.help('exec', text.slice(partial.start))
        return { kind: 'words', words: [paramLabel(param.type)] }
      }
      return { kind: 'unrecognized' }
    }
    const entries: (readonly [string, string])[] = [
      ...node.keywords.map((k) => [k.word, k.help] as const),
      ...node.params.map((p) => [paramLabel(p.type), p.help] as const),
    ]
    if (node.handler) entries.push(['<cr>', ''])
    return { kind: 'list', entries }
  }

  /**
   * Gives every keyword and parameter a description once all commands are in: a word under `no`
   * reads like the same word without it (IOS prints the same help for `no shutdown`'s
   * `shutdown`), else like the same word anywhere in the mode.
   */
  shareHelp(): void {
    for (const [mode, root] of this.roots) {
      const words = this.dictionary.get(mode) ?? new Map<string, string>()
      const fill = (node: Node<H>, twin: Node<H> | undefined): void => {
        for (const k of node.keywords) {
          const same = twin?.keywords.find((t) => t.word === k.word)
          if (!k.help) k.help = same?.help || words.get(k.word) || ''
          fill(k, same)
        }
        for (const p of node.params) {
          const same = twin?.params.find((t) => t.name === p.name && t.type.kind === p.type.kind)
          if (!p.help) p.help = same?.help || words.get(p.name) || ''
          fill(p, same)
        }
      }
      const no = root.keywords.find((k) => k.word === 'no')
      if (no) fill(no, root)
      fill(root, undefined)
    }
  }

  /** Keywords and parameters `?` would list without a description, as `mode: path`. */
  undocumented(): string[] {
    const out: string[] = []
    const walk = (node: Node<H>, path: string, mode: Mode): void => {
      for (const k of node.keywords) {
        const here = `${path} ${k.word}`.trim()
        if (!k.help) out.push(`${mode}: ${here}`)
        walk(k, here, mode)
      }
      for (const p of node.params) {
        const here = `${path} {${p.name}}`.trim()
        if (!p.help && p.type.kind !== 'exec') out.push(`${mode}: ${here}`)
        walk(p, here, mode)
      }
    }
    for (const [mode, root] of this.roots) walk(root, '', mode)
    return out
  }

  /** Tab: the line with its last word completed, or null when the word is unknown or ambiguous. */
  complete(mode: Mode, text: string): string | null {
    const root = this.roots.get(mode)
    if (!root || text.length === 0 || /\s$/.test(text)) return null
    const tokens = tokenize(text)
    const partial = tokens.pop()
    if (!partial) return null
    const { node, stop } = this.walk(root, tokens, text, {})
    if (stop) {
      const { step, token } = stop
      if (step.kind === 'rest' && step.node.type.kind === 'exec') {
        const inner = this.complete('exec', text.slice(token.start + token.text.length).trimStart())
        return inner === null ? null : `${text.slice(0, token.start + token.text.length)} ${inner}`
      }
      return null
    }
    const lower = partial.text.toLowerCase()
    const words = node.keywords.filter((k) => k.word.startsWith(lower))
    const only = words[0]
    if (words.length !== 1 || !only) return null
    return `${text.slice(0, partial.start)}${only.word} `
  }
}

/** IOS help layout: two-space indent, names padded to the longest one. */
export function formatHelpEntries(entries: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...entries.map(([name]) => name.length)) + 2
  return entries.map(([name, help]) => (help ? `  ${name.padEnd(width)}${help}` : `  ${name}`))
}
