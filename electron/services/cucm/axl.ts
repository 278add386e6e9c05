/**
 * AXL (SOAP 1.1) on the publisher: `POST https://<pub>:8443/axl/`, SOAPAction
 * `"CUCM:DB ver=<v> <operation>"`, operation element in `http://www.cisco.com/AXL/API/<v>`,
 * children unqualified (AXLSoap.xsd: elementFormDefault="unqualified").
 * Element names: Cisco's AXL schema, AXLSoap.xsd (CiscoDevNet/axl-python-zeep-samples,
 * schema/AXLSoap.xsd): GetCCMVersionRes return/componentVersion/version; XConferenceBridge
 * name/product/devicePoolName/locationName/securityProfileName; XMediaResourceGroup
 * name/description/multicast/members/member/deviceName; XMediaResourceList
 * name/members/member/{mediaResourceGroupName, order}; ListPhoneReq searchCriteria/returnedTags
 * (LPhone …/mediaResourceListName); UpdatePhoneReq and UpdateDevicePoolReq mediaResourceListName;
 * applyPhone (NameAndGUIDRequest).
 */
import { CucmError } from './errors'
import { soapCall } from './soap'
import { child, children, text, type XmlObject } from './xml'
import type { Credential, CucmHttp } from './http'

export const CUCM_VERSIONS = ['12.5', '14.0', '15.0'] as const
export type CucmVersion = (typeof CUCM_VERSIONS)[number]

export function axlNamespace(version: CucmVersion): string {
  return `http://www.cisco.com/AXL/API/${version}`
}

/** "Item not valid: The specified … was not found" (get/do) and "… not found" (update). */
const NOT_FOUND_CODES = new Set(['5007', '5003'])

export function isNotFound(error: unknown): boolean {
  return error instanceof CucmError && error.kind === 'axl-fault' && NOT_FOUND_CODES.has(error.details.axlcode ?? '')
}

export interface ConferenceBridge {
  readonly name: string
  readonly product: string
  readonly devicePoolName: string
  readonly locationName: string
  readonly securityProfileName: string
  readonly description: string
}

export interface Phone {
  readonly name: string
  readonly description: string
  readonly model: string
  readonly devicePoolName: string
  readonly mediaResourceListName: string
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base' })

export const PRODUCT_IOS_ENHANCED_CFB = 'Cisco IOS Enhanced Conference Bridge'
/** Most phones one search returns; the search box narrows it. */
export const PHONE_PAGE = 200

export class AxlClient {
  constructor(
    private readonly http: CucmHttp,
    readonly version: CucmVersion,
    private readonly credential: Credential,
  ) {}

  call(operation: string, body: XmlObject, detail = ''): Promise<XmlObject> {
    return soapCall(this.http, {
      path: '/axl/',
      namespace: axlNamespace(this.version),
      operation,
      soapAction: `CUCM:DB ver=${this.version} ${operation}`,
      body,
      api: 'axl',
      credential: this.credential,
      label: `AXL ${operation}${detail ? ` (${detail})` : ''}`,
    })
  }

  async getCCMVersion(): Promise<string> {
    const answer = await this.call('getCCMVersion', {})
    return text(child(child(answer, 'return'), 'componentVersion').version)
  }

  listDevicePools(): Promise<string[]> {
    return this.listNames('listDevicePool', 'devicePool')
  }

  listLocations(): Promise<string[]> {
    return this.listNames('listLocation', 'location')
  }

  /** Every name a listX operation returns (searchCriteria name '%': all), sorted. */
  private async listNames(operation: string, element: string): Promise<string[]> {
    const answer = await this.call(operation, { searchCriteria: { name: '%' }, returnedTags: { name: '' } })
    return children(child(answer, 'return'), element)
      .map((item) => text(item.name))
      .filter(Boolean)
      .sort(byName)
  }

