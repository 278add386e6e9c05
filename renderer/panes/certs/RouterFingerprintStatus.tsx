import { useLab } from '../../app/context'
import { matchRouterFingerprint } from '../../store/certs-slice'
import { iosStyle } from '../../../shared/pki'

const ALGORITHM = { md5: 'MD5', sha1: 'SHA1', sha256: 'SHA256' } as const

/** The fingerprints the console last printed, checked against the library through the store. */
export function RouterFingerprintStatus() {
  const report = useLab((s) => s.routerFingerprints)
  const match = useLab((s) => (s.routerFingerprints ? matchRouterFingerprint(s, s.routerFingerprints.fingerprints) : null))
  if (!report) return null
  const printed = (
    <ul className="certs-router-fps">
      {report.fingerprints.map((f, i) => (
        <li key={i}>
          {ALGORITHM[f.algorithm]}: <span className="certs-mono">{iosStyle(f.hex)}</span>
        </li>
      ))}
    </ul>
  )
  if (match) {
    return (
      <div role="status" className="certs-msg certs-match">
        ✔ Router fingerprint matches {match.kept.name}
        {printed}
      </div>
    )
  }
  return (
    <div role="alert" className="certs-mismatch">
      <strong>✖ Router fingerprint does not match any loaded certificate</strong>
      {printed}
      <div>Do not answer yes until you have checked the certificate it offers.</div>
    </div>
  )
}
