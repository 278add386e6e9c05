// npm start: the desktop app where Electron is installed, the browser host where it is not.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureElectronBinary } from './electron-binary.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const binary = ensureElectronBinary()
const child = binary
  ? spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' })
  : (console.log(
      'No Electron binary on this machine (it could not be downloaded): starting the browser host instead.\n' +
        'Open the URL it prints in a browser on this machine. The part after # is the access token: keep it to yourself.',
    ),
    spawn(process.execPath, [path.join(root, 'out', 'main', 'serve.js'), ...process.argv.slice(2)], { stdio: 'inherit' }))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
