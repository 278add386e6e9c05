import { describe, expect, it } from 'vitest'
import { DEFAULT_CUCM_OPTIONS, buildConnection } from '../../../renderer/panes/checklist/cucm/cucm-connection'
import { defaultSite, type SiteVars } from '../../../shared/procedure'
import type { PracticeCucmInfo } from '../../../shared/contract/cucm'

const vars = (nodes: SiteVars['cucmNodes']): SiteVars => ({ ...defaultSite(), cucmNodes: nodes })
const practice: PracticeCucmInfo = {
  lab: 'default',
  version: '15.0',
  publisher: { name: 'CUCMPUB15', host: '127.0.0.1', port: 40001 },
  subscriber: { name: 'CUCMSUB15', host: '127.0.0.1', port: 40002 },
  axl: { user: 'a', password: 'b' },
  platform: { user: 'c', password: 'd' },
}

describe('the CUCM connection a site builds from its group nodes', () => {
  it('reaches real nodes at their IP on the API port, in priority order', () => {
    const built = buildConnection(
      's1',
      vars([
        { name: 'CUCMSUB15', ip: '10.0.0.11', priority: 1, publisher: false },
        { name: 'CUCMPUB15', ip: '10.0.0.10', priority: 2, publisher: true },
      ]),
      { ...DEFAULT_CUCM_OPTIONS, readOnly: true },
    )
    expect(built).toEqual({
      ok: true,
      connection: {
        site: 's1',
        publisher: { name: 'CUCMPUB15', host: '10.0.0.10', port: 8443 },
        nodes: [
          { name: 'CUCMSUB15', host: '10.0.0.11', port: 8443 },
          { name: 'CUCMPUB15', host: '10.0.0.10', port: 8443 },
        ],
        version: '15.0',
        readOnly: true,
      },
    })
  })

  it('maps the practice CUCM by node name, and says which names it does not know', () => {
    const ok = buildConnection(
      's1',
      vars([{ name: 'CUCMPUB15', ip: '10.10.10.10', priority: 1, publisher: true }]),
      { ...DEFAULT_CUCM_OPTIONS, practice: true },
      practice,
    )
    expect(ok.ok && ok.connection.publisher).toEqual(practice.publisher)
    const unknown = buildConnection(
      's1',
      vars([{ name: 'CUCM-A', ip: '10.10.10.10', priority: 1, publisher: true }]),
      { ...DEFAULT_CUCM_OPTIONS, practice: true },
      practice,
    )
    expect(unknown).toEqual({ ok: false, reason: 'CUCM-A is not a node of the practice CUCM (CUCMPUB15, CUCMSUB15).' })
  })

  it('needs a publisher with a name and an address', () => {
    expect(buildConnection('s1', vars([{ name: '', ip: '', priority: 1, publisher: true }]), DEFAULT_CUCM_OPTIONS)).toEqual({
      ok: false,
      reason: 'Fill in the publisher (name and IP) in the site variables first.',
    })
  })
})
