import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { LinePacer } from './line-pacer'
import { PracticeRouter, type PracticeRouterOptions } from './router'
import { RouterSnapshotSchema } from './state'
import { writeFileAtomic } from '../state/atomic-write'
import { WriteQueue } from '../state/write-queue'

/**
 * The practice router on stdin/stdout, for a terminal, a pipe, an sshd ForceCommand or a socat pty.
 *   --seed S            deterministic keys and serials
 *   --state FILE        load the lab from FILE if it exists, save it there on every change
 *   --ntp-delay MS      NTP sync delay (default 5000)
 *   --registration-delay MS, --enroll-delay MS
 *   --clock ISO         start the clock at this time (it then runs in real time)
 *   --line-rate BPS --input-buffer N   emulate a slow console line that drops overflow
 *   --vty               `exit` ends the session (as on an SSH line) instead of "Press RETURN"
 *   --terminal-length N lines before --More-- (default 24, as IOS; 0 for scripts piping commands in)
 * On a TTY the terminal is put in raw mode; Ctrl-] quits. Otherwise input ends the session at EOF.
 */

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    state: { type: 'string' },
    'ntp-delay': { type: 'string' },
    'registration-delay': { type: 'string' },
    'enroll-delay': { type: 'string' },
    clock: { type: 'string' },
    'line-rate': { type: 'string' },
    'input-buffer': { type: 'string' },
    hostname: { type: 'string' },
    vty: { type: 'boolean' },
    'terminal-length': { type: 'string' },
  },
})

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const n = Number(text)
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`practice-router: --${name} needs a non-negative number, got "${text}"\n`)
    process.exit(2)
  }
  return n
}

const statePath = values.state
const options: PracticeRouterOptions = {
  ntpSyncDelayMs: numberOption('ntp-delay', values['ntp-delay']),
  registrationDelayMs: numberOption('registration-delay', values['registration-delay']),
  enrollDelayMs: numberOption('enroll-delay', values['enroll-delay']),
  terminalLength: numberOption('terminal-length', values['terminal-length']),
  line: values.vty ? 'vty' : 'console',
}
if (values.seed !== undefined) options.seed = values.seed
if (values.hostname !== undefined) options.hostname = values.hostname
if (values.clock !== undefined) {
  const start = Date.parse(values.clock)
  if (Number.isNaN(start)) {
    process.stderr.write(`practice-router: --clock needs an ISO date, got "${values.clock}"\n`)
    process.exit(2)
  }
  const base = Date.now()
  options.now = () => new Date(start + (Date.now() - base))
}
if (statePath && existsSync(statePath)) {
  options.state = RouterSnapshotSchema.parse(JSON.parse(readFileSync(statePath, 'utf8')))
}

const router = new PracticeRouter(options)

// The app's own atomic write (fsync, then rename): a power cut leaves the old lab or the new one.
// The snapshot is taken when the change happens; the writes then run one at a time.
const saves = new WriteQueue()
function save(): void {
  if (!statePath) return
  const body = `${JSON.stringify(router.snapshot(), null, 2)}\n`
  saves
    .run(() => writeFileAtomic(statePath, body))
    .catch((err: unknown) => {
      process.stderr.write(`practice-router: could not save the lab to ${statePath}: ${err instanceof Error ? err.message : String(err)}\n`)
    })
}

// A terminal's output processing (ONLCR, which libuv's raw mode keeps) adds the CR itself.
const stdoutIsTty = process.stdout.isTTY === true
router.onOutput((text) => {
  process.stdout.write(stdoutIsTty ? text.replace(/\r\n/g, '\n') : text)
})
router.onChange(save)

let quitting = false
function quit(code = 0): void {
  if (quitting) return
  quitting = true
  save()
  router.dispose()
  void saves.idle().then(() => process.stdout.write('', () => process.exit(code)))
}
router.onExit(() => quit(0))

const lineRate = numberOption('line-rate', values['line-rate'])
const bufferSize = numberOption('input-buffer', values['input-buffer'])
const pacer =
  lineRate !== undefined || bufferSize !== undefined
    ? new LinePacer({
        lineRate: lineRate ?? 9600,
        bufferSize: bufferSize ?? Number.MAX_SAFE_INTEGER,
        deliver: (ch) => router.input(ch),
        canDeliver: () => !router.busyReading,
      })
    : undefined

const stdin = process.stdin
if (stdin.isTTY) stdin.setRawMode(true)
stdin.setEncoding('latin1')
stdin.on('data', (data: string) => {
  if (stdin.isTTY && data.includes('\x1d')) {
    quit(0)
    return
  }
  if (pacer) pacer.push(data)
  else router.input(data)
})
stdin.on('end', () => {
  void (async () => {
    await pacer?.drained()
    await router.idle()
    quit(0)
  })()
})
process.on('SIGTERM', () => quit(0))
process.on('SIGHUP', () => quit(0))
process.stdout.on('error', () => quit(0))

router.start()
