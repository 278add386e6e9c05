import { z } from 'zod'

/** How a session's log is written. Logs hold what the device sent, never what the user typed. */
export const LogOptions = z.object({
  enabled: z.boolean().default(false),
  /** Raw bytes exactly as received, or text with ANSI escapes removed. */
  mode: z.enum(['raw', 'text']).default('text'),
  /** Prefix each line with an ISO time (text mode only). */
  timestamps: z.boolean().default(false),
  /** File name; {profile}, {date} (YYYY-MM-DD) and {time} (HH-MM-SS) are filled in. */
  template: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, 'a file name, not a path')
    .default('{profile}_{date}_{time}.log'),
  /**
   * Append to this file in the logs folder instead of naming a new one from the template: how a
   * reconnected tab keeps one log per session.
   */
  appendTo: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^/\\\0]+$/, 'a file name, not a path')
    .refine((name) => name !== '.' && name !== '..', 'a file name, not a path')
    .optional(),
})
export type LogOptions = z.infer<typeof LogOptions>

/** Console line handling, applied by the session (mostly for serial lines). */
export const LineHandling = z.object({
  /** What Enter sends. */
  sendLineEnding: z.enum(['cr', 'lf', 'crlf']).default('cr'),
  /** Turn a lone LF from the device into CR LF. */
  receiveLfToCrlf: z.boolean().default(false),
  localEcho: z.boolean().default(false),
  /** Show received bytes as a hex dump (for garbage on the line). */
  hexView: z.boolean().default(false),
})
export type LineHandling = z.infer<typeof LineHandling>

export const SessionOptions = z.object({
  /** Names the log file and the tab. */
  profileName: z.string().min(1).max(64).optional(),
  log: LogOptions.optional(),
  lineHandling: LineHandling.optional(),
})
export type SessionOptions = z.infer<typeof SessionOptions>
