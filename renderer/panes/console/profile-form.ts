import { LineHandling, LogOptions, Profile, type SessionKind, type SessionSpec } from '../../../shared/contract'
import { isBaudPreset } from './serial-options'

type SshAuth = Extract<SessionSpec, { kind: 'ssh' }>['auth'] & string
type Parity = NonNullable<Extract<SessionSpec, { kind: 'serial' }>['parity']>
type FlowControl = NonNullable<Extract<SessionSpec, { kind: 'serial' }>['flowControl']>

/** The editor's state: numbers are kept as typed, so a half-typed field is not lost. */
export interface ProfileForm {
  readonly id?: string
  readonly name: string
  readonly kind: SessionKind
  readonly ssh: {
    readonly host: string
    readonly port: string
    readonly username: string
    readonly auth: SshAuth
    readonly privateKeyPath: string
    readonly legacyAlgorithms: boolean
    readonly keepaliveSeconds: string
  }
  readonly serial: {
    readonly path: string
    /** A preset speed, or 'custom' to use customBaud. */
    readonly baud: string
    readonly customBaud: string
    readonly dataBits: string
    readonly parity: Parity
    readonly stopBits: string
    readonly flowControl: FlowControl
    readonly dtr: boolean
    readonly rts: boolean
  }
  readonly telnet: {
    readonly host: string
    readonly port: string
    readonly terminalType: string
    readonly consoleServer: boolean
    /** RFC 2217: set the far serial line from here. */
    readonly comPort: boolean
    readonly baud: string
    readonly dataBits: string
    readonly parity: Parity
    readonly stopBits: string
  }
  readonly shell: { readonly shell: string }
  readonly practice: { readonly lab: string }
  readonly log: LogOptions
  readonly lineHandling: LineHandling
}

/** Field key ("ssh.host", "log.template", "name") → why it is wrong. */
export type FormErrors = Readonly<Record<string, string>>

export type FormResult = { ok: true; profile: Profile } | { ok: false; errors: FormErrors }

export const KIND_LABELS: Record<SessionKind, string> = {
  ssh: 'SSH',
  serial: 'Serial console',
  telnet: 'Telnet / console server',
  shell: 'Local shell',
  practice: 'Practice router',
}

export function emptyForm(kind: SessionKind = 'ssh'): ProfileForm {
  return {
    name: '',
    kind,
    ssh: { host: '', port: '22', username: '', auth: 'password', privateKeyPath: '', legacyAlgorithms: false, keepaliveSeconds: '30' },
    serial: {
      path: '',
      baud: '9600',
      customBaud: '',
      dataBits: '8',
      parity: 'none',
      stopBits: '1',
      flowControl: 'none',
      dtr: true,
      rts: true,
    },
    telnet: {
      host: '',
      port: '23',
      terminalType: 'xterm-256color',
      consoleServer: true,
      comPort: false,
      baud: '9600',
      dataBits: '8',
      parity: 'none',
      stopBits: '1',
    },
    shell: { shell: '' },
    practice: { lab: 'default' },
    log: LogOptions.parse({}),
    // A serial console wants CR on Enter like a terminal; the contract's defaults say the same.
    lineHandling: LineHandling.parse({}),
  }
}

export function formFromProfile(profile: Profile): ProfileForm {
  const base = emptyForm(profile.spec.kind)
  const form: ProfileForm = { ...base, id: profile.id, name: profile.name, log: profile.log, lineHandling: profile.lineHandling }
  const spec = profile.spec
  switch (spec.kind) {
    case 'ssh':
      return {
        ...form,
        ssh: {
          host: spec.host,
          port: String(spec.port),
          username: spec.username,
          auth: spec.auth,
          privateKeyPath: spec.privateKeyPath ?? '',
          legacyAlgorithms: spec.legacyAlgorithms,
          keepaliveSeconds: String(spec.keepaliveSeconds),
        },
      }
    case 'serial':
      return {
        ...form,
        serial: {
          path: spec.path,
          baud: isBaudPreset(spec.baudRate) ? String(spec.baudRate) : 'custom',
          customBaud: isBaudPreset(spec.baudRate) ? '' : String(spec.baudRate),
          dataBits: String(spec.dataBits),
          parity: spec.parity,
          stopBits: String(spec.stopBits),
          flowControl: spec.flowControl,
          dtr: spec.dtr,
          rts: spec.rts,
        },
      }
    case 'telnet':
      return {
        ...form,
        telnet: {
          host: spec.host,
          port: String(spec.port),
          terminalType: spec.terminalType,
          consoleServer: spec.consoleServer,
          comPort: spec.comPort !== undefined,
          baud: String(spec.comPort?.baudRate ?? 9600),
          dataBits: String(spec.comPort?.dataBits ?? 8),
          parity: spec.comPort?.parity ?? 'none',
          stopBits: String(spec.comPort?.stopBits ?? 1),
        },
      }
    case 'shell':
      return { ...form, shell: { shell: spec.shell ?? '' } }
    case 'practice':
      return { ...form, practice: { lab: spec.lab } }
  }
}

