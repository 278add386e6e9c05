// Run by permission.test.ts in a child process under another user id: opens the path given
// on the command line with the real transport and prints the outcome as one JSON line.
import { SerialSpec } from '../../../shared/contract/sessions'
import { SerialTransport } from '../../../electron/services/sessions/serial/serial-transport'
import { SerialOpenError } from '../../../electron/services/sessions/serial/errors'

const path = process.argv[2] ?? ''
// Started as root with every module loaded (a checkout in a private folder is unreadable to
// another user), then becomes that user before touching the device, so the kernel decides.
const asUid = Number(process.argv[3] ?? NaN)
if (Number.isInteger(asUid)) {
  process.setgid?.(asUid)
  process.setuid?.(asUid)
}
const transport = new SerialTransport(SerialSpec.parse({ kind: 'serial', path }))
try {
  await transport.open()
  transport.close()
  console.log(JSON.stringify({ opened: true, uid: process.getuid?.() }))
} catch (err) {
  const kind = err instanceof SerialOpenError ? err.kind : 'unknown'
  console.log(JSON.stringify({ opened: false, uid: process.getuid?.(), kind, message: (err as Error).message }))
}
