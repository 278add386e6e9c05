/**
 * Host-key checking against the app's known_hosts: first use asks and remembers, a changed key
 * asks loudly and refuses unless the user explicitly accepts the new key.
 */
import type { KnownHostsStore } from '../../known-hosts'
import { fingerprintSha256, keyTypeLabel, keyTypeOf } from '../../known-hosts'
import type { PromptAnswer, PromptRequest } from '../transport'

export interface HostCheck {
  readonly store: KnownHostsStore
  readonly host: string
  readonly port: number
  readonly ask: (request: PromptRequest) => Promise<PromptAnswer>
}

/** Resolves when the key may be trusted; rejects with the reason the connection is refused. */
export async function verifyHostKey(check: HostCheck, key: Buffer): Promise<void> {
  const { store, host, port, ask } = check
  const at = `${host}:${port}`
  const fingerprint = fingerprintSha256(key)
  const label = keyTypeLabel(keyTypeOf(key) ?? 'unknown')
  const status = await store.check(host, port, key)
  if (status.status === 'known') return
  if (status.status === 'revoked') {
    throw new Error(`Host key for ${at} (${label} ${fingerprint}) is marked @revoked in known_hosts — connection refused.`)
  }
  if (status.status === 'new') {
    const others = status.otherKeys.map((k) => `${keyTypeLabel(k.keyType)} ${k.fingerprint}`)
    const note = others.length > 0 ? `\nThis host already has a key of another type on record: ${others.join(', ')}.` : ''
    const answer = await ask({
      kind: 'host-key-new',
      title: 'Unknown host key',
      message:
        `The authenticity of ${at} can't be established.\n${label} key fingerprint is ${fingerprint}.${note}\n` +
        "Compare it with the router's 'show ip ssh' / 'show crypto key mypubkey rsa' before you accept.",
      fields: [],
      fingerprint,
    })
    if (answer.accept !== true) throw new Error(`Host key for ${at} (${label} ${fingerprint}) was not accepted — connection refused.`)
    await store.add(host, port, key)
    return
  }
  const onRecord = status.recorded.map((k) => `${k.fingerprint} (line ${k.line})`).join(', ')
  const answer = await ask({
    kind: 'host-key-changed',
    title: 'WARNING: HOST KEY HAS CHANGED',
    message:
      `The ${label} host key of ${at} is NOT the one on record.\n` +
      'Someone could be intercepting this connection (man-in-the-middle), or the router got a new key ' +
      '(crypto key generate rsa, a replaced chassis, write erase).\n' +
      `Key on record:  ${onRecord}\nKey offered now: ${fingerprint}\n` +
      'Accept only if you know why the key changed: the new key replaces the old one.',
    fields: [],
    fingerprint,
  })
  if (answer.accept !== true) {
    throw new Error(`Host key for ${at} has CHANGED (now ${label} ${fingerprint}, on record ${onRecord}) — connection refused.`)
  }
  await store.replace(host, port, key)
}
