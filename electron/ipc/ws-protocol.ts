import { z } from 'zod'

/** Messages on the browser host's WebSocket: calls one way, results and events the other. */
export const ClientMessage = z.object({
  t: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  method: z.string().max(128),
  input: z.unknown(),
})
export type ClientMessage = z.infer<typeof ClientMessage>
