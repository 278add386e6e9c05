// A tiny IOS-like command line that sshd runs as ForceCommand in the SSH tests.
// It reads lines from its pty (which does the echo, as a real terminal line would)
// and answers a handful of commands the tests drive.
import { execFileSync } from 'node:child_process'
import process from 'node:process'

const args = process.argv.slice(2)
const hostnameAt = args.indexOf('--hostname')
const hostname = (hostnameAt >= 0 && args[hostnameAt + 1]) || 'Router'
let privileged = false

const out = process.stdout
const say = (text) => out.write(text)
const prompt = () => say(`${hostname}${privileged ? '#' : '>'}`)

const VERSION = [
  'Cisco IOS XE Software, Version 17.09.04a',
  'Cisco IOS Software [Cupertino], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 17.9.4a, RELEASE SOFTWARE (fc3)',
  'Copyright (c) 1986-2023 by Cisco Systems, Inc.',
  '',
  `${hostname} uptime is 1 hour, 2 minutes`,
  'cisco ISR4331/K9 (1RU) processor with 1795999K/6147K bytes of memory.',
  'Configuration register is 0x2102',
  '',
].join('\n')

/** Numbered lines, written in large slices: on a pty a write blocks while the reader is behind. */
function flood(count) {
  const width = String(count).length
  let batch = ''
  for (let n = 1; n <= count; n += 1) {
    batch += `flood line ${String(n).padStart(width, '0')} of ${count} ..............................\n`
    if (batch.length > 32 * 1024) {
      say(batch)
      batch = ''
    }
  }
  say(`${batch}flood done\n`)
}

function answer(line) {
  const words = line.trim().split(/\s+/).filter(Boolean)
  const command = words.join(' ')
  if (command === '') return
  if (command === 'show version' || command === 'sh ver') return say(`${VERSION}\n`)
  if (command === 'show terminal') {
    say(`Line 2, Location: "", Type: "${process.env.TERM ?? ''}"\n`)
    // Asked of the pty each time: Node's columns/rows only change once its SIGWINCH handler has run.
    const [rows, columns] = execFileSync('stty', ['size'], { stdio: [0, 'pipe', 'ignore'], encoding: 'utf8' })
      .trim()
      .split(/\s+/)
    return say(`Length: ${rows} lines, Width: ${columns} columns\n`)
  }
  if (words[0] === 'show' && words[1] === 'flood') return flood(Number(words[2] ?? '1000'))
  if (command === 'enable') {
    privileged = true
    return
  }
  if (command === 'disable') {
    privileged = false
    return
  }
  if (words[0] === 'exit' || words[0] === 'logout' || words[0] === 'quit') {
    process.exit(Number(words[1] ?? '0'))
  }
  say(`${' '.repeat(hostname.length + 1)}^\n% Invalid input detected at '^' marker.\n\n`)
}

say(`\n${hostname} (test responder)\n\n`)
prompt()

let pending = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => {
  pending += chunk
  let end = pending.search(/[\r\n]/)
  while (end >= 0) {
    const line = pending.slice(0, end)
    pending = pending.slice(end + 1)
    answer(line)
    prompt()
    end = pending.search(/[\r\n]/)
  }
})
process.stdin.on('end', () => process.exit(0))
