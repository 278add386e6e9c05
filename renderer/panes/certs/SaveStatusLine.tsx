import type { SaveStatus } from './use-save'

export function SaveStatusLine({ status }: { status: SaveStatus | undefined }) {
  if (!status) return null
  return (
    <p
      role={status.level === 'error' ? 'alert' : 'status'}
      className={`certs-msg certs-msg-${status.level === 'error' ? 'error' : 'info'}`}
    >
      {status.message}
    </p>
  )
}
