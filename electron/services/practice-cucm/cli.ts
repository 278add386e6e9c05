import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { PracticeLabs } from '../practice-labs/practice-labs'
import { PracticeCucm } from './practice-cucm'

/**
 * The practice CUCM on its own, for development: `npm run practice-cucm -- [--lab L] [--dir DIR]
 * [--ports 8443,8444] [--restart-delay MS]`. Prints where the publisher and subscriber listen and
 * the credentials, then serves until Ctrl-C. DIR holds the lab files (default: a folder in the
 * system temp dir); point it at the app's `practice-labs/` folder to share a lab with the app.
 */
const { values } = parseArgs({
  options: {
    lab: { type: 'string', default: 'default' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'lab-console-practice-cucm') },
    ports: { type: 'string' },
    'restart-delay': { type: 'string' },
  },
})

function fail(message: string): never {
  process.stderr.write(`practice-cucm: ${message}\n`)
  process.exit(2)
}

const lab = values.lab ?? 'default'
if (!/^[A-Za-z0-9_-]{1,64}$/.test(lab)) fail(`--lab must be letters, digits, _ or -, got "${lab}"`)
const dir = path.resolve(values.dir ?? '.')
let ports: [number, number] | undefined
if (values.ports) {
  const parsed = values.ports.split(',').map(Number)
  if (parsed.length !== 2 || !parsed.every((p) => Number.isInteger(p) && p > 0 && p < 65536))
    fail('--ports needs two ports, e.g. 8443,8444')
  ports = [parsed[0] ?? 0, parsed[1] ?? 0]
}
const restartDelay = values['restart-delay'] === undefined ? undefined : Number(values['restart-delay'])
if (restartDelay !== undefined && !(restartDelay >= 0)) fail('--restart-delay needs a number of milliseconds')

const labs = new PracticeLabs(dir)
const cucm = new PracticeCucm({
  dir,
  lab,
  callManagerPem: () => labs.cucmCertificate(lab),
  ...(ports ? { ports } : {}),
  ...(restartDelay === undefined ? {} : { restartDelayMs: restartDelay }),
})
const info = await cucm.start()
process.stdout.write(
  [
    `Practice CUCM ${info.version} (simulated; lab "${lab}", state in ${dir})`,
    `  publisher  ${info.publisher.name}  https://${info.publisher.host}:${info.publisher.port}/`,
    `  subscriber ${info.subscriber.name}  https://${info.subscriber.host}:${info.subscriber.port}/`,
    `  AXL / Serviceability user: ${info.axl.user} / ${info.axl.password}`,
    `  Platform (OS admin) user:  ${info.platform.user} / ${info.platform.password}`,
    `  Tomcat certificates are self-signed: trust them on first use.`,
    'Ctrl-C stops it.',
    '',
  ].join('\n'),
)
const stop = (): void => {
  void cucm.stop().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
