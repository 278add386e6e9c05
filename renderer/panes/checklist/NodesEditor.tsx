import { useId } from 'react'
import { MAX_CUCM_GROUP_NODES, nodeTrustpoint, type CucmNode, type SiteVars } from '../../../shared/procedure'

interface Props {
  readonly vars: SiteVars
  readonly issues: readonly string[]
  readonly invalid: boolean
  onChange(nodes: CucmNode[]): void
}

/**
 * The bridge's CUCM group: one row per node (name as CUCM shows it, IP, priority 1–4, publisher).
 * Every edit is stored at once; validation messages name the node they are about.
 */
export function NodesEditor({ vars, issues, invalid, onChange }: Props) {
  const id = useId()
  const nodes = vars.cucmNodes
  const edit = (index: number, patch: Partial<CucmNode>): void => {
    onChange(nodes.map((n, i) => (i === index ? { ...n, ...patch } : patch.publisher === true ? { ...n, publisher: false } : n)))
  }
  const add = (): void => {
    const used = new Set(nodes.map((n) => n.priority))
    const priority = [1, 2, 3, 4].find((p) => !used.has(p)) ?? nodes.length + 1
    onChange([...nodes, { name: '', ip: '', priority, publisher: nodes.length === 0 }])
  }
  const remove = (index: number): void => {
    const next = nodes.filter((_, i) => i !== index)
    if (nodes[index]?.publisher && next[0]) next[0] = { ...next[0], publisher: true }
    onChange(next)
  }
  return (
    <fieldset
      className={`site-field site-nodes ${invalid ? 'invalid' : ''}`}
      aria-describedby={issues.length > 0 ? `${id}-msg` : undefined}
    >
      <legend>CUCM group nodes</legend>
      <p className="site-nodes-help">
        The nodes of the bridge&apos;s CUCM group: the name as CUCM shows it (System → Server), the IP the bridge reaches, and the priority
        (1 is tried first).
      </p>
      <table className="site-nodes-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">IP</th>
            <th scope="col">Priority</th>
            <th scope="col">Publisher</th>
            <th scope="col">Trustpoint</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={`Node ${i + 1} name`}
                  type="text"
                  spellCheck={false}
                  maxLength={64}
                  placeholder="CUCMPUB15"
                  value={node.name}
                  onChange={(e) => edit(i, { name: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Node ${i + 1} IP`}
                  type="text"
                  spellCheck={false}
                  maxLength={64}
                  placeholder="10.10.10.10"
                  value={node.ip}
                  onChange={(e) => edit(i, { ip: e.target.value })}
                />
              </td>
              <td>
                <select
                  aria-label={`Node ${i + 1} priority`}
                  value={node.priority}
                  onChange={(e) => edit(i, { priority: Number(e.target.value) })}
                >
                  {[1, 2, 3, 4].map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={`Node ${i + 1} is the publisher`}
                  type="radio"
                  name={`${id}-publisher`}
                  checked={node.publisher}
                  onChange={() => edit(i, { publisher: true })}
                />
              </td>
              <td className="certs-mono">{nodeTrustpoint(vars, i)}</td>
              <td>
                <button type="button" aria-label={`Remove node ${i + 1}`} disabled={nodes.length <= 1} onClick={() => remove(i)}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={add} disabled={nodes.length >= MAX_CUCM_GROUP_NODES}>
        Add node
      </button>
      {issues.length > 0 && (
        <p id={`${id}-msg`} className={`field-issue ${invalid ? 'error' : 'warning'}`}>
          {issues.join(' ')}
        </p>
      )}
    </fieldset>
  )
}
