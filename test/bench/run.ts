/**
 * npm run bench: the console's data path under a 20 MB flood, keystroke echo during it, and the
 * paced-paste figures. Prints one figure per line; asserts nothing (targets are printed beside).
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Profile } from '../../shared/contract'
import { StateFile } from '../../electron/services/state/state-file'
import { launchChromium } from '../support/browser'
import { startHostProcess } from '../support/host-process'
import { runPacedPasteBench } from '../support/paced-bench'
import { writeRouterOutput } from './router-output'
import { rawXtermThroughput } from './raw-xterm'
import { VISIBLE, openAndTimeUntil, showConnections, waitForTabState } from './app-page'
import { echoLatencies } from './echo-latency'
import { describeLatency, fmt, mb, summarize } from './stats'

const FLOOD_BYTES = 20 * 1024 * 1024
const line = (label: string, value: string): void => console.log(`${label.padEnd(34)} ${value}`)

const EXIT_PROBES = 3

function profiles(file: string, stopFile: string, smallFile: string): Profile[] {
  const shell = (command: string): Profile['spec'] => ({ kind: 'shell', shell: '/bin/sh', args: ['-c', command] })
  // -onlcr: the pty passes the file's CR LF unchanged, so the raw log can be compared byte for byte.
  return [
    Profile.parse({
      id: 'bench-flood',
      name: 'Bench flood',
      // The shell stays a moment after the marker: output cut off by an exiting shell is probed apart.
      spec: shell(`stty -onlcr -echo; cat '${file}'; printf 'BENCH-%s\\r\\n' END1; sleep 1`),
      log: { enabled: true, mode: 'raw', template: 'bench-flood.log' },
    }),
    ...Array.from({ length: EXIT_PROBES }, (_, i) =>
      Profile.parse({
        id: `bench-exit-${i + 1}`,
        name: `Bench exit ${i + 1}`,
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

function checkLog(logsDir: string, file: string, trailer: string, prefix = 'bench-flood'): string {
  const name = readdirSync(logsDir).find((n) => n.startsWith(prefix))
  if (!name) return `no log found in ${logsDir}`
  const log = readFileSync(join(logsDir, name))
  const expected = Buffer.concat([readFileSync(file), Buffer.from(trailer)])
  const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex').slice(0, 16)
  const verdict = log.equals(expected) ? 'identical' : `DIFFERENT (${log.length} bytes logged, ${expected.length} expected)`
  return `${verdict}; sha256 log ${sha(log)}… file+marker ${sha(expected)}…`
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'lab-bench-'))
  const file = join(work, 'router-output.txt')
  const stopFile = join(work, 'stop-flood')
  const userDataDir = join(work, 'user-data')
  const smallFile = join(work, 'router-output-2mb.txt')
  const generated = writeRouterOutput(file, FLOOD_BYTES)
  writeRouterOutput(smallFile, 2 * 1024 * 1024)
  await new StateFile(join(userDataDir, 'lab-console-state.json')).save('profiles', profiles(file, stopFile, smallFile), 0)
  try {
    await browserFigures(file, generated, userDataDir, stopFile, smallFile)
    pacedFigures(await runPacedPasteBench())
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

async function browserFigures(
  file: string,
  generated: { bytes: number; sha256: string },
  userDataDir: string,
  stopFile: string,
  smallFile: string,
): Promise<void> {
  const host = await startHostProcess({ userDataDir })
  const browser = await launchChromium()
  try {
    const page = await browser.context.newPage()
    await page.goto(host.urlWith('?renderer=dom'))
    await page.getByRole('tab').first().waitFor()
    const renderer = page.getByText(/renderer$/).first()
    console.log('Console benchmark (headless Chromium, browser host, DOM renderer)')
    line('flood data', `${fmt(mb(generated.bytes))} MB of coloured show running-config, sha256 ${generated.sha256.slice(0, 16)}…`)

    // 1. The whole path: pty → session (+ raw log) → batches → WebSocket → TerminalIo → xterm.
    const appMs = await openAndTimeUntil(page, 'Bench flood', 'BENCH-END1')
    await waitForTabState(page, 'Bench flood', 'closed')
    line('renderer', `${await renderer.textContent()} (${(await renderer.getAttribute('title')) ?? 'chosen by ?renderer=dom'})`)
    const appRate = mb(generated.bytes) / (appMs / 1000)
    line('app path throughput', `${fmt(appRate, 2)} MB/s (${fmt(appMs / 1000, 2)} s, click to last line on screen)`)

    const box = (await page.locator(VISIBLE).boundingBox()) ?? { width: 800, height: 600 }
    const raw = await rawXtermThroughput(browser.context, file, box, 14)
    const rawRate = mb(generated.bytes) / (raw.renderedMs / 1000)
    const parserRate = mb(generated.bytes) / (raw.parserMs / 1000)
    line('xterm alone (DOM, same size)', `${fmt(rawRate, 2)} MB/s (${fmt(raw.renderedMs / 1000, 2)} s, ${raw.cols}x${raw.rows})`)
    line('xterm parser alone (not opened)', `${fmt(parserRate, 2)} MB/s (${fmt(raw.parserMs / 1000, 2)} s)`)
    line('ratio app / xterm alone', `${fmt(appRate / rawRate, 2)} (target ≥ 0.5)`)
    line('session log (raw) vs file', checkLog(join(userDataDir, 'logs'), file, 'BENCH-END1\r\n'))

    // A shell that exits right after its last write, while the window is behind: is its tail kept?
    const probes: string[] = []
    for (let i = 1; i <= EXIT_PROBES; i += 1) {
      await showConnections(page)
      await page.getByRole('button', { name: `Open Bench exit ${i}`, exact: true }).click()
      await waitForTabState(page, `Bench exit ${i}`, 'closed')
      await page.waitForTimeout(500)
      probes.push(checkLog(join(userDataDir, 'logs'), smallFile, '', `bench-exit-${i}`).split(';')[0] ?? '')
    }
    line('2 MB then exit, log vs file', probes.join(' | '))

    // 2. Echo of keystrokes in another tab, idle and while a flood runs in the background tab.
    await showConnections(page)
    await page.getByRole('button', { name: 'Open Bench echo', exact: true }).click()
    await waitForTabState(page, 'Bench echo', 'open')
    await page.locator(`${VISIBLE} .xterm-screen`).click()
    const idle = summarize(await echoLatencies(page, '#abcdefghijklmnopqrs', 60))
    line('echo latency, idle', `${describeLatency(idle)} (target < 100 ms)`)

    await showConnections(page)
    await page.getByRole('button', { name: 'Open Bench flood 2', exact: true }).click()
    await waitForTabState(page, 'Bench flood 2', 'open')
    await page.getByRole('tab', { name: 'Bench echo', exact: true }).click()
    await page.locator(`${VISIBLE} .xterm-screen`).click()
    await page.waitForTimeout(300)
    const floodStart = Date.now()
    const busy = summarize(await echoLatencies(page, '%ABCDEFGHIJKLMNOPQRSTUVWXYZ', 60))
    writeFileSync(stopFile, '')
    await waitForTabState(page, 'Bench flood 2', 'closed')
    line(
      'echo latency, during flood',
      `${describeLatency(busy)} (target < 100 ms; flood ran ${fmt((Date.now() - floodStart) / 1000)} s in the other tab)`,
    )
  } finally {
    await browser.close()
    await host.stop()
  }
}

/** 3. Paced paste into an emulated 9600-baud console with a 64-byte input buffer. */
function pacedFigures(paced: Awaited<ReturnType<typeof runPacedPasteBench>>): void {
  const pct = (n: number): string => `${fmt((100 * n) / paced.totalBytes)} %`
  line('paste all at once, router kept', `${paced.plainKeptBytes} of ${paced.totalBytes} bytes (${pct(paced.plainKeptBytes)})`)
  line('paced paste, router kept', `${paced.pacedKeptBytes} of ${paced.totalBytes} bytes (${pct(paced.pacedKeptBytes)})`)
  line(
    'paced paste time',
    `${fmt(paced.elapsedMs / 1000, 2)} s elapsed vs ${fmt(paced.theoreticalMs / 1000, 2)} s line time at 9600 baud (${fmt(paced.elapsedMs / paced.theoreticalMs, 2)}×)`,
  )
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
