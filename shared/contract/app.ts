import { z } from 'zod'
import { method } from './define'
import { LIMITS } from './limits'

export const appMethods = {
  'app.info': method(
    z.null(),
    z.object({
      name: z.string(),
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      platform: z.string(),
      /** What this host's runtime can do; the UI explains what it cannot. */
      capabilities: z.object({
        /** diffie-hellman-group1-sha1 needs the 1024-bit Oakley group, which Electron's BoringSSL lacks. */
        sshGroup1Sha1: z.boolean(),
        /** A save dialog (desktop) rather than downloads (browser host). */
        saveDialog: z.boolean(),
      }),
    }),
  ),
} as const

export const appEvents = {
  /** Something the user must read that belongs to no single pane (a moved-aside settings file, say). */
  'app.notice': z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string().max(LIMITS.notice.message) }),
} as const
