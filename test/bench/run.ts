/**
 * npm run bench: what the user waits for, measured in one run and printed one figure a line.
 * Asserts nothing (targets are printed beside the figures): the machine is shared, so only
 * ratios measured side by side in the same run are meaningful.
 *
 * The page is driven over a bare CDP WebSocket (test/bench/cdp.ts, Chromium's
 * --remote-debugging-port), not Playwright: no network instrumentation copies the app's frames.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Profile, type KeptCertificate } from '../../shared/contract'
import { StateFile } from '../../electron/services/state/state-file'
import { startHostProcess, type HostProcess } from '../support/host-process'
import { runPacedPasteBench } from '../support/paced-bench'
import { wsClient, waitForState } from '../support/clients'
import { writeRouterOutput } from './router-output'
import { rawXtermRound, serveRawXterm } from './raw-xterm'
import {
  activateTab,
  focusTerminal,
  openAndTimeUntilPainted,
  openApp,
  openProfile,
  terminalBox,
  VISIBLE,
  waitForTabState,
  waitInPage,
} from './app-page'
import { echoLatencies } from './echo-latency'
import { launchBareChromium, type CdpPage, type Chromium } from './cdp'
import { connectHostInspector } from './host-memory'
import { asKept, benchCertificates } from './certificates'
import { describeLatency, fmt, mb, summarize } from './stats'

const FLOOD_BYTES = 20 * 1024 * 1024
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const SOAK_FLOODS = 50
const SOAK_BYTES = 2 * 1024 * 1024
const CERTIFICATES = 300
const EXIT_PROBES = 3
const MARKER = 'BENCH-END1'
/**
 * Text of every screenful of the flood (each 23-line block of router-output.ts names an interface):
 * the first frame that shows it is the first output painted.
 */
const FIRST_OUTPUT = 'GigabitEthernet0/0/'
const TERMINAL = { fontSize: 14, scrollback: 10_000 } // the settings' defaults (shared/contract/settings.ts)

const line = (label: string, value: string): void => console.log(`${label.padEnd(36)} ${value}`)
/** Progress on stderr, so a slow step on a loaded machine is not mistaken for a hang. */
const step = (what: string): void => void process.stderr.write(`  [${new Date().toISOString().slice(11, 19)}] ${what}\n`)
/** BENCH_ONLY=pipeline,echo runs only those parts (all by default). */
const wanted = (part: string): boolean => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(part)
const shell = (command: string): Profile['spec'] => ({ kind: 'shell', shell: '/bin/sh', args: ['-c', command] })

function profiles(file: string, stopFile: string, smallFile: string): Profile[] {
  // -onlcr: the pty passes the file's CR LF unchanged, so the raw log can be compared byte for byte.
  return [
    Profile.parse({
      id: 'bench-flood',
      name: 'Bench flood',
      spec: shell(`stty -onlcr -echo; cat '${file}'; printf 'BENCH-%s\\r\\n' END1; sleep 1`),
      log: { enabled: true, mode: 'raw', template: 'bench-flood.log' },
    }),
    ...Array.from({ length: EXIT_PROBES }, (_, i) =>
      Profile.parse({
        id: `bench-exit-${i + 1}`,
        name: `Bench exit ${i + 1}`,
        // Exits right after its last write: is the tail kept?
        spec: shell(`stty -onlcr -echo; cat '${smallFile}'`),
        log: { enabled: true, mode: 'raw', template: `bench-exit-${i + 1}.log` },
      }),
    ),
    Profile.parse({ id: 'bench-echo', name: 'Bench echo', spec: { kind: 'shell', shell: '/bin/cat' } }),
    Profile.parse({
      id: 'bench-flood-2',
      name: 'Bench flood 2',
      spec: shell(`stty -onlcr -echo; while [ ! -e '${stopFile}' ]; do cat '${file}'; done; printf 'BENCH-%s\\r\\n' END2`),
    }),
  ]
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

/** Compares the raw session log with the bytes the shell printed; removes the log afterwards. */
function checkLog(logsDir: string, expected: Buffer, prefix: string): { lost: number; identical: boolean; text: string } {
  const name = readdirSync(logsDir).find((n) => n.startsWith(prefix))
  if (!name) return { lost: expected.length, identical: false, text: `no log in ${logsDir}` }
  const log = readFileSync(join(logsDir, name))
  rmSync(join(logsDir, name))
  const identical = log.equals(expected)
  const prefixOk = expected.subarray(0, log.length).equals(log)
  const lost = prefixOk ? expected.length - log.length : expected.length
  const text = identical
    ? `identical (sha256 ${sha(log).slice(0, 16)}…)`
    : `${prefixOk ? 'cut short' : 'DIFFERENT'}: ${log.length} of ${expected.length} bytes`
  return { lost, identical, text }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'lab-bench-'))
  const file = join(work, 'router-output.txt')
  const smallFile = join(work, 'router-output-2mb.txt')
  const stopFile = join(work, 'stop-flood')
  const generated = writeRouterOutput(file, FLOOD_BYTES)
  writeRouterOutput(smallFile, SOAK_BYTES)
  const chromium = await launchBareChromium()
  try {
    console.log('Lab Console benchmark: headless Chromium over bare CDP, browser host, DOM renderer')
    line('flood data', `${fmt(mb(generated.bytes))} MB of coloured show running-config, sha256 ${generated.sha256.slice(0, 16)}…`)
    bundleSizes()
    const userDataDir = join(work, 'pipeline')
    await new StateFile(join(userDataDir, 'lab-console-state.json')).save('profiles', profiles(file, stopFile, smallFile), 0)
    const host = await startHostProcess({ userDataDir, env: { NODE_OPTIONS: '--inspect=127.0.0.1:0' } })
    try {
      const page = await chromium.newPage()
      if (wanted('pipeline')) await pipelineRounds(page, host, file)
      if (wanted('exit')) await exitProbes(page, host, smallFile)
      if (wanted('echo')) await echoFigures(page, host, stopFile)
      if (wanted('soak')) await soak(host, smallFile)
    } finally {
      await host.stop()
    }
    if (wanted('startup')) await startupAndWorkbench(chromium, work)
  } finally {
    await chromium.close()
  }
  if (wanted('serial')) {
    step('serial paste model')
    serialFigures(await runPacedPasteBench())
  }
  rmSync(work, { recursive: true, force: true })
}

