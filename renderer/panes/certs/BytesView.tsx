import { useMemo, useState } from 'react'
import { asn1Outline, formatAsn1Outline, hexDump } from '../../../shared/pki'

/** Hex dump and ASN.1 outline, computed only once the section is opened. */
export function BytesView({ der }: { der: string }) {
  const [open, setOpen] = useState(false)
  const views = useMemo(() => (open ? { asn1: formatAsn1Outline(asn1Outline(der)), hex: hexDump(der) } : undefined), [open, der])
  return (
    <details className="certs-bytes" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Hex and ASN.1</summary>
      {views && (
        <>
          <h4>ASN.1</h4>
          <pre>{views.asn1}</pre>
          <h4>Hex</h4>
          <pre>{views.hex}</pre>
        </>
      )}
    </details>
  )
}
