/**
 * Turns serialport / OS error texts into sentences a field engineer can act on.
 * The bindings only give strings like "Error: Permission denied, cannot open /dev/ttyUSB0", so
 * classification goes by errno names and the texts of @serialport/bindings-cpp and binding-mock.
 */

export type SerialErrorKind = 'missing' | 'busy' | 'permission' | 'unsupported' | 'other'

export class SerialOpenError extends Error {
  override readonly name = 'SerialOpenError'
  constructor(
    message: string,
    readonly kind: SerialErrorKind,
    readonly path: string,
    readonly detail: string,
  ) {
    super(message)
  }
}

function rawText(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code
    return code ? `${err.message} (${code})` : err.message
  }
  return String(err)
}

export function classifyOpenError(err: unknown): SerialErrorKind {
  const text = rawText(err)
  if (/ENOENT|No such file or directory|does not exist|ENODEV|No such device/i.test(text)) return 'missing'
  if (/EACCES|EPERM|Permission denied|Operation not permitted/i.test(text)) return 'permission'
  if (/EBUSY|EAGAIN|Resource temporarily unavailable|Device or resource busy|Cannot lock port|is locked/i.test(text)) return 'busy'
  if (/baud rate|not supported|Invalid argument/i.test(text)) return 'unsupported'
  return 'other'
}

export function describeOpenError(err: unknown, path: string, baudRate?: number): SerialOpenError {
  const detail = rawText(err)
  const kind = classifyOpenError(err)
  switch (kind) {
    case 'missing':
      return new SerialOpenError(`${path} does not exist — is the USB adapter plugged in?`, kind, path, detail)
    case 'busy':
      return new SerialOpenError(
        `${path} is in use by another program (screen, minicom, another Lab Console tab?). Close it and try again.`,
        kind,
        path,
        detail,
      )
    case 'permission':
      return new SerialOpenError(
        `Permission denied opening ${path}. On Linux, add yourself to the dialout group: ` +
          'sudo usermod -aG dialout $USER — then log out and in again.',
        kind,
        path,
        detail,
      )
    case 'unsupported':
      return new SerialOpenError(`${path} refused these settings${baudRate ? ` (${baudRate} baud)` : ''}: ${detail}`, kind, path, detail)
    default:
      return new SerialOpenError(`Could not open ${path}: ${detail}`, kind, path, detail)
  }
}

/** ptys and some cheap adapters have no modem-control lines, so the BREAK ioctl fails on them. */
export function describeBreakError(err: unknown, path: string): Error {
  const detail = rawText(err)
  if (/Inappropriate ioctl|ENOTTY|EINVAL|Invalid argument|not supported/i.test(detail)) {
    return new Error(
      `${path} cannot send BREAK (${detail}). A pseudo-terminal or an adapter without modem-control ` +
        'lines has no BREAK signal; use a real USB console cable.',
    )
  }
  return new Error(`Sending BREAK on ${path} failed: ${detail}`)
}

/** Setting DTR/RTS on a pty fails the same way; that is not worth failing the open for. */
export function isNoModemLinesError(err: unknown): boolean {
  return /Inappropriate ioctl|ENOTTY|EINVAL|Invalid argument/i.test(rawText(err))
}
