/** The parts of a KeyboardEvent the console's own shortcuts look at. */
export interface KeyInput {
  readonly type: string
  readonly key: string
  readonly code: string
  readonly ctrlKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
  readonly metaKey: boolean
}

export type ConsoleKeyAction = 'search' | 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'break'

/**
 * Shortcuts the console takes before xterm sees the key. Everything else goes to the device,
 * so plain Ctrl+letter combinations (Ctrl+C, Ctrl+Z, Ctrl+^ for IOS) are never taken.
 */
export function consoleKeyAction(e: KeyInput): ConsoleKeyAction | undefined {
  if (e.type !== 'keydown' || e.metaKey) return undefined
  if (e.ctrlKey && e.shiftKey && !e.altKey && (e.code === 'KeyF' || e.key.toLowerCase() === 'f')) return 'search'
  if (e.key === 'Pause' || e.key === 'Cancel' || e.code === 'Pause') return e.ctrlKey ? 'break' : undefined
  if (e.altKey && !e.ctrlKey && !e.shiftKey && e.code === 'KeyB') return 'break'
  if (e.ctrlKey && !e.altKey) {
    if (e.key === '=' || e.key === '+' || e.code === 'NumpadAdd') return 'zoom-in'
    if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract') return 'zoom-out'
    if (e.key === '0' || e.code === 'Numpad0') return 'zoom-reset'
  }
  return undefined
}
