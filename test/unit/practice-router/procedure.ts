import type { RouterDriver } from './driver'

export const CA_IP = '10.10.10.1'
export const NTP_IP = '10.10.10.5'
export const CUCM_IP = '10.10.10.20'

/** Steps 1-3 of Task 1: NTP, HTTP server, certificate server settings, the CA's trustpoint. */
export async function configureCa(d: RouterDriver): Promise<void> {
  await d.lines('enable', 'configure terminal', `ntp server ${NTP_IP}`, 'ip http server')
  await d.lines('crypto pki server testCA', 'database level complete', 'database url nvram:', 'grant auto', 'lifetime certificate 1800')
  await d.lines('crypto pki trustpoint testCA', `enrollment url http://${CA_IP}:80`, 'revocation-check none', 'rsakeypair testCA')
}

/** Step 4, once NTP has synced: returns everything printed by `no shutdown` and its dialog. */
export async function enableCa(d: RouterDriver, passphrase = 'cisco123'): Promise<string> {
  await d.until('do show ntp status', (out) => out.includes('Clock is synchronized'))
  return d.lines('crypto pki server testCA', 'no shutdown', passphrase, passphrase)
}

/** Step 5. */
export async function configureBridgeTrustpoint(d: RouterDriver, cn = 'SecureCFB'): Promise<void> {
  await d.lines(
    'crypto pki trustpoint SecureCFB',
    `enrollment url http://${CA_IP}:80`,
    'serial-number none',
    'fqdn none',
    'ip-address none',
    `subject-name cn=${cn}`,
    'revocation-check none',
    'rsakeypair SecureCFB',
  )
}

/**
 * Makes the bridge's key exportable before enrollment would make a non-exportable one, for tests
 * that export it with `pem terminal 3des` (IOS refuses to export a non-exportable key).
 */
export async function exportableBridgeKey(d: RouterDriver): Promise<string> {
  return d.line('crypto key generate rsa general-keys label SecureCFB modulus 1024 exportable')
}

/** Step 6 then step 7; waits for the certificate to arrive. Returns the output of both. */
export async function authenticateAndEnroll(d: RouterDriver): Promise<{ authenticate: string; enroll: string }> {
  const authenticate = await d.lines('crypto pki authenticate SecureCFB', 'yes')
  const from = d.output.length
  const enroll = await d.lines('crypto pki enroll SecureCFB', 'challenge1', 'challenge1', 'yes')
  await d.waitFor('%PKI-6-CERTRET: Certificate received from Certificate Authority', from)
  return { authenticate, enroll }
}

/** Steps 1-7 in order: the CA configured and running, the bridge trustpoint authenticated and enrolled. */
export async function enrollBridge(d: RouterDriver): Promise<{ authenticate: string; enroll: string }> {
  await configureCa(d)
  await enableCa(d)
  await configureBridgeTrustpoint(d)
  return authenticateAndEnroll(d)
}

/** Step 9: CUCM's certificate pasted into an `enrollment terminal` trustpoint. */
export async function importCucm(d: RouterDriver, pem: string): Promise<string> {
  await d.lines('crypto pki trustpoint cucm-pub', 'enrollment terminal', 'revocation-check none')
  let out = await d.line('crypto pki authenticate cucm-pub')
  // A terminal sends pasted newlines as carriage returns.
  out += await d.send(`${pem.trim().replace(/\n/g, '\r')}\r\r`)
  out += await d.line('yes')
  return out
}

/**
 * Step 12, in config mode. `register` is a parameter because the lesson is that it must equal the
 * certificate CN; `ccmIp` is the CUCM node the bridge registers with.
 */
export async function configureBridge(d: RouterDriver, { register = 'SecureCFB', ccmIp = CUCM_IP } = {}): Promise<void> {
  await d.lines('voice-card 0', 'dsp service dspfarm')
  await d.lines(
    'dspfarm profile 666 conference security',
    'trustpoint SecureCFB',
    'codec g711ulaw',
    'codec g711alaw',
    'codec g729r8',
    'maximum sessions 4',
    'associate application SCCP',
  )
  await d.lines('sccp local GigabitEthernet0/1', `sccp ccm ${ccmIp} identifier 666 version 7.0+`, 'sccp')
  await d.lines('sccp ccm group 666', 'associate ccm 666 priority 1', `associate profile 666 register ${register}`)
  await d.lines('dspfarm profile 666 conference security', 'no shutdown', 'end')
}

/** Pulls PEM blocks that follow a `%` label in `crypto pki export` output. */
export function exportedBlocks(out: string): Record<string, string> {
  const blocks: Record<string, string> = {}
  const text = out.replace(/\r\n/g, '\n')
  const re = /-----BEGIN ([A-Z ]+)-----\n[\s\S]*?-----END \1-----\n/g
  let label = ''
  let last = 0
  for (const m of text.matchAll(re)) {
    const before = text.slice(last, m.index)
    const labels = [...before.matchAll(/^% ([^:\n]+):/gm)]
    const found = labels[labels.length - 1]?.[1]
    if (found) label = found
    blocks[`${label}/${m[1]}`] = m[0]
    last = m.index + m[0].length
  }
  return blocks
}
