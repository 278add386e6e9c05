/**
 * Drives ssh2's authHandler: asks the user for passwords, keyboard-interactive answers and key
 * passphrases only when the server needs them, retries a refused password like OpenSSH does
 * (three tries in all), and keeps nothing once the answer has been sent.
 */
import { homedir } from 'node:os'
import type { AnyAuthMethod, AuthenticationType, AuthHandlerMiddleware, KeyboardInteractiveCallback, ParsedKey, Prompt } from 'ssh2'
import ssh2 from 'ssh2'
import type { PromptAnswer, PromptRequest } from '../transport'
import type { SshSpecParsed } from './spec'

/** OpenSSH's NumberOfPasswordPrompts. */
export const PASSWORD_TRIES = 3

export interface AuthOptions {
  readonly spec: SshSpecParsed
  /** Ask the user; the transport stops its login timer while the question is open. */
  readonly ask: (request: PromptRequest) => Promise<PromptAnswer>
  readonly readFile: (path: string) => Promise<Buffer | string>
  /** Path of the agent's socket (SSH_AUTH_SOCK). */
  readonly agentSocket: string | undefined
}

type Secretive = 'password' | 'keyboard-interactive'
/** ssh2 documents `false` as "no more methods to try"; its type definitions leave it out. */
type NextOrGiveUp = (auth: AnyAuthMethod | false) => void

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? `${homedir()}${path.slice(1)}` : path
}

function firstKey(parsed: ParsedKey | ParsedKey[] | Error): ParsedKey | Error {
  if (Array.isArray(parsed)) return parsed[0] ?? new Error('the file holds no key')
  return parsed
}

export class SshAuthenticator {
  /** Why login failed, in words for the user; set before ssh2 is told to give up. */
  failure: Error | undefined
  private secretTries = 0
  private keyTried = false
  private agentTried = false
  private readonly who: string

  constructor(private readonly options: AuthOptions) {
    const { spec } = options
    this.who = `${spec.username}@${spec.host}`
  }

  readonly handler: AuthHandlerMiddleware = (authsLeft, partialSuccess, next) => {
    const proceed = next as NextOrGiveUp
    this.next(authsLeft, partialSuccess).then(proceed, (error: unknown) => {
      this.failure = error instanceof Error ? error : new Error(String(error))
      proceed(false)
    })
  }

  /**
   * The words for a server that hung up during login (IOS does after its authentication
   * retries): what it last refused, or undefined if nothing was tried yet.
   */
  refusedBeforeDisconnect(serverSaid: string): Error | undefined {
    const suffix = serverSaid ? ` (${serverSaid})` : ''
    if (this.secretTries > 0) return this.fail(`the router refused the password${suffix}`)
    if (this.keyTried) return this.fail(`the router did not accept the key ${this.options.spec.privateKeyPath ?? ''}${suffix}`)
    if (this.agentTried) return this.fail(`the router accepted none of the keys in the SSH agent${suffix}`)
    return undefined
  }

  private fail(why: string): Error {
    return new Error(`Authentication failed for ${this.who}: ${why}`)
  }

  private async next(authsLeft: AuthenticationType[] | null, partialSuccess: boolean | null): Promise<AnyAuthMethod> {
    if (this.failure) throw this.failure
    const username = this.options.spec.username
    // The first try is "none": the answer lists the methods this server takes.
    if (authsLeft === null) return { type: 'none', username }
    const wanted = this.options.spec.auth
    if (partialSuccess || wanted === 'password' || wanted === 'keyboard-interactive') {
      return this.secretMethod(authsLeft, wanted === 'keyboard-interactive' ? 'keyboard-interactive' : 'password')
    }
    if (wanted === 'publickey') return this.keyMethod(authsLeft)
    return this.agentMethod(authsLeft)
  }

  private notOffered(method: string, authsLeft: readonly AuthenticationType[]): Error {
    const offered = authsLeft.filter((name) => name !== 'none').join(', ') || 'nothing'
    return this.fail(`the router does not allow ${method} login (it offers: ${offered})`)
  }

