/**
 * A simulated CUCM 15 cluster (publisher + one subscriber) over HTTPS on 127.0.0.1: the same
 * paths, SOAP envelopes, AXL faults, JSON and Serviceability answers as the real APIs (sources in
 * electron/services/cucm/README.md), with state kept per lab. Each node serves with its own
 * tomcat certificate. Test hooks: throttle(), rotateTomcat().
 */
import fs from 'node:fs/promises'
import https from 'node:https'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { axlNamespace } from '../cucm/axl'
import { SOAP_AST } from '../cucm/serviceability'
import { SOAP_ENV, buildXml, child, children, parseXml, text, type XmlObject } from '../cucm/xml'
import { writeFileAtomic } from '../state/atomic-write'
import { AXL_HANDLERS, AxlFault } from './axl-handlers'
import { selfSigned } from './certs'
import { handlePlatform } from './platform-handlers'
import { LAB_ADDRESSES, judgeRegistration } from './registration'
import type { RegistrationAttempt, RegistrationVerdict } from '../practice-router'
import {
  PracticeCucmStateSchema,
  SUBSCRIBER_NAME,
  PUBLISHER_NAME,
  defaultState,
  type PracticeCucmState,
  type PracticeNodeKey,
  type PracticeNodeState,
} from './state'
import type { PracticeCucmInfo } from '../../../shared/contract/cucm'

export const PRACTICE_USERS = {
  axl: { user: 'axladmin', password: 'Practice-AXL-1', roles: ['axl', 'serviceability'] },
  platform: { user: 'osadmin', password: 'Practice-OS-1', roles: ['platform'] },
  /** Logs in, holds no role: every API answers 403. */
  auditor: { user: 'auditor', password: 'Practice-RO-1', roles: [] as string[] },
} as const

const MAX_REQUEST_BYTES = 1024 * 1024
const CALLMANAGER = 'Cisco CallManager'

export interface PracticeCucmOptions {
  /** Folder of the lab files (the practice labs' folder). */
  readonly dir: string
  readonly lab: string
  /** The practice lab's CallManager.pem (the publisher's CallManager identity). */
  readonly callManagerPem: () => Promise<string>
  /** How long Cisco CallManager stays "Starting" after a restart. Default 3000 ms. */
  readonly restartDelayMs?: number
  /** Fixed ports (publisher, subscriber); by default the OS picks free ones. */
  readonly ports?: readonly [number, number]
}

type Role = 'axl' | 'platform' | 'serviceability'

export class PracticeCucm {
  private state: PracticeCucmState | undefined
  private readonly servers = new Map<PracticeNodeKey, https.Server>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private throttled: { count: number; status: number } = { count: 0, status: 503 }
  private writing: Promise<void> = Promise.resolve()
  private readonly changeListeners = new Set<() => void>()

  constructor(private readonly options: PracticeCucmOptions) {}

  private get file(): string {
    return path.join(this.options.dir, `${this.options.lab}.cucm.json`)
  }

  private async load(): Promise<PracticeCucmState> {
    try {
      const restored = PracticeCucmStateSchema.parse(JSON.parse(await fs.readFile(this.file, 'utf8')))
      for (const node of Object.values(restored.nodes)) {
        // A restart in progress when the app closed has finished by now.
        if (node.callmanager.status === 'Starting') node.callmanager.status = 'Started'
      }
      return restored
    } catch {
      const state = defaultState({
        publisherTomcat: selfSigned(`${PUBLISHER_NAME}.uc.com`, 'tomcat'),
        subscriberTomcat: selfSigned(`${SUBSCRIBER_NAME}.uc.com`, 'tomcat'),
        publisherCallManager: await this.options.callManagerPem(),
        subscriberCallManager: selfSigned(`${SUBSCRIBER_NAME}.uc.com`, 'callmanager').cert,
      })
      this.state = state
      await this.save()
      return state
    }
  }

  private save(): Promise<void> {
    const state = this.state
    if (!state) return Promise.resolve()
    const body = JSON.stringify(state)
    this.writing = this.writing.then(() => writeFileAtomic(this.file, body, 0o600)).catch(() => undefined)
    return this.writing
  }

