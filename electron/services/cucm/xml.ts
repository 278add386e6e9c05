/**
 * SOAP 1.1 envelopes, built and read with fast-xml-parser: nothing here concatenates or scans XML
 * by hand. Reading drops namespace prefixes (CUCM answers with `ns:` or `axlapi:` as it likes) and
 * keeps every value a string, so "0012" stays "0012".
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser'

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/'
/** Most a SOAP answer may weigh before it is parsed; CUCM's largest answers here are list pages. */
export const MAX_XML_CHARS = 4 * 1024 * 1024

export type XmlValue = string | XmlObject | XmlValue[]
export interface XmlObject {
  [name: string]: XmlValue
}

/** Elements that repeat in the answers read here (AXL lists, Serviceability `item`s, MRG members). */
const REPEATED = new Set([
  'item',
  'member',
  'devicePool',
  'location',
  'phone',
  'conferenceBridge',
  'mediaResourceGroup',
  'mediaResourceList',
])

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false })

/** Repeated elements are always arrays, even with one entry, so a list of one reads like a list of many. */
const listParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  isArray: (name) => REPEATED.has(name),
})

export interface EnvelopeOptions {
  /** Namespace of the operation element (children are unqualified, as the AXL schema says). */
  readonly namespace: string
  readonly operation: string
  readonly body: XmlObject
}

/** `<soapenv:Envelope><soapenv:Header/><soapenv:Body><ns:operation>…` */
export function buildEnvelope({ namespace, operation, body }: EnvelopeOptions): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'soapenv:Envelope': {
      '@_xmlns:soapenv': SOAP_ENV,
      '@_xmlns:ns': namespace,
      'soapenv:Header': '',
      'soapenv:Body': { [`ns:${operation}`]: body },
    },
  }) as string
}

/** A SOAP answer's Body, or undefined when the text is not a SOAP envelope. */
export function parseEnvelopeBody(xml: string): XmlObject | undefined {
  if (xml.length > MAX_XML_CHARS) return undefined
  let parsed: unknown
  try {
    parsed = listParser.parse(xml)
  } catch {
    return undefined
  }
  const envelope = asObject(asObject(parsed)?.Envelope)
  return asObject(envelope?.Body)
}

export function asObject(value: unknown): XmlObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlObject) : undefined
}

/** The text of an element ('' for an empty or absent one). */
export function text(value: XmlValue | undefined): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return text(value[0])
  return ''
}

/** A child element as an object ({} when absent or empty). */
export function child(value: XmlValue | undefined, name: string): XmlObject {
  const object = asObject(value)
  return asObject(object?.[name]) ?? {}
}

/** A repeated child element as a list of objects. */
export function children(value: XmlValue | undefined, name: string): XmlObject[] {
  const raw = asObject(value)?.[name]
  if (raw === undefined) return []
  const list = Array.isArray(raw) ? raw : [raw]
  return list.map((entry) => asObject(entry) ?? {})
}

/** Parses any XML request body (the practice CUCM reads requests with it). */
export function parseXml(xml: string): XmlObject | undefined {
  if (xml.length > MAX_XML_CHARS) return undefined
  try {
    return asObject(listParser.parse(xml))
  } catch {
    return undefined
  }
}

/** Builds any XML document from an object (the practice CUCM answers with it). */
export function buildXml(document: XmlObject): string {
  return builder.build(document) as string
}
