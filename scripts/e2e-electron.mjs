// The Electron end-to-end tier: Playwright's _electron driving the real app under Xvfb.
// It needs the Electron binary, which cannot be downloaded on every machine; there it says so.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { ensureElectronBinary } from './electron-binary.mjs'

const binary = ensureElectronBinary()
if (!binary) {
  console.log('Electron end-to-end: skipped: no Electron binary (not installed and it could not be downloaded here)')
  process.exit(0)
}
const vitest = ['vitest', 'run', '--config', 'vitest.electron.config.ts']
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY
if (needsDisplay && !fs.existsSync('/usr/bin/xvfb-run')) {
  console.error('Electron end-to-end: no DISPLAY and no xvfb-run: apt-get install xvfb')
  process.exit(1)
}
const [cmd, args] = needsDisplay ? ['xvfb-run', ['-a', 'npx', ...vitest]] : ['npx', vitest]
const run = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, LAB_ELECTRON_BINARY: binary } })
process.exit(run.status ?? 1)
