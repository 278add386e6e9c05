import { afterEach, describe, expect, it } from 'vitest'
import { CommandTree, normalizeInterface } from '../../../electron/services/practice-router/cli-parser'
import { RouterDriver } from './driver'
import { configureCa } from './procedure'

describe('command tree', () => {
  const tree = new CommandTree<string>()
  tree.add(['exec'], 'show crypto pki server', {}, 'server')
  tree.add(['exec'], 'show crypto pki certificates', {}, 'certs')
  tree.add(['exec'], 'show crypto pki certificates verbose', {}, 'verbose')
  tree.add(['exec'], 'show crypto pki certificates {tp:word}', {}, 'certs-tp')
  tree.add(['exec'], 'show clock', {}, 'clock')
  tree.add(['exec'], 'configure terminal', {}, 'conf')
  tree.add(['config'], 'lifetime certificate {days:int(1-1825)}', {}, 'lifetime')
  tree.add(['config'], 'sccp local {name:iface}', {}, 'local')

  const handlerOf = (mode: 'exec' | 'config', line: string): string | undefined => {
    const r = tree.parse(mode, line)
    return r.kind === 'ok' ? r.handler : r.kind
  }

  it('accepts unambiguous abbreviations in any case', () => {
    expect(handlerOf('exec', 'conf t')).toBe('conf')
    expect(handlerOf('exec', 'sh cry pki ser')).toBe('server')
    expect(handlerOf('exec', 'SH CLO')).toBe('clock')
    expect(handlerOf('exec', 'sh c')).toBe('ambiguous')
  })

  it('prefers a keyword to a free word, and passes the word through otherwise', () => {
    expect(handlerOf('exec', 'show crypto pki certificates v')).toBe('verbose')
    const r = tree.parse('exec', 'show crypto pki certificates SecureCFB')
    expect(r.kind === 'ok' && r.args.tp).toBe('SecureCFB')
  })

  it('checks typed parameters and normalizes interface names', () => {
    expect(handlerOf('config', 'lifetime certificate 1800')).toBe('lifetime')
    const over = tree.parse('config', 'lifetime certificate 1826')
    expect(over).toEqual({ kind: 'invalid', column: 21, firstToken: false })
    expect(handlerOf('config', 'sccp local gi0/1')).toBe('local')
    expect(normalizeInterface('Gig0/1')).toBe('GigabitEthernet0/1')
    expect(normalizeInterface('fa0/1')).toBeNull()
  })

  it('lists completions and the next words for help', () => {
    expect(tree.help('exec', 'sh')).toEqual({ kind: 'words', words: ['show'] })
    expect(tree.help('exec', 'show crypto pki certificates ')).toEqual({
      kind: 'list',
      entries: [
        ['verbose', ''],
        ['WORD', ''],
        ['<cr>', ''],
      ],
    })
    expect(tree.complete('exec', 'show cr')).toBe('show crypto ')
    expect(tree.complete('exec', 'show c')).toBeNull()
  })
})

describe('practice router conveniences', () => {
  let d: RouterDriver
  afterEach(() => d.dispose())

  it('filters show output with | include, | section and | begin', async () => {
    d = new RouterDriver({ seed: 'features' })
    await configureCa(d)
    await d.line('end')
    expect(await d.line('show running-config | include ^ntp|^ip http')).toBe(
      'show running-config | include ^ntp|^ip http\r\nip http server\r\nntp server 10.10.10.5\r\nVG-CME-1#',
    )
    const section = await d.line('sh run | sec crypto pki server')
    expect(section).toContain(
      'crypto pki server testCA\r\n database level complete\r\n database url nvram:\r\n grant auto\r\n lifetime certificate 1800\r\nVG-CME-1#',
    )
    expect(await d.line('show run | begin ^end')).toBe('show run | begin ^end\r\nend\r\n\r\nVG-CME-1#')
    expect(await d.line('show run | bogus x')).toContain("% Invalid input detected at '^' marker.")
  })

  it('aborts a password dialog on Ctrl-C without enabling the CA', async () => {
    d = new RouterDriver({ seed: 'features' })
    await configureCa(d)
    await d.until('do show ntp status', (out) => out.includes('Clock is synchronized'))
    const out = await d.lines('crypto pki server testCA', 'no shutdown')
    expect(out).toContain('Password: ')
    expect(await d.send('abc\x03')).toBe('^C\r\nVG-CME-1(cs-server)#')
    expect(await d.line('do show crypto pki server')).toContain('Status: disabled')
  })

  it('uses an existing 2048-bit key and SHA-256 for a stronger CA', async () => {
    d = new RouterDriver({ seed: 'features' })
    await configureCa(d)
    const keygen = await d.line('crypto key generate rsa general-keys label testCA modulus 2048')
    expect(keygen).toContain('% The key modulus size is 2048 bits')
    await d.lines('crypto pki server testCA', 'hash sha256')
    await d.until('do show ntp status', (out) => out.includes('Clock is synchronized'))
    const enable = await d.lines('no shutdown', 'cisco123', 'cisco123')
    expect(enable).not.toContain('% Generating')
    expect(enable).toContain('% Certificate Server enabled.')
    const certs = await d.line('do show crypto pki certificates verbose testCA')
    expect(certs).toContain('RSA Public Key: (2048 bit)')
    expect(certs).toContain('Signature Algorithm: SHA256 with RSA Encryption')
  })

  it('logs out of the console and starts again on RETURN', async () => {
    d = new RouterDriver({ seed: 'features' })
    const out = await d.lines('enable', 'exit')
    expect(out).toContain('VG-CME-1 con0 is now available')
    expect(out).toContain('Press RETURN to get started.')
    expect(await d.send('anything')).toBe('')
    expect(await d.send('\r')).toBe('\r\nVG-CME-1>')
  })
})
