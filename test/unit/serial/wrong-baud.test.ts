import { describe, expect, it } from 'vitest'
import { BaudSniffer, looksLikeWrongBaud, unreadableRatio } from '../../../electron/services/sessions/serial/wrong-baud'

/**
 * What a UART receiving at `rxBaud` makes of 8N1 characters sent back to back at `txBaud`:
 * it waits for a start bit, samples mid-bit, and (like Linux without IGNPAR) hands over a NUL
 * when the stop bit is wrong. Gives the heuristic real framing garbage rather than random bytes.
 */
function receiveAtWrongSpeed(sent: Uint8Array, txBaud: number, rxBaud: number): Uint8Array {
  const txBit = 1 / txBaud
  const rxBit = 1 / rxBaud
  const frameTime = 10 * txBit
  const end = sent.length * frameTime
  const level = (t: number): number => {
    const frame = Math.floor(t / frameTime)
    if (frame < 0 || frame >= sent.length) return 1
    const bit = Math.floor((t - frame * frameTime) / txBit)
    if (bit === 0) return 0
    if (bit === 9) return 1
    return ((sent[frame] ?? 0) >> (bit - 1)) & 1
  }
  const out: number[] = []
  const step = Math.min(txBit, rxBit) / 16
  let t = 0
  while (t < end) {
    if (level(t) === 1) {
      t += step
      continue
    }
    let byte = 0
    for (let j = 0; j < 8; j++) byte |= level(t + (1.5 + j) * rxBit) << j
    const stopOk = level(t + 9.5 * rxBit) === 1
    out.push(stopOk ? byte : 0)
    t += 9.5 * rxBit
  }
  return Uint8Array.from(out)
}

const banner = new TextEncoder().encode(
  'System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)\r\n' +
    'Technical Support: http://www.cisco.com/techsupport\r\n' +
    'Copyright (c) 2012 by cisco Systems, Inc.\r\n\r\n' +
    'Total memory size = 512 MB - On-board = 512 MB, DIMM0 = 0 MB\r\n' +
    'CISCO2921/K9 platform with 524288 Kbytes of main memory\r\n' +
    'Press RETURN to get started!\r\n\r\nRouter>',
)

describe('wrong-baud heuristic', () => {
  it('reads a console at the right speed as text (the simulator is faithful)', () => {
    const received = receiveAtWrongSpeed(banner, 9600, 9600)
    expect(Buffer.from(received).equals(Buffer.from(banner))).toBe(true)
    expect(looksLikeWrongBaud(received)).toBe(false)
  })

  it('flags a 9600 console read at 115200', () => {
    const received = receiveAtWrongSpeed(banner, 9600, 115200)
    expect(received.length).toBeGreaterThan(100)
    expect(unreadableRatio(received)).toBeGreaterThan(0.3)
    expect(looksLikeWrongBaud(received)).toBe(true)
  })

  it('flags a 115200 console read at 9600', () => {
    const received = receiveAtWrongSpeed(banner, 115200, 9600)
    expect(looksLikeWrongBaud(received)).toBe(true)
  })

  it('accepts UTF-8 text, escape sequences and a few stray bytes', () => {
    const linux = new TextEncoder().encode('\x1b[1;32m● ssh.service\x1b[0m — OpenSSH server ─────── active (running)\r\n')
    expect(looksLikeWrongBaud(linux)).toBe(false)
    const noisy = Uint8Array.from([...banner.subarray(0, 200), 0x00, 0xff, 0x80])
    expect(looksLikeWrongBaud(noisy)).toBe(false)
  })

  it('does not judge a handful of bytes', () => {
    expect(looksLikeWrongBaud(Uint8Array.from([0x00, 0xf8, 0x80, 0xfe]))).toBe(false)
  })

  it('answers once, from the first bytes only', () => {
    const sniffer = new BaudSniffer()
    const garbage = receiveAtWrongSpeed(banner, 9600, 115200)
    const answers = [garbage.subarray(0, 20), garbage.subarray(20), garbage].map((c) => sniffer.feed(c))
    expect(answers).toEqual([false, true, false])

    const clean = new BaudSniffer()
    expect(clean.feed(banner)).toBe(false)
    // After 256 good bytes the verdict is in: later garbage (a binary dump) is not a speed problem.
    expect(clean.feed(banner)).toBe(false)
    expect(clean.feed(garbage)).toBe(false)
  })
})
