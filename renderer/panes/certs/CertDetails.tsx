import { useMemo } from 'react'
import { useLab } from '../../app/context'
import { selectLoadedCertificates, selectSelectedCertificate, type LoadedCertificate } from '../../store/certs-slice'
import { checksFor } from './certificate-checks'
import { BytesView } from './BytesView'
import { CheckResults } from './CheckResults'
import { FingerprintTable } from './FingerprintTable'
import { extensionLines, formatDate, publicKeyText, validityText } from './format'
import { SaveStatusLine } from './SaveStatusLine'
import { selectSiteVars } from './site-vars'
import { derFile, pemFile } from './upload-set'
import { useSave } from './use-save'
import type { CheckClock } from './use-now'

/** Everything about the selected entry: fields, fingerprints, rule checks, exports, bytes. */
export function CertDetails({ clock }: { clock: CheckClock }) {
  const entry = useLab(selectSelectedCertificate)
  if (!entry) return <p className="placeholder">Select a certificate to see its details and fingerprints.</p>
  if (!entry.cert) {
    return (
      <section className="certs-details" aria-label="Certificate details">
        <h3>{entry.kept.name}</h3>
        <p role="alert" className="certs-msg certs-msg-error">
          The saved PEM of this entry cannot be read: {entry.error}
        </p>
      </section>
    )
  }
  return <LoadedDetails entry={entry} clock={clock} />
}

function LoadedDetails({ entry, clock }: { entry: LoadedCertificate; clock: CheckClock }) {
  const { kept, cert } = entry
  const library = useLab(selectLoadedCertificates)
  const site = useLab(selectSiteVars)
  // Read the clocks when the checks run (a new entry, a new minute, a new `show clock`).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- clock.key stands for the clock functions' results
  const checks = useMemo(() => checksFor(entry, library, site, clock.now(), clock.routerNow()), [entry, library, site, clock.key])
  const now = clock.now()
  const { status, save } = useSave()
  const fields: Array<[string, string]> = [
    ['Version', `v${cert.version}`],
    ['Serial', `${cert.serialHex} (IOS: ${cert.serialIos})`],
    ['Subject', cert.subject.text || '(empty)'],
    ['Issuer', `${cert.issuer.text || '(empty)'}${cert.isSelfSigned ? ' (self-signed)' : ''}`],
    ['Valid from', formatDate(cert.notBefore)],
    ['Valid to', `${formatDate(cert.notAfter)} — ${validityText(cert, now, clock.routerNow())}`],
    ['Public key', publicKeyText(cert.publicKey)],
    ['Signature', cert.signatureAlgorithm.name],
    ...extensionLines(cert.extensions).map((l): [string, string] => [l.name, l.value]),
  ]
  return (
    <section className="certs-details" aria-label="Certificate details">
      <h3>
        {kept.name}
        {kept.role && <span className="certs-role"> {kept.role}</span>}
      </h3>
      <dl className="certs-fields">
        {fields.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <FingerprintTable fingerprints={cert.fingerprints} />
      <h4>Checks</h4>
      <CheckResults checks={checks} label={`Checks for ${kept.name}`} />
      <div className="certs-row">
        <button type="button" onClick={() => void save([pemFile(entry)], 'Export PEM')}>
          Export PEM
        </button>
        <button type="button" onClick={() => void save([derFile(entry)], 'Export DER')}>
          Export DER
        </button>
      </div>
      <SaveStatusLine status={status} />
      <details className="certs-pem">
        <summary>PEM</summary>
        <pre>{cert.pem}</pre>
      </details>
      <BytesView der={cert.der} />
    </section>
  )
}
