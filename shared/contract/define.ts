import type { z } from 'zod'

/** A method of the contract: what the caller sends and what it gets back. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly output: O
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output }
}

/** Largest single payload either adapter accepts, before schema validation even starts. */
export const MAX_MESSAGE_BYTES = 12 * 1024 * 1024