  private changed(): void {
    void this.save()
    for (const listener of this.changeListeners) listener()
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  get current(): PracticeCucmState {
    if (!this.state) throw new Error('The practice CUCM is not started')
    return this.state
  }

  async start(): Promise<PracticeCucmInfo> {
    if (this.servers.size > 0) return this.info()
    this.state = await this.load()
    const keys: PracticeNodeKey[] = ['publisher', 'subscriber']
    for (const [index, key] of keys.entries()) {
      const node = this.state.nodes[key]
      const server = https.createServer({ key: node.tomcat.key, cert: node.tomcat.cert }, (req, res) => {
        void this.handle(key, req, res).catch((error: Error) => {
          if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' })
          res.end(`Internal error: ${error.message}`)
        })
      })
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(this.options.ports?.[index] ?? 0, '127.0.0.1', () => resolve())
      })
      this.servers.set(key, server)
    }
    return this.info()
  }

  info(): PracticeCucmInfo {
    const ref = (key: PracticeNodeKey) => ({
      name: this.current.nodes[key].name,
      host: '127.0.0.1',
      port: (this.servers.get(key)?.address() as AddressInfo | null)?.port ?? 0,
    })
    return {
      lab: this.options.lab,
      version: '15.0',
      publisher: ref('publisher'),
      subscriber: ref('subscriber'),
      axl: { user: PRACTICE_USERS.axl.user, password: PRACTICE_USERS.axl.password },
      platform: { user: PRACTICE_USERS.platform.user, password: PRACTICE_USERS.platform.password },
    }
  }

  /** The next `count` requests answer `status` (503, or 599 as AXL does when throttling). */
  throttle(count: number, status = 503): void {
    this.throttled = { count, status }
  }

  /** A new tomcat certificate for a node (regenerated or renewed): new connections see it. */
  rotateTomcat(key: PracticeNodeKey): string {
    const node = this.current.nodes[key]
    node.tomcat = selfSigned(`${node.name}.uc.com`, 'tomcat')
    this.servers.get(key)?.setSecureContext({ key: node.tomcat.key, cert: node.tomcat.cert })
    this.changed()
    return node.tomcat.cert
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    await Promise.all(
      [...this.servers.values()].map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve())
            server.closeAllConnections()
          }),
      ),
    )
    this.servers.clear()
    await this.writing
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, ms)
    timer.unref()
    this.timers.add(timer)
  }

  private async handle(key: PracticeNodeKey, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    if (body === undefined) {
      res.writeHead(413, { 'Content-Type': 'text/plain' }).end('Request Entity Too Large')
      return
    }
    const url = new URL(req.url ?? '/', 'https://practice.invalid')
    const route = routeOf(url.pathname)
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>HTTP Status 404 – Not Found</body></html>')
      return
    }
    if (this.throttled.count > 0) {
      this.throttled.count -= 1
      res
        .writeHead(this.throttled.status, { 'Content-Type': 'text/plain', 'Retry-After': '1' })
        .end('Service Unavailable: request throttled')
      return
    }
    const who = authenticate(req.headers.authorization)
    if (!who) {
      res
        .writeHead(401, { 'Content-Type': 'text/html', 'WWW-Authenticate': 'Basic realm="Cisco Unified Communications Manager"' })
        .end('<html><body>HTTP Status 401 – Unauthorized</body></html>')
      return
    }
    if (!who.roles.includes(route)) {
      res.writeHead(403, { 'Content-Type': 'text/html' }).end('<html><body>HTTP Status 403 – Forbidden</body></html>')
      return
    }
    const node = this.current.nodes[key]
    if (route === 'platform') {
      const answer = handlePlatform(node, req.method ?? 'GET', url, body)
      if (answer.changed) this.changed()
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.json))
      return
    }
    const request = parseXml(body)
    const operations = child(child(request, 'Envelope'), 'Body')
    const operation = Object.keys(operations)[0]
    if (!operation) {
      this.soap(res, 500, { 'soapenv:Fault': { faultcode: 'soapenv:Client', faultstring: 'The request is not a SOAP envelope' } })
      return
    }
    const input = child(operations, operation)
    if (route === 'axl') {
      if (key !== 'publisher') {
        res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>AXL runs on the publisher</body></html>')
        return
      }
      this.axl(res, operation, input)
      return
    }
    if (operation === 'selectCmDevice')
      this.soap(res, 200, { 'ns:selectCmDeviceResponse': { '@_xmlns:ns': SOAP_AST, selectCmDeviceReturn: this.selectCmDevice(input) } })
    else if (operation === 'soapGetServiceStatus')
      this.soap(res, 200, {
        'ns:soapGetServiceStatusResponse': {
          '@_xmlns:ns': SOAP_AST,
          soapGetServiceStatusReturn: serviceAnswer(node, text(input.ServiceStatus)),
        },
      })
    else if (operation === 'soapDoControlServices') this.controlServices(res, key, input)
    else
      this.soap(res, 500, {
        'soapenv:Fault': { faultcode: 'soapenv:Client', faultstring: `Operation ${operation} is not offered by the practice CUCM` },
      })
  }

  private soap(res: ServerResponse, status: number, body: XmlObject): void {
    const xml = buildXml({
      '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
      'soapenv:Envelope': { '@_xmlns:soapenv': SOAP_ENV, 'soapenv:Body': body },
    })
    res.writeHead(status, { 'Content-Type': 'text/xml;charset=UTF-8' }).end(xml)
  }

  private axl(res: ServerResponse, operation: string, input: XmlObject): void {
    const handler = AXL_HANDLERS[operation]
    if (!handler) {
      this.soap(res, 500, {
        'soapenv:Fault': {
          faultcode: 'soapenv:Client',
          faultstring: `${operation} is not an operation the practice CUCM offers`,
          detail: { axlError: { axlcode: '-1', axlmessage: `${operation} is not supported`, request: operation } },
        },
      })
      return
    }
    try {
      const { result, changed } = handler(this.current, input)
      if (changed) this.changed()
      this.soap(res, 200, { [`ns:${operation}Response`]: { '@_xmlns:ns': axlNamespace('15.0'), return: result } })
    } catch (error) {
      if (!(error instanceof AxlFault)) throw error
      this.soap(res, 500, {
        'soapenv:Fault': {
          faultcode: 'soapenv:Client',
          faultstring: error.message,
          detail: { axlError: { axlcode: error.axlcode, axlmessage: error.message, request: operation } },
        },
      })
    }
  }

  private controlServices(res: ServerResponse, key: PracticeNodeKey, input: XmlObject): void {
    const request = child(input, 'ControlServiceRequest')
    const node = this.current.nodes[key]
    const nodeName = text(request.NodeName)
    // `item` holds text here, so it is read as text, one entry or many.
    const raw = child(request, 'ServiceList').item
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((s) => text(s))
    if (nodeName && nodeName.toLowerCase() !== node.name.toLowerCase() && nodeName !== '127.0.0.1') {
      this.soap(res, 500, {
        'soapenv:Fault': { faultcode: 'soapenv:Server', faultstring: `Node ${nodeName} is not this node (${node.name})` },
      })
      return
    }
    if (text(request.ControlType) !== 'Restart' || !list.includes(CALLMANAGER)) {
      this.soap(res, 500, {
        'soapenv:Fault': {
          faultcode: 'soapenv:Client',
          faultstring: `The practice CUCM only restarts ${CALLMANAGER} (asked: ${text(request.ControlType)} ${list.join(', ')})`,
        },
      })
      return
    }
    this.restartCallManager(key)
    this.soap(res, 200, {
      'ns:soapDoControlServicesResponse': { '@_xmlns:ns': SOAP_AST, soapDoControlServicesReturn: serviceAnswer(node, CALLMANAGER) },
    })
  }

  /** Cisco CallManager stops (its registrations drop), then starts and reads CallManager-trust. */
  restartCallManager(key: PracticeNodeKey): void {
    const node = this.current.nodes[key]
    node.callmanager.status = 'Starting'
    this.current.registrations = this.current.registrations.filter((r) => r.node !== node.name)
    this.changed()
    this.later(this.options.restartDelayMs ?? 3000, () => {
      node.callmanager = {
        status: 'Started',
        startedAt: new Date().toISOString(),
        loadedTrust: (node.trust.callmanager ?? []).map((t) => t.sha256),
      }
      this.changed()
    })
  }

  /** A bridge registering over SCCP (the practice router asks): CUCM's verdict, recorded for RisPort70. */
  registerBridge(attempt: RegistrationAttempt): RegistrationVerdict {
    const { verdict, record } = judgeRegistration(this.current, attempt)
    if (record) {
      const others = this.current.registrations.filter((r) => r.name.toLowerCase() !== record.name.toLowerCase())
      const previous = this.current.registrations.find((r) => r.name.toLowerCase() === record.name.toLowerCase())
      const same =
        previous &&
        previous.status === record.status &&
        previous.statusReason === record.statusReason &&
        previous.node === record.node &&
        previous.ipAddress === record.ipAddress
      if (!same) {
        this.current.registrations = [...others, { ...record, at: new Date().toISOString() }]
        this.changed()
      }
    }
    return verdict
  }

  /** The bridge went away (profile shut, router closed). */
  unregisterBridge(name: string, ccmAddress: string): void {
    const node = (Object.keys(LAB_ADDRESSES) as PracticeNodeKey[]).find((k) => LAB_ADDRESSES[k] === ccmAddress)
    const nodeName = node ? this.current.nodes[node].name : undefined
    const before = this.current.registrations.length
    this.current.registrations = this.current.registrations.filter(
      (r) => !(r.name.toLowerCase() === name.toLowerCase() && r.node === nodeName),
    )
    if (this.current.registrations.length !== before) this.changed()
  }

  private selectCmDevice(input: XmlObject): XmlObject {
    const criteria = child(input, 'CmSelectionCriteria')
    const deviceClass = text(criteria.DeviceClass) || 'Any'
    const names = children(child(criteria, 'SelectItems'), 'item').map((i) => text(i.Item).toLowerCase())
    const nodes = (['publisher', 'subscriber'] as const).map((key) => this.current.nodes[key].name)
    const found = this.current.registrations.filter(
      (r) => (deviceClass === 'Any' || deviceClass === 'MediaResources') && names.some((n) => n === '*' || n === r.name.toLowerCase()),
    )
    return {
      SelectCmDeviceResult: {
        TotalDevicesFound: String(found.length),
        CmNodes: {
          item: nodes.map((name) => {
            const devices = found.filter((r) => r.node === name)
            return {
              ReturnCode: devices.length > 0 ? 'Ok' : 'NotFound',
              Name: name,
              NoChange: 'false',
              CmDevices: {
                item: devices.map((r) => ({
                  Name: r.name,
                  DirNumber: '',
                  DeviceClass: 'MediaResources',
                  Model: '52',
                  Product: '110',
                  BoxProduct: '0',
                  Httpd: 'No',
                  RegistrationAttempts: '1',
                  IsCtiControllable: 'false',
                  LoginUserId: '',
                  Status: r.status,
                  StatusReason: r.statusReason,
                  PerfMonObject: '2',
                  DChannel: '0',
                  Description: r.name,
                  H323Trunk: '',
                  TimeStamp: String(Math.floor(Date.parse(r.at) / 1000)),
                  Protocol: 'SCCP',
                  NumOfLines: '0',
                  LinesStatus: '',
                  ActiveLoadID: '',
                  InactiveLoadID: '',
                  DownloadStatus: 'Unknown',
                  DownloadFailureReason: '',
                  DownloadServer: '',
                  IPAddress: { item: [{ IP: r.ipAddress, IPAddrType: 'ipv4', Attribute: 'Unknown' }] },
                })),
              },
            }
          }),
        },
      },
      StateInfo: '',
    }
  }
}

