import { afterEach, describe, expect, it } from 'vitest'
import { practiceCucmCertificate } from '../../../electron/services/practice-router'
import { RouterDriver } from './driver'
import { configureBridge, configureBridgeTrustpoint, configureCa, enableCa, enrollBridge, importCucm } from './procedure'

const INVALID = "% Invalid input detected at '^' marker."
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function caretLine(column: number): string {
  return `${' '.repeat(column)}^\r\n${INVALID}\r\n\r\n`
}

describe('practice router CLI errors', () => {
  let d: RouterDriver
  afterEach(() => d.dispose())

  it('puts the caret under the first character that does not match, counting the prompt', async () => {
    d = new RouterDriver({ seed: 'errors' })
    await d.line('enable')
    // "VG-CME-1#" is 9 columns, "show " 5 more.
    expect(await d.line('show foo')).toBe(`show foo\r\n${caretLine(14)}VG-CME-1#`)
    await d.line('conf t')
    // "VG-CME-1(config)#" is 17 columns; "hostn" matches "hostname", the 'm' does not.
    expect(await d.line('hostnme R1')).toBe(`hostnme R1\r\n${caretLine(22)}VG-CME-1(config)#`)
    // A parameter of the wrong type is marked at its start.
    expect(await d.line('ntp server 999.1.1.1')).toBe(`ntp server 999.1.1.1\r\n${caretLine(28)}VG-CME-1(config)#`)
    expect(await d.line('interface gi0/9')).toContain(caretLine(27))
  })

  it('rejects commands typed in the wrong mode', async () => {
    d = new RouterDriver({ seed: 'errors' })
    expect(await d.line('conf t')).toContain(`\r\n${caretLine(9)}VG-CME-1>`)
    expect(await d.line('hello')).toContain('% Unknown command or computer name, or unable to find computer address')
    await d.lines('enable')
    expect(await d.line('ntp server 10.1.1.1')).toContain(caretLine(9))
    await d.line('configure terminal')
    // In configuration mode "s" still matches "sccp", so the caret lands on the 'h'.
    expect(await d.line('show running-config')).toContain(caretLine(18))
    expect(await d.line('do show running-config')).toContain('Building configuration...')
  })

  it('reports ambiguous and incomplete commands', async () => {
    d = new RouterDriver({ seed: 'errors' })
    await d.line('enable')
    expect(await d.line('sh c')).toBe('sh c\r\n% Ambiguous command:  "sh c"\r\nVG-CME-1#')
    expect(await d.line('sh')).toBe('sh\r\n% Incomplete command.\r\n\r\nVG-CME-1#')
    await d.line('conf t')
    expect(await d.line('crypto pki server')).toContain('% Incomplete command.')
    expect(await d.line('sccp ccm 10.1.1.1 identifier 5')).toContain('% Incomplete command.')
  })

  it('answers ? with the commands of the mode and word? with completions', async () => {
    d = new RouterDriver({ seed: 'errors' })
    await d.line('enable')
    const top = await d.send('?')
    expect(top).toMatch(/^\?\r\nExec commands:\r\n/)
    expect(top).toMatch(/\r\n {2}configure +Enter configuration mode\r\n/)
    expect(top.endsWith('\r\n\r\nVG-CME-1#')).toBe(true)
    expect(await d.send('sh?')).toBe('sh?\r\nshow  \r\n\r\nVG-CME-1#sh')
    const show = await d.send('ow crypto pki ?')
    expect(show).toMatch(
      / {2}certificates +Show certificates\r\n {2}server +Show Certificate Server status\r\n {2}trustpoints +Show trustpoints\r\n/,
    )
    expect(show.endsWith('VG-CME-1#show crypto pki ')).toBe(true)
    expect(await d.send('server ?')).toContain('  <cr>')
    await d.send('\x15')
    await d.line('conf t')
    await d.line('crypto pki trustpoint T1')
    const sub = await d.send('?')
    expect(sub).toContain('CA trustpoint configuration commands:')
    expect(sub).toMatch(/ {2}enrollment +Enrollment parameters/)
    expect(sub).not.toContain('  hostname')
    expect(await d.send('\x15do show cl?')).toContain('clock')
  })

  it('edits the line: backspace, Tab completion, Ctrl-Z, Ctrl-C, history', async () => {
    d = new RouterDriver({ seed: 'errors' })
    await d.line('enable')
    const edited = await d.send('shox\x7fw clock\r')
    expect(edited.startsWith('shox\b \bw clock\r\n')).toBe(true)
    expect(edited.slice('shox\b \bw clock\r\n'.length)).toMatch(/^\*\d\d:\d\d:\d\d\.\d{3} UTC \w{3} \w{3} \d+ \d{4}\r\nVG-CME-1#$/)
    expect(await d.send('sh\t')).toBe('show ')
    await d.send('\x15')
    await d.line('conf t')
    await d.line('crypto pki trustpoint T1')
    const ctrlZ = await d.send('\x1a')
    expect(ctrlZ).toMatch(/^\^Z\r\nVG-CME-1#\r\n\*\w{3} \d+ [\d:.]+: %SYS-5-CONFIG_I: Configured from console by console\r\nVG-CME-1#$/)
    await d.line('conf t')
    expect(await d.send('\x03')).toContain('^C\r\nVG-CME-1#')
    expect(await d.send('\x1b[A')).toBe('conf t')
  })

  it('processes a pasted block line by line, echoing each after its prompt', async () => {
    d = new RouterDriver({ seed: 'errors' })
    const out = await d.send(
      'enable\nconfigure terminal\r\nhostname LAB2\rinterface gi0/2\nip address 192.0.2.1 255.255.255.0\nno shutdown\nntp server 192.0.2.10\nend\n',
    )
    expect(out.startsWith('enable\r\nVG-CME-1#configure terminal\r\n')).toBe(true)
    expect(out).toContain(
      'VG-CME-1(config)#hostname LAB2\r\nLAB2(config)#interface gi0/2\r\nLAB2(config-if)#ip address 192.0.2.1 255.255.255.0\r\nLAB2(config-if)#no shutdown\r\n',
    )
    // A global command in a sub-mode leaves the sub-mode, as IOS does.
    expect(out).toContain('LAB2(config-if)#ntp server 192.0.2.10\r\nLAB2(config)#end\r\nLAB2#')
    const brief = await d.line('show ip interface brief')
    expect(brief).toMatch(/GigabitEthernet0\/2 +192\.0\.2\.1 +YES manual up +up/)
  })

  it('refuses to start the certificate server before NTP has synchronized the clock', async () => {
    d = new RouterDriver({ seed: 'errors', ntpSyncDelayMs: 60_000 })
    await configureCa(d)
    expect(await d.line('do show clock')).toMatch(/^do show clock\r\n\*/)
    expect(await d.line('do show ntp status')).toContain('Clock is unsynchronized, stratum 16, no reference clock')
    const out = await d.lines('crypto pki server testCA', 'no shutdown')
    expect(out).toContain(
      '%PKI-2-NON_AUTHORITATIVE_CLOCK: PKI functions can not be initialized until an authoritative time source, like NTP, can be obtained.',
    )
    expect(out).not.toContain('Password:')
    const server = await d.line('do show crypto pki server')
    expect(server).toContain('    Status: disabled')
    expect(server).toContain('    CA cert fingerprint: -Not found-')
  })

  it('refuses to enroll before the CA is authenticated, and to authenticate an unreachable CA', async () => {
    d = new RouterDriver({ seed: 'errors' })
    await configureCa(d)
    await configureBridgeTrustpoint(d)
    expect(await d.line('crypto pki authenticate SecureCFB')).toContain(
      '% Error in receiving Certificate Authority certificate: status = FAIL, cert length = 0',
    )
    await enableCa(d)
    expect(await d.line('crypto pki enroll SecureCFB')).toContain(
      '% You must authenticate the Certificate Authority before you can enroll with it.',
    )
    await d.lines('crypto pki trustpoint Elsewhere', 'enrollment url http://10.99.99.99:80')
    expect(await d.line('crypto pki authenticate Elsewhere')).toContain('status = FAIL')
    expect(await d.line('crypto pki export SecureCFB pem terminal')).toContain('% The specified trustpoint is not enrolled (SecureCFB).')
  })

  it('rejects a damaged pasted certificate and leaves the trustpoint unauthenticated', async () => {
    d = new RouterDriver({ seed: 'errors' })
    await d.lines('enable', 'conf t', 'crypto pki trustpoint cucm-pub', 'enrollment terminal', 'exit')
    const pem = practiceCucmCertificate('errors').pem.trim().split('\n')
    const paste = async (lines: string[]): Promise<string> => {
      let out = await d.line('crypto pki authenticate cucm-pub')
      out += await d.send(`${lines.join('\r')}\r\r`)
      return out
    }
    const badChar = [...pem]
    badChar[3] = `${badChar[3]?.slice(0, 10)}#${badChar[3]?.slice(11)}`
    const bad = await paste(badChar)
    expect(bad).toContain('% Error in receiving Certificate Authority certificate.')
    expect(bad).toContain("Error reading certificate (invalid base64 character '#')")
    expect(bad).not.toContain('Do you accept')
    const truncated = await paste([...pem.slice(0, 6), pem[pem.length - 1] ?? ''])
    expect(truncated).toContain('Error reading certificate')
    const empty = await d.lines('crypto pki authenticate cucm-pub', 'quit')
    expect(empty).toContain('Error reading certificate (no certificate data)')
    expect(await d.line('do show crypto pki trustpoints')).toContain('Trustpoint cucm-pub:\r\n    Not authenticated.')
    // The same paste, intact, is accepted; answering "no" keeps it out.
    const refused = await paste(pem)
    expect(refused).toContain('% Do you accept this certificate? [yes/no]: ')
    expect(await d.line('no')).toContain('% Certificate not accepted.')
    expect(await d.line('do show crypto pki trustpoints')).toContain('Not authenticated.')
  })

  it('keeps the profile NOT ASSOCIATED while the register name differs from the certificate CN', async () => {
    d = new RouterDriver({ seed: 'errors' })
    await enrollBridge(d)
    await importCucm(d, practiceCucmCertificate('errors').pem)
    await configureBridge(d, { register: 'SecureBridge' })
    await sleep(200)
    const wrong = await d.line('show dspfarm profile 666')
    expect(wrong).toContain(' Profile Operation State : RESOURCE ALLOCATED\r\n')
    expect(wrong).toContain(' Application : SCCP   Status : NOT ASSOCIATED\r\n')
    const sccp = await d.line('show sccp')
    expect(sccp).toContain('TCP Link Status: NOT_CONNECTED')
    expect(sccp).toContain('Active Call Manager: NONE')
    // CUCM upper-cases device names: the comparison ignores case.
    await d.lines('conf t', 'sccp ccm group 666', 'associate profile 666 register SECURECFB', 'end')
    const fixed = await d.until('show dspfarm profile 666', (out) => out.includes('ACTIVE'))
    expect(fixed).toContain(' Application : SCCP   Status : ASSOCIATED\r\n')
    // Shutting the profile drops the registration at once.
    await d.lines('conf t', 'dspfarm profile 666 conference security', 'shutdown', 'end')
    expect(await d.line('show dspfarm profile 666')).toContain(' Profile Operation State : DOWN\r\n')
  })

  it('asks for the enable password when one is set', async () => {
    d = new RouterDriver({ seed: 'errors' })
    await d.lines('enable', 'conf t', 'enable password lab', 'end', 'disable')
    const ok = await d.lines('enable', 'lab')
    expect(ok).toContain('Password: ')
    expect(ok).not.toContain('lab\r\n')
    expect(ok.endsWith('VG-CME-1#')).toBe(true)
    await d.line('disable')
    const bad = await d.lines('enable', 'x', 'y', 'z')
    expect(bad).toContain('% Bad passwords')
    expect(bad.endsWith('VG-CME-1>')).toBe(true)
  })
})
