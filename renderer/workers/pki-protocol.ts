import type { PkiCall, PkiCalls } from './pki-calls'

export type PkiArgs<C extends PkiCall> = Parameters<PkiCalls[C]>
export type PkiResult<C extends PkiCall> = Awaited<ReturnType<PkiCalls[C]>>

/** One call to the parse worker. */
export type PkiRequest = { [C in PkiCall]: { id: number; call: C; args: PkiArgs<C> } }[PkiCall]

export type PkiResponse = { id: number; value: PkiResult<PkiCall> } | { id: number; error: string }