function bundleSizes(): void {
  const dir = 'out/renderer/assets'
  const parts = readdirSync(dir)
    .filter((n) => n.endsWith('.js'))
    .map((n) => {
      const body = readFileSync(join(dir, n))
      return `${n.replace(/-[\w-]{8}\.js$/, '.js')} ${fmt(statSync(join(dir, n)).size / 1024, 0)} KB (gzip ${fmt(gzipSync(body).length / 1024, 0)} KB)`
    })
  line('renderer bundle (minified)', parts.join(', '))
}

/** App and xterm alone, interleaved (ABBA order), ROUNDS each, both timed to the painted marker. */
async function pipelineRounds(page: CdpPage, host: HostProcess, file: string): Promise<void> {
  const expected = Buffer.concat([readFileSync(file), Buffer.from(`${MARKER}\r\n`)])
  const raw = await serveRawXterm(file, `${MARKER}\r\n`)
  const logs = join(host.userDataDir, 'logs')
  const appMs: number[] = []
  const rawMs: number[] = []
  const openMs: number[] = []
  const logResults: string[] = []
  let lost = 0
  let box = { width: 800, height: 600 }
  try {
    const app = async (): Promise<void> => {
      step(`app round ${appMs.length + 1}`)
      await openApp(page, host.urlWith('?renderer=dom'))
      const times = await openAndTimeUntilPainted(page, 'Bench flood', FIRST_OUTPUT, MARKER)
      appMs.push(times.last - times.first)
      openMs.push(times.clickToFirst)
      box = await terminalBox(page)
      await waitForTabState(page, 'Bench flood', 'closed')
      const check = checkLog(logs, expected, 'bench-flood')
      lost += check.lost
      logResults.push(check.identical ? 'identical' : check.text)
    }
    const alone = async (): Promise<void> => {
      step(`xterm alone round ${rawMs.length + 1}`)
      const times = await rawXtermRound(page, raw.url, box, TERMINAL, FIRST_OUTPUT, MARKER)
      rawMs.push(times.last - times.first)
    }
    // The first app round also measures the terminal's size for xterm alone.
    for (let r = 0; r < ROUNDS; r += 1) {
      if (r % 2 === 0) {
        await app()
        await alone()
      } else {
        await alone()
        await app()
      }
    }
  } finally {
    await raw.close()
  }
  const ratios = appMs.map((ms, i) => (rawMs[i] ?? Number.NaN) / ms)
  const r = summarize(ratios)
  const sorted = [...ratios].sort((a, b) => a - b)
  const seconds = (list: number[]): string => list.map((ms) => fmt(ms / 1000, 2)).join(' ')
  line(
    'app, first output to marker painted',
    `${seconds(appMs)} s (median ${fmt(mb(FLOOD_BYTES) / (summarize(appMs).median / 1000), 2)} MB/s)`,
  )
  line('xterm alone, the same two frames', `${seconds(rawMs)} s (DOM, ${fmt(box.width, 0)}x${fmt(box.height, 0)} px)`)
  line(
    `ratio app / xterm alone (${ROUNDS} rounds)`,
    `median ${fmt(r.median, 2)}, min ${fmt(sorted[0] ?? Number.NaN, 2)}, max ${fmt(sorted.at(-1) ?? Number.NaN, 2)} (target ≥ 0.7)`,
  )
  line(
    'app, click to first output painted',
    `median ${fmt(summarize(openMs).median, 0)} ms (opening the session: pty, shell, stty; not in the ratio)`,
  )
  line(
    'bytes lost (raw log vs source)',
    `${lost} (target 0; ${logResults.every((t) => t === 'identical') ? `every log identical to the source, sha256 ${sha(expected).slice(0, 16)}…` : logResults.join(' | ')})`,
  )
}

