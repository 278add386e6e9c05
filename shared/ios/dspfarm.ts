import { splitKnownKeys } from './key-values'
import { guardInput, notParsed, nothingFound, parsed, type Parsed } from './result'
import { toLines } from './text'

/** `show dspfarm profile [N]` and the profile part of `show dspfarm all`. */
export interface DspfarmCodec {
  readonly name: string
  readonly maxPacketizationMs?: number
}

export interface DspfarmProfile {
  readonly id: number
  /** `CONFERENCING`, `TRANSCODING`, `MTP`, `VIDEO CONFERENCING`… */
  readonly service: string
  readonly resourceId?: number
  readonly description?: string
  /** As printed: `secure` or `Non Secure`. */
  readonly serviceMode?: string
  readonly secure: boolean
  readonly trustpoint?: string
  readonly tlsVersion?: string
  readonly tlsCipher?: string
  readonly adminState?: string
  /** `ACTIVE`, `RESOURCE ALLOCATED`, `DOWN`… */
  readonly operationState?: string
  readonly application?: string
  /** `ASSOCIATED` or `NOT ASSOCIATED`. */
  readonly applicationStatus?: string
  readonly resourceProvider?: string
  readonly resourceProviderStatus?: string
  readonly maxParticipants?: number
  readonly codecs: readonly DspfarmCodec[]
}

export interface ShowDspfarmProfile {
  readonly profiles: readonly DspfarmProfile[]
}

const KEYS = [
  'Profile Description',
  'Profile Service Mode',
  'Trustpoint',
  'TLS Version',
  'TLS Cipher',
  'Profile Admin State',
  'Profile Operation State',
  'Application',
  'Status',
  'Resource Provider',
  'Maximum conference participants',
  'Codec Configuration',
  'Codec',
  'Maximum Packetization Period',
  'Transcoder',
  'Number of Resource Configured',
  'Number of Resource Available',
  'Total Number of Resources Configured',
  'Total Number of Resources Available',
  'Total Number of Resources Out of Service',
  'Total Number of Resources Active',
  'Video Conference Type',
  'Layout',
  'Noise Reduction',
  'Call Progress Analysis',
] as const

const HEADER = /Profile ID\s*=\s*(\d+)\s*,\s*Service\s*=\s*([^,]+?)\s*(?:,\s*Resource ID\s*=\s*(\d+))?\s*$/i

type Draft = { -readonly [K in keyof DspfarmProfile]: DspfarmProfile[K] } & { codecs: DspfarmCodec[] }

function apply(draft: Draft, pairs: Array<{ key: string; value: string }>): void {
  let previous = ''
  for (const { key, value } of pairs) {
    switch (key) {
      case 'Profile Description':
        if (value) draft.description = value
        break
      case 'Profile Service Mode':
        draft.serviceMode = value
        draft.secure = value.toLowerCase() === 'secure'
        break
      case 'Trustpoint':
        if (value) draft.trustpoint = value
        break
      case 'TLS Version':
        draft.tlsVersion = value
        break
      case 'TLS Cipher':
        draft.tlsCipher = value
        break
      case 'Profile Admin State':
        draft.adminState = value
        break
      case 'Profile Operation State':
        draft.operationState = value
        break
      case 'Application':
        draft.application = value
        break
      case 'Resource Provider':
        draft.resourceProvider = value
        break
      case 'Status':
        if (previous === 'Application') draft.applicationStatus = value
        else if (previous === 'Resource Provider') draft.resourceProviderStatus = value
        break
      case 'Maximum conference participants': {
        const n = Number(value)
        if (Number.isInteger(n)) draft.maxParticipants = n
        break
      }
      case 'Codec':
        draft.codecs.push({ name: value })
        break
      case 'Maximum Packetization Period': {
        const last = draft.codecs[draft.codecs.length - 1]
        const n = Number.parseInt(value, 10)
        if (previous === 'Codec' && last && Number.isInteger(n)) draft.codecs[draft.codecs.length - 1] = { ...last, maxPacketizationMs: n }
        break
      }
      default:
        break
    }
    previous = key
  }
}

export function parseShowDspfarmProfile(text: string): Parsed<ShowDspfarmProfile> {
  const input = guardInput(text)
  if (input === null || input.trim() === '') return notParsed('empty', 'No "show dspfarm profile" output to read.')
  const profiles: DspfarmProfile[] = []
  let draft: Draft | undefined
  for (const raw of toLines(input)) {
    const line = raw.trim()
    const header = HEADER.exec(line)
    if (header) {
      if (draft) profiles.push(draft)
      const resourceId = header[3]
      draft = {
        id: Number(header[1]),
        service: (header[2] ?? '').trim(),
        ...(resourceId !== undefined ? { resourceId: Number(resourceId) } : {}),
        secure: false,
        codecs: [],
      }
      continue
    }
    if (draft && line !== '') apply(draft, splitKnownKeys(line, KEYS))
  }
  if (draft) profiles.push(draft)
  if (profiles.length === 0) {
    return nothingFound(input, 'No "Profile ID = N, Service = …" line found.')
  }
  return parsed({ profiles })
}
