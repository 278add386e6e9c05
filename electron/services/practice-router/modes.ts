/** CLI modes and the prompt suffix IOS shows for each. */
export type Mode =
  | 'user'
  | 'exec'
  | 'config'
  | 'config-if'
  | 'ca-trustpoint'
  | 'cs-server'
  | 'config-voicecard'
  | 'config-dspfarm-profile'
  | 'config-sccp-ccm'

export const CONFIG_SUBMODES: readonly Mode[] = [
  'config-if',
  'ca-trustpoint',
  'cs-server',
  'config-voicecard',
  'config-dspfarm-profile',
  'config-sccp-ccm',
]
export const CONFIG_MODES: readonly Mode[] = ['config', ...CONFIG_SUBMODES]
export const ALL_MODES: readonly Mode[] = ['user', 'exec', ...CONFIG_MODES]

export function isConfigMode(mode: Mode): boolean {
  return CONFIG_MODES.includes(mode)
}

export function promptFor(hostname: string, mode: Mode): string {
  switch (mode) {
    case 'user':
      return `${hostname}>`
    case 'exec':
      return `${hostname}#`
    case 'config':
      return `${hostname}(config)#`
    default:
      return `${hostname}(${mode})#`
  }
}

/** The heading `?` prints above the command list at the start of a line. */
export function helpHeading(mode: Mode): string {
  switch (mode) {
    case 'user':
    case 'exec':
      return 'Exec commands:'
    case 'config':
      return 'Configure commands:'
    case 'config-if':
      return 'Interface configuration commands:'
    case 'ca-trustpoint':
      return 'CA trustpoint configuration commands:'
    case 'cs-server':
      return 'Certificate Server configuration commands:'
    case 'config-voicecard':
      return 'voice-card configuration commands:'
    case 'config-dspfarm-profile':
      return 'dspfarm profile configuration commands:'
    case 'config-sccp-ccm':
      return 'SCCP CCM group configuration commands:'
  }
}