async function exitProbes(page: CdpPage, host: HostProcess, smallFile: string): Promise<void> {
  step('exit probes')
  const expected = readFileSync(smallFile)
  const results: string[] = []
  await openApp(page, host.urlWith('?renderer=dom'))
  for (let i = 1; i <= EXIT_PROBES; i += 1) {
    await openProfile(page, `Bench exit ${i}`)
    await waitForTabState(page, `Bench exit ${i}`, 'closed')
    // The log is flushed when its session ends; give the write a moment on a loaded machine.
    await new Promise((r) => setTimeout(r, 500))
    results.push(checkLog(join(host.userDataDir, 'logs'), expected, `bench-exit-${i}`).text)
  }
  line('2 MB then exit, log vs output', results.join(' | '))
}

async function echoFigures(page: CdpPage, host: HostProcess, stopFile: string): Promise<void> {
  step('echo latency')
  await openApp(page, host.urlWith('?renderer=dom'))
  await openProfile(page, 'Bench echo')
  await waitForTabState(page, 'Bench echo', 'open')
  step('echo tab open')
  await focusTerminal(page)
  const idle = summarize(await echoLatencies(page, '#abcdefghijklmnopqrs', 60))
  line('echo latency, idle', `${describeLatency(idle)} (target < 100 ms)`)

  await openProfile(page, 'Bench flood 2')
  await waitForTabState(page, 'Bench flood 2', 'open')
  await activateTab(page, 'Bench echo')
  await waitInPage(page, `document.querySelector('${VISIBLE}')`, 'the echo terminal')
  await focusTerminal(page)
  await new Promise((r) => setTimeout(r, 300))
  const started = Date.now()
  const busy = summarize(await echoLatencies(page, '%ABCDEFGHIJKLMNOPQRSTUVWXYZ', 60))
  writeFileSync(stopFile, '')
  await waitForTabState(page, 'Bench flood 2', 'closed')
  line(
    'echo latency, during a flood',
    `${describeLatency(busy)} (target p95 < 100 ms; the flood ran ${fmt((Date.now() - started) / 1000)} s in the other tab)`,
  )
}

/** SOAK_FLOODS floods through the host (a WebSocket client acknowledging as a window does). */
async function soak(host: HostProcess, smallFile: string): Promise<void> {
  step(`soak: ${SOAK_FLOODS} floods`)
  const inspector = await connectHostInspector(host.output)
  const client = await wsClient(host.port, host.token)
  try {
    const start = await inspector.memory()
    for (let i = 0; i < SOAK_FLOODS; i += 1) {
      const { id } = await client.invoke('session.open', { spec: shell(`cat '${smallFile}'; sleep 0.2`), cols: 120, rows: 40 })
      const stop = client.subscribe('session.data', (p) => {
        if (p.id === id) void client.invoke('session.ack', { id, chars: p.data.length }).catch(() => undefined)
      })
      // Generous: 2 MB through a loaded machine; waiting on the event, not on a clock.
      await waitForState(client, id, (s) => s.state === 'closed', 120_000)
      stop()
    }
    const end = await inspector.memory()
    line(
      `soak: ${SOAK_FLOODS} floods of ${fmt(mb(SOAK_BYTES), 0)} MB, host`,
      `RSS ${fmt(start.rssMb)} → ${fmt(end.rssMb)} MB, heap ${fmt(start.heapUsedMb)} → ${fmt(end.heapUsedMb)} MB (after GC; flat within noise is the target)`,
    )
  } finally {
    await client.close()
    inspector.close()
  }
}

/** In-page: long main-thread tasks, recorded from the first script on (PerformanceObserver). */
const LONG_TASKS = `window.__long = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration }) }).observe({ type: 'longtask', buffered: true })`

