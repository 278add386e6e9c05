import { useMemo, useState } from 'react'
import { useLab } from '../../app/context'
import { selectLoadedCertificates } from '../../store/certs-slice'
import { compareFingerprintText, matchFingerprint, type FingerprintMatch } from '../../../shared/pki/parsed'

function Verdict({ result, nameOf }: { result: FingerprintMatch; nameOf: (certId: string) => string }) {
  if (result.status === 'match') {
    return (
      <p role="status" className="certs-msg certs-match">
        ✔ {result.algorithm} fingerprint matches {nameOf(result.certificateId)}.
      </p>
    )
  }
  if (result.status === 'invalid') return <p className="certs-msg certs-msg-info">{result.message}</p>
  const closest = result.closest
  return (
    <div role="alert" className="certs-mismatch">
      <strong>✖ MISMATCH — do not accept this certificate.</strong> {result.message}
      {closest && closest.differingDigits <= 4 && (
        <div>
          Closest: {nameOf(closest.certificateId)}, {closest.differingDigits} hex digit(s) differ — a typo, or a different certificate.
        </div>
      )}
    </div>
  )
}

/** Paste a fingerprint line from the router (any format) and see which loaded certificate it is. */
export function CompareBox() {
  const loaded = useLab(selectLoadedCertificates)
  const [text, setText] = useState('')
  const results = useMemo(() => {
    if (!text.trim()) return []
    const certs = loaded.map((e) => e.cert)
    const all = compareFingerprintText(text, certs).map((r) => r.result)
    return all.length > 0 ? all : [matchFingerprint(text, certs)]
  }, [text, loaded])
  const nameOf = (certId: string): string => loaded.find((e) => e.cert.id === certId)?.kept.name ?? 'a certificate no longer loaded'
  return (
    <div className="certs-compare">
      <label className="field">
        <span>Compare fingerprint</span>
        <textarea
          rows={2}
          spellCheck={false}
          value={text}
          placeholder="Fingerprint MD5: 383BA13D C37D0E5D 9E9086E4 8C8D1E75"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {results.map((r, i) => (
        <Verdict key={i} result={r} nameOf={nameOf} />
      ))}
    </div>
  )
}
