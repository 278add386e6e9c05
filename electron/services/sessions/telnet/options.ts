import { DO, DONT, IAC, WILL, WONT, type Verb } from './codes'

type Q = 'no' | 'yes' | 'wantyes' | 'wantno'

export interface OptionPolicy {
  /** Options we agree to perform ourselves (answer DO with WILL). */
  readonly local: ReadonlySet<number>
  /** Options we agree the server performs (answer WILL with DO). */
  readonly remote: ReadonlySet<number>
}

export interface OptionEvents {
  send(bytes: Uint8Array): void
  /** An option turned on or off, on our side ('local') or the server's ('remote'). */
  changed(side: 'local' | 'remote', option: number, enabled: boolean): void
}

/**
 * Telnet option negotiation by RFC 1143's Q method (without the queue bits): each side of each
 * option is no / yes / wantyes / wantno, so a request is answered once and two peers that both
 * ask never loop. Options outside the policy are refused.
 */
export class OptionNegotiator {
  private readonly us = new Map<number, Q>()
  private readonly him = new Map<number, Q>()

  constructor(
    private readonly policy: OptionPolicy,
    private readonly events: OptionEvents,
  ) {}

  isLocal(option: number): boolean {
    return this.us.get(option) === 'yes'
  }

  isRemote(option: number): boolean {
    return this.him.get(option) === 'yes'
  }

  /** Offer to perform an option ourselves (WILL). */
  offer(option: number): void {
    if ((this.us.get(option) ?? 'no') !== 'no') return
    this.us.set(option, 'wantyes')
    this.send(WILL, option)
  }

  /** Ask the server to perform an option (DO). */
  request(option: number): void {
    if ((this.him.get(option) ?? 'no') !== 'no') return
    this.him.set(option, 'wantyes')
    this.send(DO, option)
  }

  receive(verb: Verb, option: number): void {
    if (verb === WILL || verb === WONT) this.receiveRemote(verb === WILL, option)
    else this.receiveLocal(verb === DO, option)
  }

  private receiveRemote(will: boolean, option: number): void {
    const state = this.him.get(option) ?? 'no'
    if (will) {
      if (state === 'no') {
        if (this.policy.remote.has(option)) {
          this.him.set(option, 'yes')
          this.send(DO, option)
          this.events.changed('remote', option, true)
        } else {
          this.send(DONT, option)
        }
      } else if (state === 'wantyes') {
        this.him.set(option, 'yes')
        this.events.changed('remote', option, true)
      } else if (state === 'wantno') {
        // The server answered our DONT with WILL: RFC 1143 calls it an error; settle on no.
        this.him.set(option, 'no')
      }
    } else if (state === 'yes') {
      this.him.set(option, 'no')
      this.send(DONT, option)
      this.events.changed('remote', option, false)
    } else if (state !== 'no') {
      this.him.set(option, 'no')
    }
  }

  private receiveLocal(doIt: boolean, option: number): void {
    const state = this.us.get(option) ?? 'no'
    if (doIt) {
      if (state === 'no') {
        if (this.policy.local.has(option)) {
          this.us.set(option, 'yes')
          this.send(WILL, option)
          this.events.changed('local', option, true)
        } else {
          this.send(WONT, option)
        }
      } else if (state === 'wantyes') {
        this.us.set(option, 'yes')
        this.events.changed('local', option, true)
      } else if (state === 'wantno') {
        this.us.set(option, 'no')
      }
    } else if (state === 'yes') {
      this.us.set(option, 'no')
      this.send(WONT, option)
      this.events.changed('local', option, false)
    } else if (state !== 'no') {
      this.us.set(option, 'no')
    }
  }

  private send(verb: Verb, option: number): void {
    this.events.send(Uint8Array.from([IAC, verb, option]))
  }
}