async function startupAndWorkbench(chromium: Chromium, work: string): Promise<void> {
  step(`start-up and workbench with ${CERTIFICATES} certificates`)
  const pems = benchCertificates(CERTIFICATES)
  // Start-up with CERTIFICATES saved: navigation start to the practice router's first prompt painted.
  const savedDir = join(work, 'with-certificates')
  await new StateFile(join(savedDir, 'lab-console-state.json')).save('certificates', asKept(pems) satisfies KeptCertificate[], 0)
  const saved = await startHostProcess({ userDataDir: savedDir })
  try {
    const page = await chromium.newPage()
    await chromium.cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: LONG_TASKS }, page.sessionId)
    await page.goto(saved.urlWith('?renderer=dom'))
    const prompt = await page.evaluate<number>(`new Promise((resolve) => {
      const tick = () => {
        const rows = document.querySelector('${VISIBLE} .xterm-rows')
        if (rows && [...rows.children].some((r) => /^[A-Za-z0-9._-]+(\\([a-z0-9-]+\\))?[>#]\\s*$/.test(r.textContent))) resolve(performance.now())
        else requestAnimationFrame(tick)
      }
      tick()
    })`)
    await waitInPage(
      page,
      `[...document.querySelectorAll('h3')].some((h) => h.textContent === 'Library (${CERTIFICATES})')`,
      'the library to list every certificate',
    )
    const library = await page.evaluate<number>('performance.now()')
    const long = await page.evaluate<Array<{ start: number; ms: number }>>('window.__long')
    const worst = (until: number): number => Math.max(0, ...long.filter((t) => t.start < until).map((t) => t.ms))
    line(
      `start-up, ${CERTIFICATES} certificates saved`,
      `first prompt painted at ${fmt(prompt / 1000, 2)} s, longest task before it ${fmt(worst(prompt), 0)} ms (targets < 1 s, < 100 ms); library complete at ${fmt(library / 1000, 2)} s, longest task ${fmt(worst(library), 0)} ms`,
    )
  } finally {
    await saved.stop()
  }

  // The workbench: CERTIFICATES pasted at once, Add to the library listing them all.
  const empty = await startHostProcess({ userDataDir: join(work, 'empty') })
  try {
    const page = await chromium.newPage()
    await chromium.cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: LONG_TASKS }, page.sessionId)
    await openApp(page, empty.urlWith('?renderer=dom'))
    // The paste is laid out and painted before Add is clicked, as when a user pastes: laying out
    // 400 KB of text is the browser's own cost of the paste; the figure is from the click on.
    await page.evaluate(`new Promise((resolve) => {
      document.querySelector('textarea[aria-label="PEM input"]').value = ${JSON.stringify(pems.join(''))}
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))
    })`)
    const result = await page.evaluate<{ ms: number; worst: number }>(`(async () => {
      const box = document.querySelector('textarea[aria-label="PEM input"]')
      const add = box.parentElement.querySelector('button.primary')
      const from = window.__long.length
      const t0 = performance.now()
      add.click()
      await new Promise((resolve) => {
        const tick = () => ([...document.querySelectorAll('h3')].some((h) => h.textContent === 'Library (${CERTIFICATES})') ? resolve() : requestAnimationFrame(tick))
        tick()
      })
      const ms = performance.now() - t0
      await new Promise((r) => setTimeout(r, 200))
      return { ms, worst: Math.max(0, ...window.__long.slice(from).map((t) => t.duration ?? t.ms)) }
    })()`)
    line(
      `workbench, ${CERTIFICATES} certificates pasted`,
      `${fmt(result.ms / 1000, 2)} s to all listed, longest task ${fmt(result.worst, 0)} ms (targets < 1.5 s, < 125 ms)`,
    )
  } finally {
    await empty.stop()
  }
}

function serialFigures(p: Awaited<ReturnType<typeof runPacedPasteBench>>): void {
  const describe = (f: { lostBytes: number; elapsedMs: number }): string =>
    `${f.lostBytes} of ${p.totalBytes} bytes lost, ${fmt(f.elapsedMs / 1000, 2)} s (${fmt(f.elapsedMs / p.idealMs, 2)} × ideal)`
  line(
    'serial model (9600 8N1, 64-byte ring)',
    `Task 1, ${p.totalBytes} bytes: ideal ${fmt(p.idealMs / 1000, 2)} s = line time ${fmt(p.lineTimeMs / 1000, 2)} s + IOS stalls ${fmt(p.stallMs / 1000, 2)} s`,
  )
  line('  plain paste', describe(p.plain))
  line('  paced paste (wait for echo)', describe(p.paced))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
