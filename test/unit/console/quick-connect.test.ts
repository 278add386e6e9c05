import { describe, expect, it } from 'vitest'
import { parseQuickConnect } from '../../../renderer/panes/console/quick-connect'

function spec(input: string): unknown {
  const result = parseQuickConnect(input)
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error}`)
  return result.spec
}

function error(input: string): string {
  const result = parseQuickConnect(input)
  if (result.ok) throw new Error(`expected ${input} to be refused`)
  return result.error
}

describe('quick connect', () => {
  it('reads user@host:port as SSH', () => {
    expect(spec('admin@10.0.0.1:22')).toMatchObject({ kind: 'ssh', host: '10.0.0.1', port: 22, username: 'admin' })
    expect(spec('  admin@r1.lab  ')).toMatchObject({ kind: 'ssh', host: 'r1.lab', port: 22, username: 'admin' })
  })

  it('reads ssh command lines with -p and -l in either order', () => {
    expect(spec('ssh admin@host -p 2222')).toMatchObject({ kind: 'ssh', host: 'host', port: 2222, username: 'admin' })
    expect(spec('ssh -p 2200 -l cisco 192.168.1.1')).toMatchObject({ host: '192.168.1.1', port: 2200, username: 'cisco' })
  })

  it('reads bracketed IPv6 with a port and bare IPv6 without one', () => {
    expect(spec('admin@[fe80::1]:830')).toMatchObject({ host: 'fe80::1', port: 830 })
    expect(spec('admin@fe80::1')).toMatchObject({ host: 'fe80::1', port: 22 })
  })

  it('labels the tab the way the user typed the target', () => {
    const result = parseQuickConnect('ssh admin@host -p 2222')
    expect(result.ok && result.label).toBe('admin@host:2222')
  })

  it('refuses SSH without a user, bad ports and unknown options, saying why', () => {
    expect(error('10.0.0.1')).toMatch(/user name/)
    expect(error('admin@host:abc')).toMatch(/not a number/)
    expect(error('admin@host:70000')).toMatch(/port/)
    expect(error('ssh -i key admin@host')).toMatch(/-i is not supported in quick connect; make a profile/)
    expect(error('ssh admin@host -p')).toMatch(/-p needs a value/)
    expect(error('admin@bad/host')).toMatch(/host/)
    expect(error('   ')).toMatch(/type a target/)
  })

  it('reads a device path with speed and frame as serial', () => {
    expect(spec('/dev/ttyUSB0 9600')).toMatchObject({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 })
    expect(spec('/dev/pts/5')).toMatchObject({ kind: 'serial', path: '/dev/pts/5', baudRate: 9600, dataBits: 8, parity: 'none' })
    expect(spec('COM3 115200 7E1')).toMatchObject({ path: 'COM3', baudRate: 115200, dataBits: 7, parity: 'even', stopBits: 1 })
    expect(spec('serial /tmp/link 1200')).toMatchObject({ path: '/tmp/link', baudRate: 1200 })
  })

  it('refuses serial words that are neither a speed nor a frame', () => {
    expect(error('/dev/ttyUSB0 fast')).toMatch(/neither a speed/)
    expect(error('/dev/ttyUSB0 9N1')).toMatch(/neither a speed/)
    expect(error('/dev/ttyUSB0 10')).toMatch(/baudRate/)
  })

  it('opens the practice router and a local shell by name', () => {
    expect(spec('practice')).toEqual({ kind: 'practice', lab: 'default' })
    expect(spec('practice site-b')).toEqual({ kind: 'practice', lab: 'site-b' })
    expect(spec('shell /bin/bash')).toEqual({ kind: 'shell', shell: '/bin/bash' })
    expect(error('practice ../etc')).toMatch(/lab name/)
  })

  it('reads telnet to a console server, with RFC 2217 line settings after the port', () => {
    expect(spec('telnet 10.0.0.5 2001')).toMatchObject({ kind: 'telnet', host: '10.0.0.5', port: 2001, consoleServer: true })
    expect(spec('telnet 10.0.0.5:2002')).toMatchObject({ host: '10.0.0.5', port: 2002 })
    expect(spec('telnet://cs1.lab:7001/')).toMatchObject({ host: 'cs1.lab', port: 7001 })
    expect(spec('telnet cs1 23 19200 7E1')).toMatchObject({
      port: 23,
      comPort: { baudRate: 19200, dataBits: 7, parity: 'even', stopBits: 1 },
    })
    expect(spec('telnet cs1')).not.toHaveProperty('comPort')
    expect(error('telnet admin@cs1')).toMatch(/no user name/)
    expect(error('telnet cs1 2001 fast')).toMatch(/neither a speed/)
    const result = parseQuickConnect('telnet 10.0.0.5 2001')
    expect(result.ok && result.label).toBe('telnet 10.0.0.5:2001')
  })
})
