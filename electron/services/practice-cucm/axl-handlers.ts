/**
 * The practice CUCM's AXL operations: the element names of AXLSoap.xsd (see
 * electron/services/cucm/README.md) and CUCM's faults for the mistakes worth rehearsing:
 * axlcode -239 for a duplicate name ("Could not insert new row - duplicate value in a UNIQUE INDEX
 * column (Unique Index:)."), 5007 "Item not valid: The specified … was not found" for a missing
 * object or reference, 5003 for a missing object on update (codes as CUCM answers them; public
 * captures quoted in electron/services/cucm/README.md).
 */
import { randomUUID } from 'node:crypto'
import { child, children, text, type XmlObject } from '../cucm/xml'
import { BRIDGE_SECURITY_PROFILES, PRACTICE_VERSION, type PracticeCucmState } from './state'

export class AxlFault extends Error {
  constructor(
    readonly axlcode: string,
    message: string,
  ) {
    super(message)
  }
}

const DUPLICATE = 'Could not insert new row - duplicate value in a UNIQUE INDEX column (Unique Index:).'
const notFound = (what: string): AxlFault => new AxlFault('5007', `Item not valid: The specified ${what} was not found`)
const uuid = (): string => `{${randomUUID().toUpperCase()}}`
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

/** AXL searchCriteria are SQL LIKE patterns: % any run, _ one character. */
export function likePattern(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')
  return new RegExp(`^${body}$`, 'i')
}

/** The element named `name` (the reader makes list-like element names arrays). */
const first = (body: XmlObject, name: string): XmlObject => children(body, name)[0] ?? {}

function required(body: XmlObject, name: string, type: string): string {
  const value = text(body[name])
  if (!value) throw new AxlFault('5003', `${name} is required for ${type}`)
  return value
}

/**
 * An update's `mediaResourceListName`, when the request has one: an empty name clears it, any
 * other must name an existing media resource group list. updateDevicePool and updatePhone share it.
 */
function updateMediaResourceList(state: PracticeCucmState, target: { mediaResourceListName: string }, body: XmlObject): void {
  if (!('mediaResourceListName' in body)) return
  const name = text(body.mediaResourceListName)
  if (name && !state.mediaResourceLists.some((l) => same(l.name, name))) throw notFound('Media Resource List')
  target.mediaResourceListName = name
}

export type AxlHandler = (state: PracticeCucmState, body: XmlObject) => { result: XmlObject | string; changed?: boolean }

