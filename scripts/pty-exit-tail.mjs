#!/usr/bin/env node
// Where does the tail of a shell that exits right after printing go? (issue 14, "local shell exit tail")
//
//   node scripts/pty-exit-tail.mjs [--runs 20] [--mode plain|paused] [--read-tail] [--command 'cat FILE' --bytes N]
//
// Bare node-pty, no Lab Console code. Each run starts /bin/sh -c "stty -onlcr -echo; <command>" in a
// pty (default: cat a 2 MB file) and counts the bytes that arrive against the bytes sent.
//   --mode plain   read all the time, as node-pty's README does.
//   --mode paused  stop reading (the pty's read handle, as a consumer under back-pressure does) when
//                  all but the last 6000 bytes have arrived, and start again 1 s later. The writer
//                  finishes into the kernel's pty buffer and exits meanwhile.
//   --read-tail    just before the read stream is destroyed (which closes the master), read the master
//                  fd with read(2) until EIO, as LocalShellTransport does. These bytes were written by a
//                  process that has exited and been reaped: the kernel kept them.
// Each run says how the stream ended:
//   EIO            the kernel's end of the data: every byte was read first;
//   early EOF      libuv took POLLHUP after a short read for the end (libuv/libuv#4992) while the kernel
//                  still held data; Node ended and destroyed the stream;
//   node-pty timer node-pty destroyed the stream 200 ms after the child was reaped, before EIO
//                  (lib/unixTerminal.js DESTROY_SOCKET_TIMEOUT_MS; microsoft/node-pty#72, #85, #726).
// Results on Linux 6.18, Node 20.20 (libuv 1.46), node-pty 1.1 are in README.md ("Local shell").
import { createRequire } from 'node:module'
import { mkdtempSync, writeFileSync, rmSync, statSync, readSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const require = createRequire(import.meta.url)
const pty = require('node-pty')

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    mode: { type: 'string', default: 'plain' },
    'read-tail': { type: 'boolean', default: false },
    command: { type: 'string' },
    bytes: { type: 'string' },
  },
})
const TAIL = 6000
const RESUME_AFTER_MS = 1000

const dir = mkdtempSync(join(tmpdir(), 'pty-exit-tail-'))
const file = join(dir, 'out.txt')
writeFileSync(file, makeText(2 * 1024 * 1024))
const command = values.command ?? `cat '${file}'`
const expected = Number(values.bytes ?? (values.command ? NaN : statSync(file).size))

function makeText(size) {
  const lines = []
  let n = 0
  for (let i = 0; n < size; i += 1) {
    const line = `interface GigabitEthernet0/${i % 48} description line ${i} ${'x'.repeat(i % 60)}\r\n`
    lines.push(line)
    n += line.length
  }
  return lines.join('').slice(0, size)
}

function once(mode, readTail) {
  return new Promise((resolve) => {
    const proc = pty.spawn('/bin/sh', ['-c', `stty -onlcr -echo; ${command}`], { encoding: null, cols: 80, rows: 24 })
    const socket = proc._socket
    const handle = socket._handle
    let got = 0
    let tail = 0
    let stopped = false
    let ended = 'node-pty timer'
    socket.on('end', () => (ended = 'early EOF'))
    socket.on('error', (err) => {
      if (err.code === 'EIO') ended = 'EIO'
    })
    if (readTail) {
      const destroy = socket.destroy.bind(socket)
      socket.destroy = (err) => {
        const buffer = Buffer.alloc(64 * 1024)
        for (;;) {
          try {
            const n = readSync(proc._fd, buffer, 0, buffer.length, null)
            if (n <= 0) break
            tail += n
          } catch {
            break
          }
        }
        return destroy(err)
      }
    }
    proc.onData((chunk) => {
      got += chunk.length
      if (mode === 'paused' && !stopped && Number.isFinite(expected) && got >= expected - TAIL) {
        stopped = true
        handle.readStop()
        setTimeout(() => socket._handle?.readStart(), RESUME_AFTER_MS)
      }
    })
    // node-pty reports exit after the stream closed; nothing can arrive later.
    proc.onExit(({ exitCode, signal }) => resolve({ got: got + tail, tail, ended, exitCode, signal }))
  })
}

const mode = values.mode
const readTail = values['read-tail']
const runs = Number(values.runs)
let short = 0
let worst = 0
const endings = {}
for (let i = 1; i <= runs; i += 1) {
  const r = await once(mode, readTail)
  const lost = Number.isFinite(expected) ? expected - r.got : NaN
  if (lost > 0) short += 1
  worst = Math.max(worst, lost || 0)
  endings[r.ended] = (endings[r.ended] ?? 0) + 1
  const of = Number.isFinite(expected) ? ` of ${expected}, lost ${lost}` : ''
  const tail = readTail ? ` (${r.tail} read at the end)` : ''
  console.log(
    `run ${String(i).padStart(2)}: ${r.got} bytes${of}${tail}; stream ended by ${r.ended}; exit ${r.exitCode}${r.signal ? ` signal ${r.signal}` : ''}`,
  )
}
const how = Object.entries(endings)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ')
console.log(
  `${mode}${readTail ? ' --read-tail' : ''}: ${short} of ${runs} runs short, worst ${worst} bytes lost; ended by ${how} (${command.replace(file, '<2 MB file>')})`,
)
rmSync(dir, { recursive: true, force: true })
