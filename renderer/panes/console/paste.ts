import { pasteLineCount } from '../../store/paste-lines'

// The store counts paste lines too (paced send), and the store must not import panes.
export { pasteLineCount }

/** A multi-line paste runs every line as a command: it is worth a question first. */
export function needsPasteConfirmation(text: string, confirmMultiline: boolean): boolean {
  return confirmMultiline && pasteLineCount(text) > 1
}
