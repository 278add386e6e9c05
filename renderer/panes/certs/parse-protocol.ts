import type { ParseResult } from '../../../shared/pki'
import type { KeptParse } from '../../store/certs-slice'

export type { KeptParse }

/** Read pasted text or a file: everything in it. */
export interface ParseRequest {
  id: number
  input: string | Uint8Array
  fileName?: string
}

/** Read each saved PEM on its own: the first certificate of each, or why there is none. */
export interface ParseEachRequest {
  id: number
  pems: string[]
}

export type ParseResponse = { id: number; result: ParseResult } | { id: number; each: KeptParse[] } | { id: number; error: string }
