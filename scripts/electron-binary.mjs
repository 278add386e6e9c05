// Where the Electron binary is, or null when it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD).
// Reads the package's path.txt itself: require('electron') would try to download a missing binary.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export function electronBinary() {
  const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = path.join(pkg, 'path.txt')
  const name = fs.existsSync(pathFile)
    ? fs.readFileSync(pathFile, 'utf8').trim()
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron'
  const binary = path.join(override ?? path.join(pkg, 'dist'), name)
  return fs.existsSync(binary) ? binary : null
}

/**
 * The binary, fetching it first where it is missing and downloads are allowed (Electron 45 has
 * no postinstall: it downloads on first use). Quiet: a failed download is reported by the caller
 * in one line, not as a stack trace.
 */
export function ensureElectronBinary() {
  const found = electronBinary()
  if (found || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return found
  const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron')
  spawnSync(process.execPath, [path.join(pkg, 'install.js')], { stdio: 'ignore', timeout: 300_000 })
  return electronBinary()
}
