/** Lines in a paste, not counting the line break that usually ends a copied block. */
export function pasteLineCount(text: string): number {
  if (text === '') return 0
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  return lines.length
}
