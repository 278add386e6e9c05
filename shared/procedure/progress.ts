import { z } from 'zod'

/**
 * Checklist progress as it is persisted: status, times, evidence and a note per step. The
 * verification result is not stored; it is recomputed from the evidence and the site variables.
 *
 * The checklist shows six states; they map onto the stored fields so that files written before
 * `doneBy` existed still load: not started = pending (or no entry), sent = in-progress,
 * verified = done + doneBy router, done by hand = done + doneBy hand, failed, skipped.
 */
export const StepStatusSchema = z.enum(['pending', 'in-progress', 'done', 'failed', 'skipped'])

export const CucmConfirmationSchema = z.object({
  by: z.enum(['hand', 'api']),
  at: z.union([z.string().max(40), z.number()]),
  /** What was seen: the engineer's note, or the API's answer in one line. */
  detail: z.string().max(4096).optional(),
})
export type CucmConfirmation = z.infer<typeof CucmConfirmationSchema>

export const StoredStepProgressSchema = z.object({
  status: StepStatusSchema,
  startedAt: z.union([z.string().max(40), z.number()]).optional(),
  completedAt: z.union([z.string().max(40), z.number()]).optional(),
  evidence: z
    .string()
    .max(256 * 1024)
    .optional(),
  note: z
    .string()
    .max(8 * 1024)
    .optional(),
  /** How a done step was confirmed: from router output, or checked off by the engineer. */
  doneBy: z.enum(['router', 'hand']).optional(),
  /**
   * CUCM's part of a step that depends on it (step 13: the bridge added and shown registered).
   * Router output alone cannot verify such a step. Filled by the engineer's confirmation today;
   * a CUCM API result (RisPort70 `selectCmDevice`, AXL) can fill it the same way with `by: 'api'`.
   */
  cucm: CucmConfirmationSchema.optional(),
})

export const ProcedureProgressSchema = z.record(z.string().regex(/^[a-z0-9-]{1,16}$/), StoredStepProgressSchema)

export type StepStatus = z.infer<typeof StepStatusSchema>
export type StoredStepProgress = z.infer<typeof StoredStepProgressSchema>
export type ProcedureProgress = z.infer<typeof ProcedureProgressSchema>
