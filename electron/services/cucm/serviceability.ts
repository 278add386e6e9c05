/**
 * Serviceability SOAP on each node, namespace `http://schemas.cisco.com/ast/soap`, SOAPAction as
 * the WSDL binding says (CiscoDevNet/serviceability-python-zeep-samples, schema/
 * ControlCenterServices.wsdl and schema/RISService70.wsdl):
 * - Control Center Services, `/controlcenterservice2/services/ControlCenterServices`:
 *   soapDoControlServices(ControlServiceRequest{NodeName, ControlType Start|Stop|Restart,
 *   ServiceList/item}) and soapGetServiceStatus(ServiceStatus…) → ServiceInformationResponse
 *   {ReturnCode, ReasonCode, ReasonString, ServiceInfoList/item{ServiceName, ServiceStatus
 *   (Started|Stopped|Starting|Stopping|Unknown), ReasonCode, ReasonCodeString, StartTime, UpTime}}.
 * - RisPort70, `/realtimeservice2/services/RISService70`: selectCmDevice(StateInfo,
 *   CmSelectionCriteria{MaxReturnedDevices, DeviceClass, Model, Status, NodeName, SelectBy,
 *   SelectItems/item/Item, Protocol, DownloadStatus}) → selectCmDeviceReturn/SelectCmDeviceResult
 *   {TotalDevicesFound, CmNodes/item{ReturnCode, Name, NoChange, CmDevices/item{Name, Status
 *   (Registered|UnRegistered|Rejected|PartiallyRegistered|Unknown), StatusReason, Protocol,
 *   Description, IPAddress/item{IP, IPAddrType}}}}.
 * These use the application user (the AXL credential), which needs the Serviceability roles.
 */
import { soapCall } from './soap'
import { child, children, text } from './xml'
import type { Credential, CucmHttp } from './http'

export const SOAP_AST = 'http://schemas.cisco.com/ast/soap'

/** StatusReason values (CISCO-CCM-MIB CcmDevRegFailCauseCode), the ones worth naming here. */
export const STATUS_REASONS: Readonly<Record<string, string>> = {
  '0': 'noError',
  '1': 'unknown',
  '2': 'noEntryInDatabase',
  '3': 'databaseConfigurationError',
  '4': 'deviceNameUnresolveable',
  '5': 'maxDevRegReached',
  '6': 'connectivityError',
  '7': 'initializationError',
  '8': 'deviceInitiatedReset',
  '9': 'callManagerReset',
  '10': 'authenticationError',
  '11': 'invalidX509NameInCertificate',
  '12': 'invalidTLSCipher',
  '13': 'directoryNumberMismatch',
  '14': 'malformedRegisterMsg',
  '19': 'configurationMismatch',
}
export const CALLMANAGER_SERVICE = 'Cisco CallManager'

export interface ServiceInfo {
  readonly serviceName: string
  readonly status: string
  readonly reason: string
  readonly startTime: string
}

export interface ControlAnswer {
  readonly returnCode: string
  readonly reason: string
  readonly services: ServiceInfo[]
}

function readServiceResponse(value: ReturnType<typeof child>): ControlAnswer {
  return {
    returnCode: text(value.ReturnCode),
    reason: text(value.ReasonString),
    services: children(child(value, 'ServiceInfoList'), 'item').map((item) => ({
      serviceName: text(item.ServiceName),
      status: text(item.ServiceStatus),
      reason: text(item.ReasonCodeString),
      startTime: text(item.StartTime),
    })),
  }
}

export class ControlCenterClient {
  constructor(
    private readonly http: CucmHttp,
    private readonly credential: Credential,
  ) {}

  private call(operation: string, body: Parameters<typeof soapCall>[1]['body'], detail: string) {
    return soapCall(this.http, {
      path: '/controlcenterservice2/services/ControlCenterServices',
      namespace: SOAP_AST,
      operation,
      soapAction: operation,
      body,
      api: 'serviceability',
      credential: this.credential,
      label: `Control Center ${operation} (${detail})`,
    })
  }

  async restart(nodeName: string, service = CALLMANAGER_SERVICE): Promise<ControlAnswer> {
    const answer = await this.call(
      'soapDoControlServices',
      {
        ControlServiceRequest: { NodeName: nodeName, ControlType: 'Restart', ServiceList: { item: [service] } },
      },
      `Restart ${service} on ${nodeName}`,
    )
    return readServiceResponse(child(answer, 'soapDoControlServicesReturn'))
  }

  async status(service = CALLMANAGER_SERVICE): Promise<ControlAnswer> {
    const answer = await this.call('soapGetServiceStatus', { ServiceStatus: service }, service)
    return readServiceResponse(child(answer, 'soapGetServiceStatusReturn'))
  }
}

export interface RegisteredDevice {
  /** The CM node that reported the device (CmNodes/item/Name). */
  readonly node: string
  readonly name: string
  readonly status: string
  readonly statusReason: string
  readonly protocol: string
  readonly ipAddress: string
  readonly description: string
}

export class RisPortClient {
  constructor(
    private readonly http: CucmHttp,
    private readonly credential: Credential,
  ) {}

  /** Media resources named `name`, as every CM node of the cluster reports them. */
  async mediaResource(name: string): Promise<{ total: number; devices: RegisteredDevice[] }> {
    const answer = await soapCall(this.http, {
      path: '/realtimeservice2/services/RISService70',
      namespace: SOAP_AST,
      operation: 'selectCmDevice',
      soapAction: 'selectCmDevice',
      body: {
        StateInfo: '',
        CmSelectionCriteria: {
          MaxReturnedDevices: '10',
          DeviceClass: 'MediaResources',
          // 255 = any model (RisPort70 API reference).
          Model: '255',
          Status: 'Any',
          NodeName: '',
          SelectBy: 'Name',
          SelectItems: { item: [{ Item: name }] },
          Protocol: 'Any',
          DownloadStatus: 'Any',
        },
      },
      api: 'serviceability',
      credential: this.credential,
      label: `RisPort70 selectCmDevice (MediaResources ${name})`,
    })
    const result = child(child(answer, 'selectCmDeviceReturn'), 'SelectCmDeviceResult')
    const devices: RegisteredDevice[] = []
    for (const node of children(child(result, 'CmNodes'), 'item')) {
      for (const device of children(child(node, 'CmDevices'), 'item')) {
        devices.push({
          node: text(node.Name),
          name: text(device.Name),
          status: text(device.Status),
          statusReason: text(device.StatusReason),
          protocol: text(device.Protocol),
          ipAddress: text(children(child(device, 'IPAddress'), 'item')[0]?.IP),
          description: text(device.Description),
        })
      }
    }
    return { total: Number(text(result.TotalDevicesFound)) || devices.length, devices }
  }
}
