import { cleanTerminalText } from '../ios/text'

/** Escaping and trimming for the report. Everything that came from a user or a router is untrusted. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch)
}

/**
 * Inline Markdown: backslash-escape what could start emphasis, links, code, HTML, entities or a
 * table cell break, and flatten newlines (cells and list items are one line).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|&!#~]/g, (ch) => `\\${ch}`)
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
export function markdownCodeBlock(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}text\n${text}\n${fence}`
}

export interface EvidenceLimit {
  readonly lines?: number
  readonly chars?: number
}

const PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?(?:-----END \1-----|$)/g
const SECRET_ARGUMENT = /\b(3des|des|aes|password|secret|passphrase)(\s+)(\S+)/gi

/** Private keys and passwords typed on command lines never reach a report. */
export function redactEvidence(text: string): string {
  return text
    .replace(PRIVATE_KEY, (_m, type: string) => `-----BEGIN ${type}-----\n[private key removed from the report]\n-----END ${type}-----`)
    .replace(SECRET_ARGUMENT, (_m, word: string, space: string) => `${word}${space}********`)
}

/** Redacted, ANSI-free evidence cut to a readable size, saying how much was left out. */
export function trimEvidence(text: string, limit: EvidenceLimit = {}): string {
  const maxLines = limit.lines ?? 60
  const maxChars = limit.chars ?? 6000
  const clean = redactEvidence(cleanTerminalText(text).replace(/\r\n|\r/g, '\n')).replace(/\s+$/, '')
  const lines = clean.split('\n')
  const head = lines.slice(0, maxLines).join('\n')
  const kept = head.length > maxChars ? head.slice(0, maxChars) : head
  const droppedLines = lines.length - kept.split('\n').length
  if (droppedLines > 0) return `${kept}\n… (${droppedLines} more line${droppedLines === 1 ? '' : 's'} not shown)`
  if (kept.length < clean.length) return `${kept}\n… (${clean.length - kept.length} more characters not shown)`
  return kept
}

export function formatTime(value: string | number | Date | undefined): string | undefined {
  if (value === undefined) return undefined
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return undefined
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

export function formatDuration(start: string | number | undefined, end: string | number | undefined): string | undefined {
  if (start === undefined || end === undefined) return undefined
  const ms = new Date(end).getTime() - new Date(start).getTime()
  if (!Number.isFinite(ms) || ms < 0) return undefined
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`
}
