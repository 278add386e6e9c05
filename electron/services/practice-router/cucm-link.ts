/**
 * What the practice router asks CUCM when a DSP farm profile is ready to register (SCCP, over
 * TLS for a secure profile). Without a link the router registers as soon as its own side is
 * right; with one (the practice CUCM of the lab) CUCM decides, so forgetting a CUCM step can be
 * rehearsed.
 */
export interface RegistrationAttempt {
  readonly profile: number
  /** The `associate profile … register` name. */
  readonly registerName: string
  readonly ccmAddress: string
  /** The SCCP local interface's address. */
  readonly localAddress: string
  readonly secure: boolean
  /** The profile trustpoint's certificate and its CA's, as the TLS handshake presents them. */
  readonly certificatePem?: string
  readonly caPem?: string
}

export type RegistrationVerdict =
  | { readonly registered: true; readonly node: string }
  | {
      readonly registered: false
      /** tls: the handshake failed; rejected: CUCM refused the registration; unreachable: nothing answered. */
      readonly failure: 'tls' | 'rejected' | 'unreachable'
      /** One line for the router's console. */
      readonly reason: string
    }

export interface CucmLink {
  register(attempt: RegistrationAttempt): RegistrationVerdict
  /** The profile stopped (shut down, reconfigured, router gone): CUCM sees it unregister. */
  unregister(registerName: string, ccmAddress: string): void
  /** Called when CUCM's side changed (a restart drops registrations); returns an unsubscribe. */
  onChange(listener: () => void): () => void
}
