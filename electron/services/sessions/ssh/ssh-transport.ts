/**
 * An interactive SSH shell to a router over ssh2: host-key check against the app's
 * known_hosts, login with questions asked through the session, a pty shell, and flow control
 * that holds the SSH window shut while the terminal is behind.
 */
import { readFile as fsReadFile } from 'node:fs/promises'
import { Socket } from 'node:net'
import ssh2 from 'ssh2'
import type { Client, ClientChannel, VerifyCallback } from 'ssh2'
import type { KnownHostsStore } from '../../known-hosts'
import { TransportBase } from '../transport'
import type { PromptAnswer, PromptRequest, TransportContext } from '../transport'
import type { AlgorithmOffer } from './algorithms'
import { algorithmOffer } from './algorithms'
import { SshAuthenticator } from './auth'
import { connectError, lostReason, negotiationError } from './errors'
import { verifyHostKey } from './host-verifier'
import { watchServerOffer } from './kexinit'
import { LoginTimer } from './login-timer'
import type { SshSpecParsed } from './spec'

export interface SshTransportDeps {
  readonly knownHosts: KnownHostsStore
  readonly readFile?: (path: string) => Promise<Buffer | string>
  /** The SSH agent's socket; SSH_AUTH_SOCK when omitted. */
  readonly agentSocket?: string
  /** How long the router may take at each login step (user think time excluded). Default 20 s. */
  readonly loginTimeoutMs?: number
}

const DEFAULT_LOGIN_TIMEOUT_MS = 20_000

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

export class SshTransport extends TransportBase {
  readonly title: string
  private client: Client | undefined
  private stream: ClientChannel | undefined
  private paused = false
  private closing = false
  private exitStatus: { code?: number; signal?: string } | undefined
  private linkError: Error | undefined
  private linkDown = false
  private cancelLogin: ((error: Error) => void) | undefined

  constructor(
    private readonly spec: SshSpecParsed,
    private readonly deps: SshTransportDeps,
  ) {
    super()
    this.title = `${spec.username}@${spec.host}${spec.port === 22 ? '' : `:${spec.port}`}`
  }

  private get endpoint(): { host: string; port: number } {
    return { host: this.spec.host, port: this.spec.port }
  }

  async open(ctx: TransportContext): Promise<void> {
    const knownTypes = await this.deps.knownHosts.keyTypesFor(this.spec.host, this.spec.port)
    const offer = algorithmOffer(this.spec.legacyAlgorithms, knownTypes)
    if (this.closing) throw new Error(`Connection to ${this.title} cancelled.`)
    const { client, stream } = await this.login(ctx, offer)
    this.client = client
    this.stream = stream
    this.attach(client, stream)
  }

  write(data: string | Uint8Array): void {
    if (!this.stream || this.hasExited) return
    this.stream.write(typeof data === 'string' ? data : Buffer.from(data))
  }

  resize(cols: number, rows: number): void {
    if (!this.stream || this.hasExited) return
    this.stream.setWindow(rows, cols, 0, 0)
  }

  pause(): void {
    this.paused = true
    this.stream?.pause()
    this.stream?.stderr.pause()
  }

  resume(): void {
    this.paused = false
    this.stream?.resume()
    this.stream?.stderr.resume()
  }

  close(): void {
    if (this.hasExited) return
    this.closing = true
    this.cancelLogin?.(new Error(`Connection to ${this.title} cancelled.`))
    this.stream?.close()
    this.client?.end()
    this.emitExit({ reason: 'Session closed.' })
  }