  private async secretMethod(authsLeft: readonly AuthenticationType[], preferred: Secretive): Promise<AnyAuthMethod> {
    const other: Secretive = preferred === 'password' ? 'keyboard-interactive' : 'password'
    const method = authsLeft.includes(preferred) ? preferred : authsLeft.includes(other) ? other : undefined
    if (!method) throw this.notOffered('password', authsLeft)
    if (this.secretTries >= PASSWORD_TRIES) throw this.fail('the router refused the password')
    const retry = this.secretTries > 0
    this.secretTries += 1
    const username = this.options.spec.username
    if (method === 'keyboard-interactive') {
      return { type: 'keyboard-interactive', username, prompt: (...args) => this.answerQuestions(retry, ...args) }
    }
    const answer = await this.options.ask({
      kind: 'secret',
      title: 'SSH password',
      message: `${retry ? 'Permission denied, please try again.\n' : ''}Password for ${this.who}:`,
      fields: [{ label: 'Password', echo: false }],
    })
    const password = answer.answers?.[0]
    if (password === undefined) throw new Error(`Login to ${this.who} cancelled.`)
    return { type: 'password', username, password }
  }

  private answerQuestions(
    retry: boolean,
    name: string,
    instructions: string,
    _lang: string,
    prompts: Prompt[],
    finish: KeyboardInteractiveCallback,
  ): void {
    // Servers may send an empty round (OpenSSH does after PAM succeeds): nothing to ask.
    if (prompts.length === 0) {
      finish([])
      return
    }
    const intro = instructions.trim() || `${this.who} asks:`
    this.options
      .ask({
        kind: 'questions',
        title: name.trim() || 'User Access Verification',
        message: retry ? `Permission denied, please try again.\n${intro}` : intro,
        fields: prompts.map((p) => ({ label: p.prompt, echo: p.echo ?? false })),
      })
      .then((answer) => {
        if (answer.answers === undefined) this.failure = new Error(`Login to ${this.who} cancelled.`)
        // An empty reply makes the server fail this round; the handler then reports `failure`.
        finish(answer.answers ? [...answer.answers] : [])
      })
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error : new Error(String(error))
        finish([])
      })
  }

  private async keyMethod(authsLeft: readonly AuthenticationType[]): Promise<AnyAuthMethod> {
    const path = this.options.spec.privateKeyPath
    if (this.keyTried) throw this.fail(`the router did not accept the key ${path ?? ''}`.trim())
    if (!authsLeft.includes('publickey')) throw this.notOffered('public key', authsLeft)
    this.keyTried = true
    return { type: 'publickey', username: this.options.spec.username, key: await this.loadKey() }
  }

  private agentMethod(authsLeft: readonly AuthenticationType[]): AnyAuthMethod {
    const socket = this.options.agentSocket
    if (!socket) throw new Error('SSH agent login needs a running agent, and SSH_AUTH_SOCK is not set.')
    if (this.agentTried) throw this.fail('the router accepted none of the keys in the SSH agent')
    if (!authsLeft.includes('publickey')) throw this.notOffered('public key', authsLeft)
    this.agentTried = true
    return { type: 'agent', username: this.options.spec.username, agent: socket }
  }

  /** Reads and decrypts the private key, asking for the passphrase only if the key has one. */
  private async loadKey(): Promise<ParsedKey> {
    const given = this.options.spec.privateKeyPath
    if (!given) throw new Error('Public key login needs a private key file: choose one in the profile.')
    const path = expandHome(given)
    let data: Buffer | string
    try {
      data = await this.options.readFile(path)
    } catch (error) {
      throw new Error(`Cannot read the private key ${path}: ${error instanceof Error ? error.message : String(error)}`)
    }
    let parsed = firstKey(ssh2.utils.parseKey(data))
    if (!(parsed instanceof Error)) return this.privateOnly(parsed, path)
    if (!/no passphrase given/i.test(parsed.message)) throw new Error(`Cannot use ${path} as a private key: ${parsed.message}.`)
    for (let attempt = 0; attempt < PASSWORD_TRIES; attempt += 1) {
      const answer = await this.options.ask({
        kind: 'secret',
        title: 'Key passphrase',
        message: `${attempt > 0 ? 'Wrong passphrase, try again.\n' : ''}Passphrase for the key ${path}:`,
        fields: [{ label: 'Passphrase', echo: false }],
      })
      const passphrase = answer.answers?.[0]
      if (passphrase === undefined) throw new Error(`Login to ${this.who} cancelled.`)
      parsed = firstKey(ssh2.utils.parseKey(data, passphrase))
      if (!(parsed instanceof Error)) return this.privateOnly(parsed, path)
      if (!/passphrase|integrity|decrypt/i.test(parsed.message)) throw new Error(`Cannot use ${path} as a private key: ${parsed.message}.`)
    }
    throw new Error(`Wrong passphrase for the key ${path}.`)
  }

  private privateOnly(key: ParsedKey, path: string): ParsedKey {
    if (!key.isPrivateKey()) throw new Error(`${path} is a public key: choose the private key file (without .pub).`)
    return key
  }
}