  async getConferenceBridge(name: string): Promise<ConferenceBridge | undefined> {
    try {
      const answer = await this.call('getConferenceBridge', { name }, name)
      const bridge = children(child(answer, 'return'), 'conferenceBridge')[0] ?? {}
      return {
        name: text(bridge.name),
        product: text(bridge.product),
        devicePoolName: text(bridge.devicePoolName),
        locationName: text(bridge.locationName),
        securityProfileName: text(bridge.securityProfileName),
        description: text(bridge.description),
      }
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  async addConferenceBridge(bridge: Omit<ConferenceBridge, 'description'> & { description?: string }): Promise<string> {
    const answer = await this.call(
      'addConferenceBridge',
      {
        conferenceBridge: {
          name: bridge.name,
          ...(bridge.description ? { description: bridge.description } : {}),
          product: bridge.product,
          devicePoolName: bridge.devicePoolName,
          locationName: bridge.locationName,
          securityProfileName: bridge.securityProfileName,
        },
      },
      bridge.name,
    )
    return text(answer.return)
  }

  async getMediaResourceGroup(name: string): Promise<{ name: string; members: string[] } | undefined> {
    try {
      const answer = await this.call('getMediaResourceGroup', { name }, name)
      const group = children(child(answer, 'return'), 'mediaResourceGroup')[0] ?? {}
      return { name: text(group.name), members: children(child(group, 'members'), 'member').map((m) => text(m.deviceName)) }
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  async addMediaResourceGroup(name: string, deviceName: string, description: string): Promise<string> {
    const answer = await this.call(
      'addMediaResourceGroup',
      {
        mediaResourceGroup: { name, description, multicast: 'false', members: { member: [{ deviceName }] } },
      },
      name,
    )
    return text(answer.return)
  }

  async getMediaResourceList(name: string): Promise<{ name: string; groups: string[] } | undefined> {
    try {
      const answer = await this.call('getMediaResourceList', { name }, name)
      const list = children(child(answer, 'return'), 'mediaResourceList')[0] ?? {}
      const members = children(child(list, 'members'), 'member')
        .map((m) => ({ group: text(m.mediaResourceGroupName), order: Number(text(m.order)) }))
        .sort((a, b) => a.order - b.order)
      return { name: text(list.name), groups: members.map((m) => m.group) }
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  async addMediaResourceList(name: string, groupName: string): Promise<string> {
    const answer = await this.call(
      'addMediaResourceList',
      {
        mediaResourceList: { name, members: { member: [{ mediaResourceGroupName: groupName, order: '0' }] } },
      },
      name,
    )
    return text(answer.return)
  }

  /** Phones whose name or description contains `search` (AXL searchCriteria take SQL `%` wildcards). */
  async listPhones(search: string): Promise<{ phones: Phone[]; truncated: boolean }> {
    const pattern = `%${search.replace(/[%_]/g, '')}%`
    const returnedTags = { name: '', description: '', model: '', devicePoolName: '', mediaResourceListName: '' }
    const byName = await this.call('listPhone', { searchCriteria: { name: pattern }, returnedTags, first: String(PHONE_PAGE) }, pattern)
    const byDescription = search
      ? await this.call(
          'listPhone',
          { searchCriteria: { description: pattern }, returnedTags, first: String(PHONE_PAGE) },
          `description ${pattern}`,
        )
      : {}
    const phones = new Map<string, Phone>()
    for (const p of [...children(child(byName, 'return'), 'phone'), ...children(child(byDescription, 'return'), 'phone')]) {
      const name = text(p.name)
      if (!name || phones.has(name)) continue
      phones.set(name, {
        name,
        description: text(p.description),
        model: text(p.model),
        devicePoolName: text(p.devicePoolName),
        mediaResourceListName: text(p.mediaResourceListName),
      })
    }
    const list = [...phones.values()].sort((a, b) => a.name.localeCompare(b.name))
    return { phones: list.slice(0, PHONE_PAGE), truncated: list.length >= PHONE_PAGE }
  }

  async updatePhoneMrgl(name: string, mediaResourceListName: string): Promise<string> {
    return text((await this.call('updatePhone', { name, mediaResourceListName }, name)).return)
  }

  async applyPhone(name: string): Promise<string> {
    return text((await this.call('applyPhone', { name }, name)).return)
  }

  async getDevicePoolMrgl(name: string): Promise<string | undefined> {
    try {
      const answer = await this.call('getDevicePool', { name, returnedTags: { name: '', mediaResourceListName: '' } }, name)
      const pool = children(child(answer, 'return'), 'devicePool')[0] ?? {}
      return text(pool.mediaResourceListName)
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  async updateDevicePoolMrgl(name: string, mediaResourceListName: string): Promise<string> {
    return text((await this.call('updateDevicePool', { name, mediaResourceListName }, name)).return)
  }
}
