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

export type ConsoleKeyAction = 'search' | 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'break' | 'disconnect' | 'reconnect' | 'log'

/** Ctrl+Shift+letter shortcuts: a terminal sends nothing different for them than Ctrl+letter. */
const CTRL_SHIFT: Record<string, ConsoleKeyAction> = { KeyF: 'search', KeyD: 'disconnect', KeyR: 'reconnect', KeyL: 'log' }

/** The console's shortcuts, as the README's table lists them (a test holds the two together). */
export const SHORTCUTS: ReadonlyArray<{ readonly keys: string; readonly action: string }> = [
  { keys: 'Ctrl+Shift+D', action: 'Disconnect the session (the tab and its scrollback stay)' },
  { keys: 'Ctrl+Shift+R', action: 'Reconnect in the same terminal' },
  { keys: 'Ctrl+Shift+L', action: 'Start (choose the file) or stop logging' },
  { keys: 'Ctrl+Shift+F', action: 'Search the scrollback' },
  { keys: 'Ctrl+Break or Alt+B', action: 'Send BREAK (serial and telnet sessions; Alt+B is "word back" elsewhere)' },
  { keys: 'Ctrl+= / Ctrl+- / Ctrl+0', action: 'Larger / smaller / default font' },
]

/**
 * Shortcuts the console takes before xterm sees the key. Everything else goes to the device,
 * so plain Ctrl+letter combinations (Ctrl+C, Ctrl+Z, Ctrl+^ for IOS) are never taken.
 */
export function consoleKeyAction(e: KeyInput): ConsoleKeyAction | undefined {
  if (e.type !== 'keydown' || e.metaKey) return undefined
  if (e.ctrlKey && e.shiftKey && !e.altKey) {
    const byCode = CTRL_SHIFT[e.code]
    if (byCode) return byCode
    const byKey = CTRL_SHIFT[`Key${e.key.toUpperCase()}`]
    if (byKey) return byKey
  }
  if (e.key === 'Pause' || e.key === 'Cancel' || e.code === 'Pause') return e.ctrlKey ? 'break' : undefined
  if (e.altKey && !e.ctrlKey && !e.shiftKey && e.code === 'KeyB') return 'break'
  if (e.ctrlKey && !e.altKey) {
    if (e.key === '=' || e.key === '+' || e.code === 'NumpadAdd') return 'zoom-in'
    if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract') return 'zoom-out'
    if (e.key === '0' || e.code === 'Numpad0') return 'zoom-reset'
  }
  return undefined
}
