import type forge from 'node-forge'
import {
  certificateFromPem,
  certificatePem,
  commonName,
  issueCertificate,
  nameAttributes,
  privateKeyFromPem,
  privateKeyPem,
  type NameAttribute,
} from './ca'
import { DAY_MS } from './clock'
import type { Ctx } from './context'
import { generateRsaKey } from './keygen'
import type { PkiServerConfig, RouterSnapshot, TrustpointConfig } from './state'

/** PKI facts shared by the certificate server, trustpoint and show commands. */

export const DEFAULT_KEY_BITS = 1024
export const DEFAULT_CA_LIFETIME_DAYS = 1095
export const DEFAULT_CERT_LIFETIME_DAYS = 365

export function isServerEnabled(server: PkiServerConfig | undefined): boolean {
  return !!server && !server.shutdown && !!server.caCertPem
}

export function enabledServerName(state: RouterSnapshot): string | undefined {
  return Object.keys(state.pkiServers).find((name) => isServerEnabled(state.pkiServers[name]))
}

export function localAddresses(state: RouterSnapshot): string[] {
  return state.interfaces.filter((i) => !i.shutdown && i.ipAddress).map((i) => i.ipAddress ?? '')
}

/**
 * The certificate server an enrollment URL reaches, if any: the URL must name one of this router's
 * up interfaces on port 80, the HTTP server must run, and the CA must be enabled.
 */
export function serverForUrl(state: RouterSnapshot, url: string | undefined): string | undefined {
  if (!url) return undefined
  const m = /^http:\/\/([^/:]+)(?::(\d+))?(?:\/.*)?$/i.exec(url)
  if (!m?.[1]) return undefined
  const port = m[2] ? Number(m[2]) : 80
  if (port !== 80 || !state.httpServer || !localAddresses(state).includes(m[1])) return undefined
  return enabledServerName(state)
}

export function keyLabelFor(state: RouterSnapshot, tpName: string): string {
  return state.trustpoints[tpName]?.rsakeypair ?? state.hostname
}

/** Loads a key pair by label, generating it (with the IOS messages) when it does not exist yet. */
export async function ensureKey(ctx: Ctx, label: string, bits: number, exportable: boolean): Promise<forge.pki.rsa.PrivateKey> {
  const existing = ctx.state.keys[label]
  if (existing) return privateKeyFromPem(existing.pem)
  return generateKeyNamed(ctx, label, bits, exportable)
}

export async function generateKeyNamed(ctx: Ctx, label: string, bits: number, exportable: boolean): Promise<forge.pki.rsa.PrivateKey> {
  ctx.line(`% Generating ${bits} bit RSA keys, keys will be ${exportable ? 'exportable' : 'non-exportable'}...`)
  const started = ctx.now()
  const generation = ctx.state.keyGenerations++
  const keys = await generateRsaKey(bits, ctx.stream(`rsa/${generation}`))
  const seconds = Math.max(0, Math.round((ctx.now().getTime() - started.getTime()) / 1000))
  ctx.line(`[OK] (elapsed time was ${seconds} seconds)`)
  ctx.state.keys[label] = { pem: privateKeyPem(keys.privateKey), bits, exportable, createdAt: ctx.now().toISOString() }
  return keys.privateKey
}

export function dnText(name: readonly NameAttribute[]): string {
  return name.map((a) => `${a.key}=${a.value}`).join(',')
}

/** Signs a certificate for `publicKey` with the named server's CA, capping its life at the CA's. */
export function issueFromServer(
  state: RouterSnapshot,
  serverName: string,
  publicKey: forge.pki.rsa.PublicKey,
  subject: readonly NameAttribute[],
  now: Date,
): string {
  const server = state.pkiServers[serverName]
  const key = state.keys[serverName]
  if (!server?.caCertPem || !key) throw new Error(`certificate server ${serverName} has no CA`)
  const ca = certificateFromPem(server.caCertPem)
  const lifetime = server.lifetimeCertificateDays ?? DEFAULT_CERT_LIFETIME_DAYS
  const wanted = new Date(Math.floor(now.getTime() / 1000) * 1000 + lifetime * DAY_MS)
  const notAfter = wanted > ca.validity.notAfter ? ca.validity.notAfter : wanted
  const serial = server.nextSerial++
  const cert = issueCertificate({
    ca,
    caKey: privateKeyFromPem(key.pem),
    publicKey,
    subject,
    notBefore: now,
    notAfter,
    hash: server.hash ?? 'sha1',
    serial,
  })
  const pem = certificatePem(cert)
  server.issued.push({ serial, subject: dnText(subject), pem })
  return pem
}

/** The trustpoints whose CA certificate is this PEM, in configuration order. */
export function trustpointsWithCa(state: RouterSnapshot, pem: string): string[] {
  return Object.keys(state.trustpoints).filter((name) => state.trustpoints[name]?.caCertPem === pem)
}

export function trustpointCn(tp: TrustpointConfig | undefined): string | undefined {
  return tp?.certPem ? commonName(certificateFromPem(tp.certPem)) : undefined
}

/** True when some trustpoint holds a CA certificate that this router's CA did not make: CUCM's. */
export function hasForeignTrust(state: RouterSnapshot): boolean {
  const own = new Set(
    Object.values(state.pkiServers)
      .map((s) => s.caCertPem)
      .filter((p) => p !== undefined),
  )
  return Object.values(state.trustpoints).some((tp) => tp.caCertPem !== undefined && !own.has(tp.caCertPem))
}

export function subjectOf(pem: string): NameAttribute[] {
  return nameAttributes(certificateFromPem(pem).subject)
}