/** A stable id from the name, unique among the ids given. */
export function profileIdFor(name: string, taken: readonly string[]): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'profile'
  let id = slug
  for (let n = 2; taken.includes(id); n += 1) id = `${slug}-${n}`
  return id
}

/** Whole numbers only: "22", not "22.5" or "2e1". Errors land under the field's key. */
function wholeNumber(text: string, key: string, errors: Record<string, string>): number | undefined {
  if (!/^\d+$/.test(text.trim())) {
    errors[key] = text.trim() === '' ? 'required' : 'a whole number'
    return undefined
  }
  return Number(text.trim())
}

function specFromForm(form: ProfileForm, errors: Record<string, string>): Record<string, unknown> {
  switch (form.kind) {
    case 'ssh': {
      const s = form.ssh
      const port = wholeNumber(s.port, 'ssh.port', errors)
      const keepaliveSeconds = wholeNumber(s.keepaliveSeconds, 'ssh.keepaliveSeconds', errors)
      if (s.auth === 'publickey' && s.privateKeyPath.trim() === '')
        errors['ssh.privateKeyPath'] = 'a key file is needed for public-key login'
      return {
        kind: 'ssh',
        host: s.host.trim(),
        port,
        username: s.username.trim(),
        auth: s.auth,
        ...(s.auth === 'publickey' && s.privateKeyPath.trim() ? { privateKeyPath: s.privateKeyPath.trim() } : {}),
        legacyAlgorithms: s.legacyAlgorithms,
        keepaliveSeconds,
      }
    }
    case 'serial': {
      const s = form.serial
      const baudRate = s.baud === 'custom' ? wholeNumber(s.customBaud, 'serial.baudRate', errors) : Number(s.baud)
      return {
        kind: 'serial',
        path: s.path.trim(),
        baudRate,
        dataBits: Number(s.dataBits),
        parity: s.parity,
        stopBits: Number(s.stopBits),
        flowControl: s.flowControl,
        dtr: s.dtr,
        rts: s.rts,
      }
    }
    case 'telnet': {
      const t = form.telnet
      const port = wholeNumber(t.port, 'telnet.port', errors)
      return {
        kind: 'telnet',
        host: t.host.trim(),
        port,
        terminalType: t.terminalType.trim(),
        consoleServer: t.consoleServer,
        ...(t.comPort
          ? { comPort: { baudRate: Number(t.baud), dataBits: Number(t.dataBits), parity: t.parity, stopBits: Number(t.stopBits) } }
          : {}),
      }
    }
    case 'shell':
      return form.shell.shell.trim() ? { kind: 'shell', shell: form.shell.shell.trim() } : { kind: 'shell' }
    case 'practice':
      return { kind: 'practice', lab: form.practice.lab.trim() }
  }
}

interface IssueLike {
  readonly code: string
  readonly message: string
  readonly path: readonly PropertyKey[]
  readonly origin?: string
  readonly minimum?: number | bigint
  readonly maximum?: number | bigint
}

/** The schema's words, made shorter where a field label already says what is meant. */
export function issueText(issue: IssueLike): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : issue.message
  if (issue.code === 'too_small' && issue.origin === 'number') return `at least ${String(issue.minimum)}`
  if (issue.code === 'too_big' && issue.origin === 'number') return `at most ${String(issue.maximum)}`
  if (issue.code === 'too_big' && issue.origin === 'string') return `at most ${String(issue.maximum)} characters`
  return issue.message
}

/** Where a schema issue is shown: the spec's fields live under the kind's prefix. */
function errorKey(kind: SessionKind, path: readonly PropertyKey[]): string {
  const [head, field] = path.map(String)
  if (head === 'spec') return field ? `${kind}.${field}` : `${kind}`
  return path.map(String).join('.') || 'form'
}

/**
 * Checks the form with the contract's own Profile schema (the same one the state file uses),
 * plus what the schema cannot know: unique names and a key file for public-key login.
 */
export function validateProfileForm(form: ProfileForm, others: readonly Profile[]): FormResult {
  const errors: Record<string, string> = {}
  const spec = specFromForm(form, errors)
  const name = form.name.trim()
  if (others.some((p) => p.id !== form.id && p.name.trim().toLowerCase() === name.toLowerCase())) {
    errors.name = 'another profile has this name'
  }
  const id =
    form.id ??
    profileIdFor(
      name,
      others.map((p) => p.id),
    )
  const parsed = Profile.safeParse({ id, name, spec, log: form.log, lineHandling: form.lineHandling })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = errorKey(form.kind, issue.path)
      // A field's own check (above) says it better than the schema's type error.
      if (!errors[key]) errors[key] = issueText(issue)
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, profile: parsed.data }
}
