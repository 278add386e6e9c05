/**
 * One HTTPS agent per CUCM node whose connections are trusted only when the node presents the
 * pinned tomcat certificate (SHA-256 of the DER). CUCM's tomcat certificate is usually
 * self-signed and named for the host, not the address we dial, so CA and name checks would refuse
 * every lab: the pin replaces both. Nothing is written on a connection until the pin matched.
 */
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
import type { Duplex } from 'node:stream'
import { CucmError } from './errors'
import type { CertPinStore } from './cert-pins'

export interface PresentedCertificate {
  readonly sha256: string
  readonly subject: string
  readonly issuer: string
  readonly validTo: string
  readonly pem: string
}

export interface NodeAddress {
  readonly host: string
  readonly port: number
}

/** "200 ms", "30 s". */
export function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`
}

export function nodeLabel(node: NodeAddress): string {
  return `${node.host}:${node.port}`
}

function describeName(name: tls.Certificate | undefined): string {
  if (!name) return ''
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ')
}

function presented(socket: tls.TLSSocket): PresentedCertificate | undefined {
  const cert = socket.getPeerCertificate()
  if (!cert || !cert.raw) return undefined
  const base64 = cert.raw.toString('base64').replace(/.{1,64}/g, '$&\n')
  return {
    sha256: cert.fingerprint256,
    subject: describeName(cert.subject),
    issuer: describeName(cert.issuer),
    validTo: cert.valid_to,
    pem: `-----BEGIN CERTIFICATE-----\n${base64}-----END CERTIFICATE-----\n`,
  }
}

/** Opens a TLS connection and resolves once the handshake is done, with what the node presented. */
export function tlsConnect(node: NodeAddress, timeoutMs: number): Promise<{ socket: tls.TLSSocket; certificate: PresentedCertificate }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: node.host,
      port: node.port,
      // SNI only for names; an address as SNI is not allowed (RFC 6066 §3).
      ...(net.isIP(node.host) ? {} : { servername: node.host }),
      rejectUnauthorized: false,
    })
    const fail = (error: Error): void => {
      clearTimeout(timer)
      socket.destroy()
      reject(error)
    }
    const timer = setTimeout(() => {
      fail(
        new CucmError({
          kind: 'timeout',
          node: nodeLabel(node),
          message: `No TLS answer from ${node.host} port ${node.port} within ${duration(timeoutMs)}.`,
          hint: 'Check the address and port (CUCM serves its APIs on 8443), and that a firewall lets this computer reach it.',
        }),
      )
    }, timeoutMs)
    socket.once('error', (error: NodeJS.ErrnoException) => {
      fail(
        new CucmError({
          kind: 'network',
          node: nodeLabel(node),
          message: `Could not connect to ${node.host} port ${node.port}: ${error.code ?? error.message}.`,
          hint:
            error.code === 'ECONNREFUSED'
              ? 'Nothing listens there: check the port (8443) and that Cisco Tomcat runs on the node.'
              : 'Check the address, the port and the network path.',
        }),
      )
    })
    socket.once('secureConnect', () => {
      clearTimeout(timer)
      socket.removeAllListeners('error')
      const certificate = presented(socket)
      if (!certificate) {
        socket.destroy()
        reject(new CucmError({ kind: 'network', node: nodeLabel(node), message: `${nodeLabel(node)} presented no certificate.` }))
        return
      }
      resolve({ socket, certificate })
    })
  })
}

/** What a node presents, without trusting it: for showing the fingerprint before it is pinned. */
export async function probeCertificate(node: NodeAddress, timeoutMs: number): Promise<PresentedCertificate> {
  const { socket, certificate } = await tlsConnect(node, timeoutMs)
  socket.destroy()
  return certificate
}

export class PinnedAgent extends https.Agent {
  constructor(
    private readonly node: NodeAddress,
    private readonly pins: CertPinStore,
    private readonly connectTimeoutMs: number,
  ) {
    super({ keepAlive: true, maxSockets: 4 })
  }

  override createConnection(
    _options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    void this.connect().then(
      (socket) => callback?.(null, socket),
      (error: Error) => callback?.(error, undefined as unknown as Duplex),
    )
    return undefined
  }

  private async connect(): Promise<tls.TLSSocket> {
    const { socket, certificate } = await tlsConnect(this.node, this.connectTimeoutMs)
    const status = await this.pins.check(this.node.host, this.node.port, certificate.sha256)
    if (status.status === 'known') return socket
    socket.destroy()
    if (status.status === 'new') {
      throw new CucmError({
        kind: 'new-certificate',
        node: nodeLabel(this.node),
        fingerprint: certificate.sha256,
        message: `${nodeLabel(this.node)} is not trusted yet: its certificate (${certificate.subject}) has SHA-256 ${certificate.sha256}.`,
        hint: 'Compare the fingerprint with CUCM OS Administration → Certificate Management → tomcat, then trust it.',
      })
    }
    throw new CucmError({
      kind: 'changed-certificate',
      node: nodeLabel(this.node),
      fingerprint: certificate.sha256,
      message: `The certificate of ${nodeLabel(this.node)} CHANGED: it was ${status.recorded.sha256}, it is now ${certificate.sha256} (${certificate.subject}). Nothing was sent.`,
      hint: 'If the tomcat certificate was regenerated or renewed on purpose, accept the new one explicitly; otherwise someone may be in between.',
    })
  }
}
