import { firstIosMessage } from './text'

/**
 * What every parser returns: the typed value, or a code and a sentence saying why the text was
 * not recognised. Parsers never throw on garbage.
 */
export type Parsed<T, C extends string = ParseFailureCode> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: C; readonly reason: string }

export type ParseFailureCode = 'empty' | 'not-recognised' | 'router-error' | 'not-enrolled' | 'malformed'

export function parsed<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value }
}

export function notParsed<C extends string>(code: C, reason: string): { readonly ok: false; readonly code: C; readonly reason: string } {
  return { ok: false, code, reason }
}

/**
 * What a show parser returns when it found none of its blocks: the router's own `% …` message
 * when it printed one (a wrong command, a missing trustpoint), else `notFound`.
 */
export function nothingFound(
  input: string,
  notFound: string,
): { readonly ok: false; readonly code: ParseFailureCode; readonly reason: string } {
  const message = firstIosMessage(input)
  return message ? notParsed('router-error', `The router answered: ${message}`) : notParsed('not-recognised', notFound)
}

/** Cap on text a parser looks at: show output is small; a megabyte of paste is a mistake. */
export const MAX_PARSE_CHARS = 1_000_000

export function guardInput(text: unknown): string | null {
  if (typeof text !== 'string') return null
  return text.length > MAX_PARSE_CHARS ? text.slice(0, MAX_PARSE_CHARS) : text
}
