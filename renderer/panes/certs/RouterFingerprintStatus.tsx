import { useMemo } from 'react'
import { useLab } from '../../app/context'
import { matchRouterFingerprints, routerFingerprintVerdict, type RouterSectionMatch } from '../../store/certs-slice'
import { iosStyle } from '../../../shared/pki/parsed'

const ALGORITHM = { MD5: 'MD5', 'SHA-1': 'SHA1', 'SHA-256': 'SHA256', 'SHA-384': 'SHA384', 'SHA-512': 'SHA512' } as const

function Section({ section }: { section: RouterSectionMatch }) {
  const name = section.entry?.kept.name
  return (
    <li className={`certs-router-section certs-router-${section.status}`}>
      <div className="certs-router-section-head">
        {section.label ?? 'Certificate'}
        {' — '}
        {section.status === 'match' ? (
          <strong>✔ matches {name}</strong>
        ) : section.status === 'unknown' ? (
          <span>not in the workbench</span>
        ) : (
          <strong>✖ its fingerprints disagree</strong>
        )}
      </div>
      <ul className="certs-router-fps">
        {section.fingerprints.map((f, i) => (
          <li key={i}>
            {ALGORITHM[f.algorithm]}: <span className="certs-mono">{iosStyle(f.hex)}</span>
            {section.status === 'conflict' &&
              (f.certificateId === undefined ? ' — matches nothing loaded' : ' — matches a loaded certificate')}
          </li>
        ))}
      </ul>
    </li>
  )
}

/**
 * The fingerprints the console last printed, each certificate section matched against the whole
 * library. Loud only where it matters: the router asks to accept a certificate nobody loaded, or a
 * section's fingerprints disagree.
 */
export function RouterFingerprintStatus() {
  const report = useLab((s) => s.routerFingerprints)
  const certificates = useLab((s) => s.certificates)
  const sections = useMemo(() => (report ? matchRouterFingerprints({ certificates }, report.fingerprints) : []), [report, certificates])
  if (!report || sections.length === 0) return null
  const verdict = routerFingerprintVerdict(report, sections)
  const list = (
    <ul className="certs-router-sections" aria-label="Router fingerprints">
      {sections.map((s) => (
        <Section key={s.section} section={s} />
      ))}
    </ul>
  )
  if (verdict === 'accept-unknown' || verdict === 'conflict') {
    return (
      <div role="alert" className="certs-mismatch">
        <strong>
          {verdict === 'conflict'
            ? '✖ The fingerprints of one certificate disagree with each other'
            : '✖ The router asks to accept a certificate that matches no loaded certificate'}
        </strong>
        {list}
        <div>
          {report.asking
            ? 'Do not answer yes until you have checked the certificate it offers.'
            : 'Check the certificate: a damaged paste or a different certificate can look like this.'}
        </div>
      </div>
    )
  }
  const matched = sections.filter((s) => s.status === 'match').length
  return (
    <div role="status" className="certs-msg certs-match">
      {verdict === 'accept-ok'
        ? `✔ The certificate the router asks you to accept matches ${sections[0]?.entry?.kept.name ?? 'a loaded certificate'}`
        : `Router printed ${sections.length} certificate${sections.length === 1 ? '' : 's'}: ${matched} match${matched === 1 ? 'es' : ''} the workbench`}
      {list}
    </div>
  )
}
