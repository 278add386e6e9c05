/**
 * What the client offers during key exchange: ssh2's defaults for this runtime, plus the old
 * SHA-1 / CBC algorithms when the profile's "Legacy IOS algorithms" switch is on.
 */
import { getDiffieHellman } from 'node:crypto'
import type { CipherAlgorithm, KexAlgorithm, MacAlgorithm, ServerHostKeyAlgorithm } from 'ssh2'
import ssh2Constants from 'ssh2/lib/protocol/constants.js'
import { hostKeyAlgorithmsFor } from '../../known-hosts'

export interface AlgorithmOffer {
  readonly kex: KexAlgorithm[]
  readonly serverHostKey: ServerHostKeyAlgorithm[]
  readonly cipher: CipherAlgorithm[]
  readonly hmac: MacAlgorithm[]
}

type Lists = { readonly [K in keyof AlgorithmOffer]: readonly AlgorithmOffer[K][number][] }

export const LEGACY_ALGORITHMS: Lists = {
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1', 'diffie-hellman-group-exchange-sha1'],
  serverHostKey: ['ssh-rsa'],
  cipher: ['aes128-cbc', 'aes256-cbc', '3des-cbc'],
  hmac: ['hmac-sha1'],
}

const SUPPORTED: Lists = {
  kex: ssh2Constants.SUPPORTED_KEX,
  serverHostKey: ssh2Constants.SUPPORTED_SERVER_HOST_KEY,
  cipher: ssh2Constants.SUPPORTED_CIPHER,
  hmac: ssh2Constants.SUPPORTED_MAC,
}

/** For the UI next to the legacy switch. */
export const GROUP1_SHA1_UNAVAILABLE =
  "Electron's BoringSSL lacks the 1024-bit Oakley group (group 2) that diffie-hellman-group1-sha1 needs, " +
  'so this app cannot offer group1. Routers that offer only group1 need a newer key exchange: on IOS, ' +
  "'ip ssh dh min size 2048' enables diffie-hellman-group14-sha1."

/** The runtime's answer never changes, and asking computes the group (~50 ms): ask once. */
const dhGroups = new Map<string, boolean>()

function hasDhGroup(name: string): boolean {
  let known = dhGroups.get(name)
  if (known === undefined) {
    try {
      getDiffieHellman(name)
      known = true
    } catch {
      known = false
    }
    dhGroups.set(name, known)
  }
  return known
}

/** diffie-hellman-group1-sha1 needs the 1024-bit Oakley group 2 (Node: yes; Electron: no). */
export function supportsGroup1Sha1(): boolean {
  return hasDhGroup('modp2')
}

function runtimeSupports(name: string, supported: readonly string[]): boolean {
  if (name === 'diffie-hellman-group1-sha1') return supportsGroup1Sha1()
  if (name === 'diffie-hellman-group14-sha1') return hasDhGroup('modp14')
  return supported.includes(name)
}

function withLegacy<T extends string>(defaults: readonly T[], legacy: readonly T[], supported: readonly T[], on: boolean): T[] {
  const list = [...defaults]
  if (!on) return list
  for (const name of legacy) {
    if (!list.includes(name) && runtimeSupports(name, supported)) list.push(name)
  }
  return list
}

/**
 * The offer for one connection. Host-key algorithms for the key types already on record are
 * asked for first, so a host that has several keys shows the one we know (as OpenSSH does).
 */
export function algorithmOffer(legacy: boolean, knownKeyTypes: readonly string[] = []): AlgorithmOffer {
  const hostKeys = withLegacy(ssh2Constants.DEFAULT_SERVER_HOST_KEY, LEGACY_ALGORITHMS.serverHostKey, SUPPORTED.serverHostKey, legacy)
  const preferred = hostKeys.filter((name) => knownKeyTypes.flatMap(hostKeyAlgorithmsFor).includes(name))
  return {
    kex: withLegacy(ssh2Constants.DEFAULT_KEX, LEGACY_ALGORITHMS.kex, SUPPORTED.kex, legacy),
    serverHostKey: [...new Set([...preferred, ...hostKeys])],
    cipher: withLegacy(ssh2Constants.DEFAULT_CIPHER, LEGACY_ALGORITHMS.cipher, SUPPORTED.cipher, legacy),
    hmac: withLegacy(ssh2Constants.DEFAULT_MAC, LEGACY_ALGORITHMS.hmac, SUPPORTED.hmac, legacy),
  }
}
