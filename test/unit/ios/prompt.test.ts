import { describe, expect, it } from 'vitest'
import { PromptTail, detectPrompt } from '../../../shared/ios/prompt'
import { fixture } from './fixture'

describe('detectPrompt', () => {
  it.each([
    ['VG-CME-1>', 'user-exec', undefined],
    ['VG-CME-1#', 'privileged', undefined],
    ['VG-CME-1(config)#', 'config', 'config'],
    ['VG-CME-1(ca-trustpoint)#', 'config', 'ca-trustpoint'],
    ['VG-CME-1(cs-server)#', 'config', 'cs-server'],
    ['VG-CME-1(config-voicecard)#', 'config', 'config-voicecard'],
    ['VG-CME-1(config-dspfarm-profile)#', 'config', 'config-dspfarm-profile'],
    ['VG-CME-1(config-sccp-ccm)#', 'config', 'config-sccp-ccm'],
    ['VG-CME-1(config-if)#', 'config', 'config-if'],
  ])('reads the CLI prompt %s', (prompt, kind, mode) => {
    const found = detectPrompt(`some output\r\n${prompt}`)
    expect(found?.kind).toBe(kind)
    expect(found?.hostname).toBe('VG-CME-1')
    expect(found?.mode).toBe(mode)
    expect(found?.text).toBe(prompt)
  })

  it.each([
    ['% Do you accept this certificate? [yes/no]: ', 'yes-no'],
    ['Request certificate from CA? [yes/no]: ', 'yes-no'],
    ['Password: ', 'password'],
    ['Re-enter password: ', 'password'],
    ['Username: ', 'username'],
    [' --More-- ', 'more'],
    ['Proceed with reload? [confirm]', 'confirm'],
  ])('reads the question %j', (line, kind) => {
    expect(detectPrompt(`text before\r\n${line}`)?.kind).toBe(kind)
  })

  it('keeps the default of a defaulted question', () => {
    expect(detectPrompt('% Include an IP address in the subject name? [no]: ')).toMatchObject({ kind: 'yes-no', defaultAnswer: 'no' })
    expect(detectPrompt('Destination filename [startup-config]? ')).toMatchObject({ kind: 'confirm', defaultAnswer: 'startup-config' })
  })

  it('finds the enrollment paste prompt, which ends with a newline', () => {
    const text = fixture('authenticate-cucm-pub.crlf.txt')
    const upToPaste = text.slice(0, text.indexOf('-----BEGIN'))
    expect(detectPrompt(upToPaste)?.kind).toBe('enrollment-paste')
  })

  it('is not fooled by output that merely mentions prompts or ends mid-line', () => {
    expect(detectPrompt('')).toBeNull()
    expect(detectPrompt('VG-CME-1#\r\n')).toBeNull()
    expect(detectPrompt('VG-CME-1#show sccp')).toBeNull()
    expect(detectPrompt('  Storage: nvram:testCA#1CA.cer')).toBeNull()
    expect(detectPrompt('Certificate has the following attributes:')).toBeNull()
    expect(detectPrompt('VG-CME-1(config)>')).toBeNull()
    expect(detectPrompt('VG-CME-1#\r\n*Feb 22 00:08:38.415: %PKI-6-CS_ENABLED: Certificate server now enabled.\r\n')).toBeNull()
  })

  it('reads prompts through ANSI colour and title escapes', () => {
    expect(detectPrompt(fixture('session-ansi.txt'))).toMatchObject({ kind: 'privileged', text: 'VG-CME-1#' })
    expect(detectPrompt('\x1b[1;32mVG-CME-1(config)#\x1b[0m ')).toMatchObject({ kind: 'config', mode: 'config' })
  })

  it('reads each prompt at the end of the verbatim transcripts', () => {
    expect(detectPrompt(fixture('authenticate-securecfb.txt'))?.kind).toBe('yes-no')
    expect(detectPrompt(fixture('cs-no-shutdown.txt'))).toMatchObject({ kind: 'config', mode: 'cs-server' })
    expect(detectPrompt(fixture('enroll-securecfb.crlf.txt'))).toMatchObject({ kind: 'config', mode: 'config' })
  })
})

describe('PromptTail', () => {
  it('finds a prompt split across chunks, including inside an escape sequence', () => {
    const tail = new PromptTail()
    const text =
      'Certificate has the following attributes:\r\n       Fingerprint MD5: 383BA13D C37D0E5D 9E9086E4 8C8D1E75\r\n\x1b[1m% Do you accept this certificate? [yes/no]: \x1b[0m'
    const results = [...text].map((ch) => tail.feed(ch))
    expect(results[results.length - 1]?.kind).toBe('yes-no')
    // Before the last bracket arrived the question was not complete.
    expect(results.slice(0, text.indexOf(']:')).every((r) => r === null || r.kind !== 'yes-no')).toBe(true)
  })

  it('feeds a whole fixture in uneven chunks and ends at the prompt', () => {
    const text = fixture('session-ansi.txt')
    const tail = new PromptTail(256)
    let last = null
    for (let i = 0; i < text.length; i += 7) last = tail.feed(text.slice(i, i + 7))
    expect(last).toMatchObject({ kind: 'privileged', hostname: 'VG-CME-1' })
    expect(tail.size).toBeLessThanOrEqual(256)
    expect(tail.text()).not.toContain('\x1b')
  })

  it('stays bounded and forgets a prompt once more output follows', () => {
    const tail = new PromptTail(1024)
    expect(tail.feed('VG-CME-1#')?.kind).toBe('privileged')
    expect(tail.feed('show ntp status\r\n')).toBeNull()
    tail.feed('x'.repeat(10_000))
    expect(tail.size).toBe(1024)
    tail.clear()
    expect(tail.size).toBe(0)
    expect(() => new PromptTail(10)).toThrow(RangeError)
  })

  it('sees the --More-- pager and then the prompt after the pager is erased', () => {
    const tail = new PromptTail()
    expect(tail.feed('line 1\r\n --More-- ')?.kind).toBe('more')
    expect(tail.feed('\b\b\b\b\b\b\b\b\b         \b\b\b\b\b\b\b\b\bline 2\r\nVG-CME-1#')?.kind).toBe('privileged')
  })
})
