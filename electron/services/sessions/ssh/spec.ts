import type { z } from 'zod'
import type { SshSpec } from '../../../../shared/contract'

/** An SSH session spec after validation: defaults (port 22, password auth, keepalive) filled in. */
export type SshSpecParsed = z.output<typeof SshSpec>
