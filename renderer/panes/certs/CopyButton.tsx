import { useState, type RefObject } from 'react'

type CopyState = 'idle' | 'copied' | 'selected'

/**
 * Copies through the async clipboard; where that is refused (no permission, an insecure
 * origin) it selects the value instead so Ctrl+C still works, and says so.
 */
export function CopyButton({ text, label, target }: { text: string; label: string; target: RefObject<HTMLElement | null> }) {
  const [state, setState] = useState<CopyState>('idle')
  const copy = async (): Promise<void> => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      const el = target.current
      if (el) window.getSelection()?.selectAllChildren(el)
      setState('selected')
    }
    setTimeout(() => setState('idle'), 2500)
  }
  return (
    <>
      <button type="button" className="certs-copy" aria-label={label} onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      {state === 'selected' && (
        <span role="status" className="certs-hint">
          Clipboard not available: the value is selected, press Ctrl+C.
        </span>
      )}
    </>
  )
}
