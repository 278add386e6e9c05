import type { ParseResult } from '../../../shared/pki'

export interface ParseRequest {
  id: number
  input: string | Uint8Array
  fileName?: string
}

export type ParseResponse = { id: number; result: ParseResult } | { id: number; error: string }