export const AXL_HANDLERS: Readonly<Record<string, AxlHandler>> = {
  getCCMVersion: () => ({ result: { componentVersion: { version: PRACTICE_VERSION } } }),

  listDevicePool: (state, body) => {
    const pattern = likePattern(text(child(body, 'searchCriteria').name) || '%')
    return { result: { devicePool: state.devicePools.filter((p) => pattern.test(p.name)).map((p) => ({ name: p.name })) } }
  },

  listLocation: (state, body) => {
    const pattern = likePattern(text(child(body, 'searchCriteria').name) || '%')
    return { result: { location: state.locations.filter((l) => pattern.test(l)).map((name) => ({ name })) } }
  },

  getDevicePool: (state, body) => {
    const pool = state.devicePools.find((p) => same(p.name, text(body.name)))
    if (!pool) throw notFound('Device Pool')
    return { result: { devicePool: { name: pool.name, mediaResourceListName: pool.mediaResourceListName } } }
  },

  updateDevicePool: (state, body) => {
    const pool = state.devicePools.find((p) => same(p.name, text(body.name)))
    if (!pool) throw new AxlFault('5003', 'Device Pool not found')
    updateMediaResourceList(state, pool, body)
    return { result: uuid(), changed: true }
  },

  getConferenceBridge: (state, body) => {
    const bridge = state.conferenceBridges.find((b) => same(b.name, text(body.name)))
    if (!bridge) throw notFound('Conference Bridge')
    const { uuid: _uuid, ...fields } = bridge
    return { result: { conferenceBridge: fields } }
  },

  addConferenceBridge: (state, body) => {
    const bridge = first(body, 'conferenceBridge')
    const name = required(bridge, 'name', 'Conference Bridge')
    const product = required(bridge, 'product', 'Conference Bridge')
    if (product !== 'Cisco IOS Enhanced Conference Bridge')
      throw new AxlFault('5007', `Item not valid: The specified product ${product} was not found`)
    const devicePoolName = required(bridge, 'devicePoolName', 'Conference Bridge')
    const pool = state.devicePools.find((p) => same(p.name, devicePoolName))
    if (!pool) throw notFound('Device Pool')
    const locationName = text(bridge.locationName) || 'Hub_None'
    const location = state.locations.find((l) => same(l, locationName))
    if (!location) throw notFound('Location')
    const profileName = text(bridge.securityProfileName) || 'Non Secure Conference Bridge'
    const profile = BRIDGE_SECURITY_PROFILES.find((p) => same(p, profileName))
    if (!profile) throw notFound('Security Profile')
    if (state.conferenceBridges.some((b) => same(b.name, name))) throw new AxlFault('-239', DUPLICATE)
    const id = uuid()
    state.conferenceBridges.push({
      name,
      product,
      devicePoolName: pool.name,
      locationName: location,
      securityProfileName: profile,
      description: text(bridge.description),
      uuid: id,
    })
    return { result: id, changed: true }
  },

  getMediaResourceGroup: (state, body) => {
    const group = state.mediaResourceGroups.find((g) => same(g.name, text(body.name)))
    if (!group) throw notFound('Media Resource Group')
    return {
      result: {
        mediaResourceGroup: {
          name: group.name,
          description: group.description,
          multicast: group.multicast,
          members: { member: group.members.map((deviceName) => ({ deviceName })) },
        },
      },
    }
  },

  addMediaResourceGroup: (state, body) => {
    const group = first(body, 'mediaResourceGroup')
    const name = required(group, 'name', 'Media Resource Group')
    const members = children(child(group, 'members'), 'member').map((m) => text(m.deviceName))
    if (members.length === 0) throw new AxlFault('5003', 'members is required for Media Resource Group')
    for (const member of members) {
      if (!state.conferenceBridges.some((b) => same(b.name, member))) throw notFound('Media Resource')
    }
    if (state.mediaResourceGroups.some((g) => same(g.name, name))) throw new AxlFault('-239', DUPLICATE)
    const id = uuid()
    state.mediaResourceGroups.push({
      name,
      description: text(group.description),
      multicast: text(group.multicast) || 'false',
      members,
      uuid: id,
    })
    return { result: id, changed: true }
  },

  getMediaResourceList: (state, body) => {
    const list = state.mediaResourceLists.find((l) => same(l.name, text(body.name)))
    if (!list) throw notFound('Media Resource List')
    return {
      result: {
        mediaResourceList: {
          name: list.name,
          members: { member: list.groups.map((g, order) => ({ mediaResourceGroupName: g, order: String(order) })) },
        },
      },
    }
  },

  addMediaResourceList: (state, body) => {
    const list = first(body, 'mediaResourceList')
    const name = required(list, 'name', 'Media Resource List')
    const members = children(child(list, 'members'), 'member')
      .map((m) => ({ group: text(m.mediaResourceGroupName), order: Number(text(m.order)) || 0 }))
      .sort((a, b) => a.order - b.order)
    if (members.length === 0) throw new AxlFault('5003', 'members is required for Media Resource List')
    for (const m of members) if (!state.mediaResourceGroups.some((g) => same(g.name, m.group))) throw notFound('Media Resource Group')
    if (state.mediaResourceLists.some((l) => same(l.name, name))) throw new AxlFault('-239', DUPLICATE)
    const id = uuid()
    state.mediaResourceLists.push({ name, groups: members.map((m) => m.group), uuid: id })
    return { result: id, changed: true }
  },

  listPhone: (state, body) => {
    const criteria = child(body, 'searchCriteria')
    const name = text(criteria.name)
    const description = text(criteria.description)
    if (!name && !description) throw new AxlFault('5003', 'At least one element under searchCriteria has to be mentioned')
    const first = Number(text(body.first)) || Infinity
    const phones = state.phones
      .filter((p) => (!name || likePattern(name).test(p.name)) && (!description || likePattern(description).test(p.description)))
      .slice(0, first)
    return { result: { phone: phones.map(({ appliedAt: _a, ...p }) => p) } }
  },

  updatePhone: (state, body) => {
    const phone = state.phones.find((p) => same(p.name, text(body.name)))
    if (!phone) throw new AxlFault('5003', 'Phone not found')
    updateMediaResourceList(state, phone, body)
    return { result: uuid(), changed: true }
  },

  applyPhone: (state, body) => {
    const phone = state.phones.find((p) => same(p.name, text(body.name)))
    if (!phone) throw notFound('Phone')
    phone.appliedAt = new Date().toISOString()
    return { result: uuid(), changed: true }
  },
}
