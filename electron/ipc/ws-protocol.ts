import { z } from 'zod'

/** Messages on the browser host's WebSocket: calls one way, results and events the other. */
export const ClientMessage = z.object({
  t: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  method: z.string().max(128),
  input: z.unknown(),
})
export type ClientMessage = z.infer<typeof ClientMessage>

/**
 * The first message on a browser-host socket: the per-launch token. It travels inside the
 * connection (never in its URL or a cookie), after the Origin check, so no other origin or port
 * sees it. Nothing else is served on the socket until it has been accepted.
 */
export const AuthMessage = z.object({ t: z.literal('auth'), token: z.string().max(256) })
export type AuthMessage = z.infer<typeof AuthMessage>

/** Close codes of the authentication step (4000-4999 are the application's own). */
export const CLOSE_AUTH_MISSING = 4401
export const CLOSE_AUTH_WRONG = 4403
