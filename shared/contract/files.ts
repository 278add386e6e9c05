import { z } from 'zod'
import { method } from './define'

export const SaveFile = z.object({
  name: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[^/\\\0:*?"<>|]+$/, 'a plain file name'),
  /** utf8 text, or base64 for binary (DER). */
  contents: z.string().max(16 * 1024 * 1024),
  encoding: z.enum(['utf8', 'base64']).default('utf8'),
})
export type SaveFile = z.infer<typeof SaveFile>

export const filesMethods = {
  /**
   * Desktop only: ask where to save, then write atomically. One file: a save dialog; several
   * (the CUCM upload set): a folder dialog, one file each. The browser host downloads instead.
   */
  'files.save': method(
    z.object({ files: z.array(SaveFile).min(1).max(16), title: z.string().max(128).default('Save') }),
    z.object({ saved: z.array(z.string()), cancelled: z.boolean() }),
  ),
} as const
