import { useEffect, useState } from 'react'
import { callPki, type BytesDump } from '../../workers/pki-client'

/** Hex dump and ASN.1 outline, read by the parse worker once the section is opened. */
export function BytesView({ der }: { der: string }) {
  const [open, setOpen] = useState(false)
  const [views, setViews] = useState<{ der: string; dump: BytesDump } | { der: string; error: string }>()
  useEffect(() => {
    if (!open || views?.der === der) return
    let live = true
    callPki('dump', der).then(
      (dump) => live && setViews({ der, dump }),
      (err: Error) => live && setViews({ der, error: err.message }),
    )
    return () => {
      live = false
    }
  }, [open, der, views])
  const shown = views?.der === der ? views : undefined
  return (
    <details className="certs-bytes" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Hex and ASN.1</summary>
      {open && !shown && <p className="certs-pending">Reading the bytes…</p>}
      {shown && 'error' in shown && (
        <p role="alert" className="certs-msg certs-msg-error">
          Could not read the bytes: {shown.error}
        </p>
      )}
      {shown && 'dump' in shown && (
        <>
          <h4>ASN.1</h4>
          <pre>{shown.dump.asn1}</pre>
          <h4>Hex</h4>
          <pre>{shown.dump.hex}</pre>
        </>
      )}
    </details>
  )
}
