import { describe, expect, it } from 'vitest'
import { iosErrors, parseIosMessages } from '../../../shared/ios/messages'
import { fixture } from './fixture'

describe('parseIosMessages', () => {
  it('classifies the errors in the fixture, with the caret position of an invalid input', () => {
    const messages = parseIosMessages(fixture('errors.txt'))
    expect(messages.map((m) => m.code)).toEqual([
      'invalid-input',
      'incomplete-command',
      'ambiguous-command',
      'non-authoritative-clock',
      'ca-retrieval-failed',
      'must-authenticate-first',
    ])
    const [invalid] = messages
    expect(invalid?.command).toBe('VG-CME-1(config)#crypto pki trustpont SecureCFB')
    expect(invalid?.caretColumn).toBe(invalid?.command?.indexOf('trustpont'))
    const clock = messages.find((m) => m.code === 'non-authoritative-clock')
    expect(clock).toMatchObject({ severity: 'error', facility: 'PKI', syslogSeverity: 2, mnemonic: 'NON_AUTHORITATIVE_CLOCK' })
  })

  it('reads the DOMAIN.md messages verbatim', () => {
    const codes = (line: string): string[] => parseIosMessages(line).map((m) => m.code)
    expect(codes("% Invalid input detected at '^' marker.")).toEqual(['invalid-input'])
    expect(codes('% Incomplete command.')).toEqual(['incomplete-command'])
    expect(codes('% Ambiguous command:  "show c"')).toEqual(['ambiguous-command'])
    expect(
      codes(
        '%PKI-2-NON_AUTHORITATIVE_CLOCK: PKI functions can not be initialized until an authoritative time source, like NTP, can be obtained.',
      ),
    ).toEqual(['non-authoritative-clock'])
    expect(codes('% Certificate Server enabled.')).toEqual(['cs-enabled'])
    expect(codes('% Certificate successfully imported')).toEqual(['certificate-imported'])
  })

  it('reports successes in the transcripts, and no errors where there are none', () => {
    expect(parseIosMessages(fixture('cs-no-shutdown.txt')).map((m) => m.code)).toContain('cs-enabled')
    expect(parseIosMessages(fixture('cs-no-shutdown.txt')).map((m) => m.code)).toContain('cs-enabled-syslog')
    expect(iosErrors(fixture('cs-no-shutdown.txt'))).toEqual([])
    const imported = parseIosMessages(fixture('authenticate-cucm-pub.crlf.txt')).map((m) => m.code)
    expect(imported).toEqual(['question', 'ca-certificate-accepted', 'certificate-imported'])
    const enrolled = parseIosMessages(fixture('enroll-securecfb.crlf.txt')).map((m) => m.code)
    expect(enrolled).toContain('certificate-request-sent')
    expect(enrolled).toContain('certificate-received')
  })

  it('reads syslog lines with a sequence number or without timestamps, and unknown ones generically', () => {
    const [m] = parseIosMessages('000123: *Feb 22 00:08:38.415 UTC: %SYS-5-CONFIG_I: Configured from console by console')
    expect(m).toMatchObject({ code: 'syslog', severity: 'info', facility: 'SYS', mnemonic: 'CONFIG_I' })
    expect(parseIosMessages('%LINK-3-UPDOWN: Interface Gi0/1, changed state to down')[0]?.severity).toBe('error')
    expect(parseIosMessages('% Something new the router says')[0]).toMatchObject({ code: 'other', severity: 'info' })
  })

  it('returns nothing for garbage', () => {
    expect(parseIosMessages('')).toEqual([])
    expect(parseIosMessages('\x00\x01 random ^ text %')).toEqual([])
    expect(parseIosMessages(42 as unknown as string)).toEqual([])
  })
})
