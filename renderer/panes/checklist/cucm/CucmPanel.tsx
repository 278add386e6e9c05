import { useId, useState, type FormEvent } from 'react'
import { CucmVersion } from '../../../../shared/contract/cucm'
import type { SiteRecord } from '../../../../shared/contract'
import { describeNode, groupNodes } from '../../../../shared/procedure'
import { useCucm } from './cucm-context'

/**
 * The site's CUCM connection: the group's nodes (from the site variables), practice CUCM or the
 * nodes' own addresses, read-only mode, credentials, and the nodes' HTTPS certificates shown
 * before they are trusted.
 */
export function CucmPanel({ site }: { site: SiteRecord }) {
  const cucm = useCucm()
  const id = useId()
  const options = cucm.options(site.id)
  const status = cucm.status(site.id)
  const [axlUser, setAxlUser] = useState('')
  const [axlPassword, setAxlPassword] = useState('')
  const [osUser, setOsUser] = useState('')
  const [osPassword, setOsPassword] = useState('')
  const [remember, setRemember] = useState(false)
  const nodes = groupNodes(site.vars).filter((n) => n.name.trim() || n.ip.trim())

  const submitCredentials = (event: FormEvent): void => {
    event.preventDefault()
    void cucm.connect(site, {
      ...(axlUser ? { axl: { user: axlUser, password: axlPassword } } : {}),
      ...(osUser ? { platform: { user: osUser, password: osPassword } } : {}),
      remember,
    })
    setAxlPassword('')
    setOsPassword('')
  }

  return (
    <details className="cucm-panel" open>
      <summary>
        CUCM connection{' '}
        <span className={status.state === 'connected' ? 'badge' : 'badge bad'}>
          {status.state === 'connected'
            ? `connected${status.readOnly ? ', read-only' : ''}`
            : status.state === 'connecting'
              ? 'connecting…'
              : 'not connected'}
        </span>
      </summary>
      <p className="hint">
        Group nodes:{' '}
        {nodes.length > 0
          ? nodes.map((n) => `${describeNode(n)}${n.publisher ? ' publisher' : ''}`).join(', ')
          : 'none yet (site variables)'}
      </p>
      <div className="cucm-options">
        <label>
          <input type="checkbox" checked={options.practice} onChange={(e) => cucm.setOptions(site.id, { practice: e.target.checked })} />{' '}
          Practice CUCM
        </label>
        <label>
          <input type="checkbox" checked={options.readOnly} onChange={(e) => cucm.setOptions(site.id, { readOnly: e.target.checked })} />{' '}
          Read-only (verify, never change)
        </label>
        <label htmlFor={`${id}-port`}>API port</label>
        <input
          id={`${id}-port`}
          type="number"
          min={1}
          max={65535}
          disabled={options.practice}
          value={options.port}
          onChange={(e) => cucm.setOptions(site.id, { port: Number(e.target.value) || 8443 })}
        />
        <label htmlFor={`${id}-version`}>CUCM version</label>
        <select
          id={`${id}-version`}
          value={options.version}
          onChange={(e) => cucm.setOptions(site.id, { version: CucmVersion.parse(e.target.value) })}
        >
          {CucmVersion.options.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <button type="button" className="primary" disabled={status.state === 'connecting'} onClick={() => void cucm.connect(site)}>
          {status.state === 'connected' ? 'Reconnect' : 'Connect to CUCM'}
        </button>
        {status.state === 'connected' && (
          <button type="button" onClick={() => cucm.disconnect(site.id)}>
            Disconnect
          </button>
        )}
      </div>
      {status.state === 'error' && (
        <p className="step-message error cucm-error" role="alert">
          {status.message}
        </p>
      )}
      {status.state === 'certificate' && (
        <div
          className={`cucm-certificate ${status.change === 'changed' ? 'dialog-danger' : ''}`}
          role="alertdialog"
          aria-label="CUCM certificate"
        >
          <p>{status.message}</p>
          <p>
            {status.node.name} ({status.node.host}:{status.node.port}) presents <strong>{status.subject}</strong>, issued by {status.issuer}
            , valid until {status.validTo}.
          </p>
          <p>
            SHA-256 <code className="fingerprint">{status.sha256}</code>
          </p>
          {status.previous && (
            <p>
              Trusted before: <code className="fingerprint">{status.previous}</code>
            </p>
          )}
          <button type="button" className={status.change === 'changed' ? 'danger' : 'primary'} onClick={() => void cucm.trust(site)}>
            {status.change === 'changed' ? 'Accept the new certificate' : 'Trust this certificate'}
          </button>
          <button type="button" onClick={() => cucm.disconnect(site.id)}>
            Cancel
          </button>
        </div>
      )}
      {status.state === 'credentials' && (
        <form className="cucm-credentials" onSubmit={submitCredentials}>
          <p>{status.message}</p>
          <label htmlFor={`${id}-axl`}>AXL application user</label>
          <input id={`${id}-axl`} autoComplete="off" value={axlUser} onChange={(e) => setAxlUser(e.target.value)} />
          <label htmlFor={`${id}-axlp`}>Password</label>
          <input
            id={`${id}-axlp`}
            type="password"
            autoComplete="off"
            value={axlPassword}
            onChange={(e) => setAxlPassword(e.target.value)}
          />
          <label htmlFor={`${id}-os`}>Platform (OS administrator) user</label>
          <input id={`${id}-os`} autoComplete="off" value={osUser} onChange={(e) => setOsUser(e.target.value)} />
          <label htmlFor={`${id}-osp`}>Password</label>
          <input id={`${id}-osp`} type="password" autoComplete="off" value={osPassword} onChange={(e) => setOsPassword(e.target.value)} />
          <label>
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember in the system keychain
          </label>
          <button type="submit" className="primary">
            Connect
          </button>
        </form>
      )}
      {status.state === 'connected' && (
        <div className="cucm-connected" role="status">
          <p>
            CUCM {status.reportedVersion} (AXL {status.version}); certificate API{' '}
            {status.certificateApi ? 'available' : 'not available (needs CUCM 14)'}
            {status.readOnly ? '; read-only' : ''}.
          </p>
          <ul>
            {status.nodes.map((n) => (
              <li key={`${n.host}:${n.port}`}>
                {n.name} {n.host}:{n.port} — tomcat SHA-256 <code className="fingerprint">{n.sha256}</code>
              </li>
            ))}
            {status.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
    </details>
  )
}
