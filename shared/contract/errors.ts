/** Error shapes that cross the contract. Plain data so both adapters can carry them. */
export type ContractErrorCode = 'unknown_method' | 'invalid_input' | 'invalid_output' | 'failed' | 'forbidden'

export interface ContractIssue {
  readonly path: string
  readonly message: string
}

export interface ContractErrorData {
  readonly code: ContractErrorCode
  readonly message: string
  readonly issues?: readonly ContractIssue[]
}

export type Envelope<T> = { readonly ok: true; readonly output: T } | { readonly ok: false; readonly error: ContractErrorData }

export class ContractError extends Error {
  readonly code: ContractErrorCode
  readonly issues: readonly ContractIssue[]
  constructor(data: ContractErrorData) {
    super(data.message)
    this.name = 'ContractError'
    this.code = data.code
    this.issues = data.issues ?? []
  }
}

/** Unwraps a result envelope on the calling side, turning failures back into thrown errors. */
export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.output
  throw new ContractError(envelope.error)
}