function serviceAnswer(node: PracticeNodeState, service: string): XmlObject {
  const wanted = service === '' || service === CALLMANAGER
  return {
    ReturnCode: '0',
    ReasonCode: '-1',
    ReasonString: '',
    ServiceInfoList: {
      item: wanted
        ? [
            {
              ServiceName: CALLMANAGER,
              ServiceStatus: node.callmanager.status,
              ReasonCode: '-1',
              ReasonCodeString: ' ',
              StartTime: node.callmanager.startedAt,
              UpTime: String(Math.max(0, Math.floor((Date.now() - Date.parse(node.callmanager.startedAt)) / 1000))),
            },
          ]
        : [],
    },
  }
}

function routeOf(pathname: string): Role | undefined {
  if (pathname === '/axl/' || pathname === '/axl') return 'axl'
  if (pathname.startsWith('/platformcom/api/v1/certmgr/')) return 'platform'
  if (pathname === '/controlcenterservice2/services/ControlCenterServices' || pathname === '/realtimeservice2/services/RISService70')
    return 'serviceability'
  return undefined
}

function authenticate(header: string | undefined): { roles: readonly string[] } | undefined {
  if (!header?.startsWith('Basic ')) return undefined
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  const user = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  return Object.values(PRACTICE_USERS).find((u) => u.user === user && u.password === password)
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooBig = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_REQUEST_BYTES) tooBig = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(tooBig ? undefined : Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(undefined))
  })
}
