import { useRef } from 'react'
import type { Fingerprint, Fingerprints } from '../../../shared/pki/parsed'
import { CopyButton } from './CopyButton'

const ROWS: ReadonlyArray<{ key: keyof Fingerprints; label: string }> = [
  { key: 'md5', label: 'MD5' },
  { key: 'sha1', label: 'SHA-1' },
  { key: 'sha256', label: 'SHA-256' },
]

// The accessible name "<alg> fingerprint" belongs to the IOS-style value only (tests and screen
// readers find exactly one); the colon style and the buttons are named so as not to contain it.
function FingerprintRow({ label, fp }: { label: string; fp: Fingerprint }) {
  const ios = useRef<HTMLOutputElement>(null)
  const colon = useRef<HTMLOutputElement>(null)
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <div className="certs-fp-line">
          <output ref={ios} aria-label={`${label} fingerprint`} className="certs-fp-value">
            {fp.ios}
          </output>
          <CopyButton text={fp.ios} label={`Copy ${label}, IOS style`} target={ios} />
        </div>
        <div className="certs-fp-line">
          <output ref={colon} aria-label={`${label}, colon style`} className="certs-fp-value certs-fp-colon">
            {fp.colon}
          </output>
          <CopyButton text={fp.colon} label={`Copy ${label}, colon style`} target={colon} />
        </div>
      </td>
    </tr>
  )
}

/** MD5, SHA-1 and SHA-256 of the DER, as IOS prints them and as openssl does. */
export function FingerprintTable({ fingerprints }: { fingerprints: Fingerprints }) {
  return (
    <table className="certs-fp">
      <caption>Fingerprints</caption>
      <tbody>
        {ROWS.map((r) => (
          <FingerprintRow key={r.key} label={r.label} fp={fingerprints[r.key]} />
        ))}
      </tbody>
    </table>
  )
}