  /** Connects, verifies the host key, logs in and opens the shell; rejects with a message for the user. */
  private login(ctx: TransportContext, offer: AlgorithmOffer): Promise<{ client: Client; stream: ClientChannel }> {
    const { host, port } = this.endpoint
    const timeoutMs = this.deps.loginTimeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS
    return new Promise((resolve, reject) => {
      const client = new ssh2.Client()
      const sock = new Socket()
      let settled = false
      let connected = false
      let hostKeyError: Error | undefined

      const fail = (error: Error): void => {
        if (settled) return
        settled = true
        timer.stop()
        this.cancelLogin = undefined
        client.end()
        sock.destroy()
        reject(error)
      }
      const timer = new LoginTimer(timeoutMs, () => {
        const seconds = Math.round(timeoutMs / 1000)
        fail(
          connected
            ? new Error(`${host}:${port} did not complete the SSH login within ${seconds} s.`)
            : new Error(`Timed out connecting to ${host}:${port} after ${seconds} s — check the address and that the router is reachable.`),
        )
      })
      this.cancelLogin = fail
      const ask = async (request: PromptRequest): Promise<PromptAnswer> => {
        timer.hold()
        try {
          return await ctx.prompt(request)
        } finally {
          timer.release()
        }
      }
      const auth = new SshAuthenticator({
        spec: this.spec,
        ask,
        readFile: this.deps.readFile ?? ((path) => fsReadFile(path)),
        agentSocket: this.deps.agentSocket ?? process.env.SSH_AUTH_SOCK,
      })
      const explain = (error: Error): Error => {
        if (hostKeyError) return hostKeyError
        if (auth.failure) return auth.failure
        const level = 'level' in error ? error.level : undefined
        // ssh2 reports a DISCONNECT message from the server as an error whose code is the SSH reason number.
        const refused = 'code' in error && typeof error.code === 'number' ? auth.refusedBeforeDisconnect(error.message) : undefined
        if (refused) return refused
        if (level === 'client-authentication')
          return new Error(`Authentication failed for ${this.spec.username}@${host}: the router refused the login.`)
        if (level === 'handshake' && /no matching/i.test(error.message)) {
          return negotiationError(this.endpoint, error.message, offer, serverOffer.offer(), this.spec.legacyAlgorithms)
        }
        return connectError(this.endpoint, error)
      }

      client.on('error', (error) => fail(explain(error)))
      client.on('close', () => fail(hostKeyError ?? auth.failure ?? new Error(`${host}:${port} closed the connection during login.`)))
      client.on('ready', () => {
        client.shell({ term: 'xterm-256color', cols: ctx.cols, rows: ctx.rows, height: 0, width: 0 }, (error, stream) => {
          if (error) return fail(new Error(`The router refused to open a shell for ${this.title}: ${error.message}`))
          if (settled) {
            stream.close()
            return
          }
          settled = true
          timer.stop()
          this.cancelLogin = undefined
          client.removeAllListeners('error')
          client.removeAllListeners('close')
          resolve({ client, stream })
        })
      })
      sock.once('connect', () => {
        connected = true
      })

      // ssh2 must see a socket that is already connecting, or it would start writing at once.
      sock.connect({ host, port })
      client.connect({
        sock,
        username: this.spec.username,
        // Our own timer does this job, and stops while the user answers.
        readyTimeout: 0,
        keepaliveInterval: this.spec.keepaliveSeconds * 1000,
        keepaliveCountMax: 3,
        algorithms: {
          kex: offer.kex,
          serverHostKey: offer.serverHostKey,
          cipher: offer.cipher,
          hmac: offer.hmac,
        },
        hostVerifier: (key: Buffer, verify: VerifyCallback) => {
          verifyHostKey({ store: this.deps.knownHosts, host, port, ask }, key).then(
            () => verify(true),
            (error: unknown) => {
              hostKeyError = asError(error)
              verify(false)
            },
          )
        },
        authHandler: auth.handler,
      })
      // Added after ssh2 paused the socket, so this listener does not start the flow early.
      const serverOffer = watchServerOffer(sock)
    })
  }

  private attach(client: Client, stream: ClientChannel): void {
    const forward = (chunk: Buffer): void => {
      if (!this.hasExited) this.emitData(chunk)
    }
    stream.on('data', forward)
    stream.stderr.on('data', forward)
    if (this.paused) this.pause()
    stream.on('exit', (code: number | null, signal?: string) => {
      this.exitStatus = { code: code ?? undefined, signal }
    })
    // After a dropped link ssh2 closes the channel once its buffered bytes are read, so
    // nothing the router sent before it died is lost.
    stream.on('close', () => this.finish())
    client.on('error', (error) => {
      this.linkError ??= error
    })
    client.on('end', () => {
      this.linkDown = true
    })
    client.on('close', () => {
      this.linkDown = true
    })
  }

  private finish(): void {
    this.client?.end()
    if (this.closing) return
    const status = this.exitStatus
    if (status?.code !== undefined) {
      this.emitExit({ reason: `Session ended (exit status ${status.code}).`, exitCode: status.code })
    } else if (status?.signal) {
      this.emitExit({ reason: `Session ended by signal ${status.signal}.` })
    } else if (this.linkDown || this.linkError) {
      this.emitExit({ reason: lostReason(this.endpoint, this.linkError, this.spec.keepaliveSeconds), error: true })
    } else {
      this.emitExit({ reason: `${this.title} closed the session.` })
    }
  }
}
