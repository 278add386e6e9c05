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
 * One side of every option: ours ('local': we perform it, and say so with WILL / WONT) or the
 * server's ('remote': we ask or agree with DO / DONT). The Q method is the same for both.
 */
interface Side {
  readonly name: 'local' | 'remote'
  readonly states: Map<number, Q>
  readonly allowed: ReadonlySet<number>
  /** What we send to turn the option on, or to agree to the peer turning it on. */
  readonly enable: Verb
  /** What we send to turn it off, or to refuse. */
  readonly disable: Verb
}

/**
 * Telnet option negotiation by RFC 1143's Q method (without the queue bits): each side of each
 * option is no / yes / wantyes / wantno, so a request is answered once and two peers that both
 * ask never loop. Options outside the policy are refused.
 */
export class OptionNegotiator {
  private readonly us: Side
  private readonly him: Side

  constructor(
    policy: OptionPolicy,
    private readonly events: OptionEvents,
  ) {
    this.us = { name: 'local', states: new Map(), allowed: policy.local, enable: WILL, disable: WONT }
    this.him = { name: 'remote', states: new Map(), allowed: policy.remote, enable: DO, disable: DONT }
  }

  isLocal(option: number): boolean {
    return this.us.states.get(option) === 'yes'
  }

  isRemote(option: number): boolean {
    return this.him.states.get(option) === 'yes'
  }

  /** Offer to perform an option ourselves (WILL). */
  offer(option: number): void {
    this.ask(this.us, option)
  }

  /** Ask the server to perform an option (DO). */
  request(option: number): void {
    this.ask(this.him, option)
  }

  receive(verb: Verb, option: number): void {
    if (verb === WILL || verb === WONT) this.answer(this.him, verb === WILL, option)
    else this.answer(this.us, verb === DO, option)
  }

  private ask(side: Side, option: number): void {
    if ((side.states.get(option) ?? 'no') !== 'no') return
    side.states.set(option, 'wantyes')
    this.send(side.enable, option)
  }

  /** The peer asks to turn one side of an option on (`on`) or off, or answers our asking. */
  private answer(side: Side, on: boolean, option: number): void {
    const state = side.states.get(option) ?? 'no'
    if (on) {
      if (state === 'no') {
        if (side.allowed.has(option)) {
          side.states.set(option, 'yes')
          this.send(side.enable, option)
          this.events.changed(side.name, option, true)
        } else {
          this.send(side.disable, option)
        }
      } else if (state === 'wantyes') {
        side.states.set(option, 'yes')
        this.events.changed(side.name, option, true)
      } else if (state === 'wantno') {
        // The peer answered our refusal by turning it on: RFC 1143 calls it an error; settle on no.
        side.states.set(option, 'no')
      }
    } else if (state === 'yes') {
      side.states.set(option, 'no')
      this.send(side.disable, option)
      this.events.changed(side.name, option, false)
    } else if (state !== 'no') {
      side.states.set(option, 'no')
    }
  }

  private send(verb: Verb, option: number): void {
    this.events.send(Uint8Array.from([IAC, verb, option]))
  }
}
