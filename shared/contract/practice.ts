import { z } from 'zod'
import { method } from './define'

const Lab = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)

export const practiceMethods = {
  /** Forget a practice lab's router state (config, keys, certificates). Open sessions keep theirs. */
  'practice.reset': method(z.object({ lab: Lab }), z.null()),
  /** The practice CUCM's CallManager.pem, for the workbench (steps 8–9). */
  'practice.cucmCertificate': method(z.object({ lab: Lab }), z.object({ pem: z.string(), name: z.string() })),
} as const
