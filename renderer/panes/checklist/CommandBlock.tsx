import { useState } from 'react'

/** Router lines as they will be sent, with a copy button (config steps include configure terminal / end). */
export function CommandBlock({ lines, label }: { lines: readonly string[]; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>()
  const text = lines.join('\n')
  const copy = (): void => {
    navigator.clipboard
      .writeText(`${text}\n`)
      .then(() => setCopied('yes'))
      .catch(() => setCopied('failed'))
  }
  return (
    <div className="command-block">
      <pre aria-label={label} tabIndex={0}>
        <code>{text}</code>
      </pre>
      <button type="button" className="copy" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select and copy' : 'Copy'}
      </button>
    </div>
  )
}
