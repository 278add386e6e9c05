import type { CommandDef } from '../context'
import { showPkiCommands } from '../show/show-pki'
import { showRunCommands } from '../show/show-run'
import { showSystemCommands } from '../show/show-system'
import { showVoiceCommands } from '../show/show-voice'
import { debugCommands } from './debug'
import { execCommands } from './exec'
import { pkiServerCommands } from './pki-server'
import { systemCommands } from './system'
import { trustpointCommands } from './trustpoint'
import { trustpointOpCommands } from './trustpoint-ops'
import { voiceCommands } from './voice'

export const ALL_COMMANDS: readonly CommandDef[] = [
  ...execCommands,
  ...debugCommands,
  ...systemCommands,
  ...pkiServerCommands,
  ...trustpointCommands,
  ...trustpointOpCommands,
  ...voiceCommands,
  ...showSystemCommands,
  ...showRunCommands,
  ...showPkiCommands,
  ...showVoiceCommands,
]
