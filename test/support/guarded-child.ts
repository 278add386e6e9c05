// Run as a child process by process-guard.test.ts: real services with the host's process guard,
// then an exception and a rejection that nothing catches. Prints what the user would be told.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createServices } from '../../electron/services/compose'
import { installProcessGuards } from '../../electron/services/process-guard'

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-guard-'))
const services = createServices({ userDataDir, host: 'browser', version: 'test' })
if (process.argv[2] !== '--unguarded') installProcessGuards(services.hub)
services.hub.listen((event, payload) => {
  if (event === 'app.notice') process.stdout.write(`notice: ${JSON.stringify(payload)}\n`)
})
setTimeout(() => {
  throw new Error('boom from a callback')
}, 10)
setTimeout(() => void Promise.reject(new Error('rejected and forgotten')), 20)
setTimeout(() => {
  process.stdout.write('still serving\n')
  services.dispose()
  fs.rmSync(userDataDir, { recursive: true, force: true })
  process.exit(0)
}, 300)
