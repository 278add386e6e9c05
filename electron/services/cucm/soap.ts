/**
 * One SOAP 1.1 call: envelope built by fast-xml-parser, posted with the SOAPAction header, the
 * answer's Body read back. A SOAP Fault becomes a CucmError carrying CUCM's own words: for AXL,
 * `detail/axlError/{axlcode, axlmessage, request}` (Cisco AXL Developer Guide, "AXL error codes";
 * e.g. axlcode -239 for a duplicate, 5007 "Item not valid: The specified … was not found").
 */
import { CucmError } from './errors'
import { nodeLabel } from './pinned-agent'
import { buildEnvelope, child, parseEnvelopeBody, text, type XmlObject } from './xml'
import type { ApiKind, Credential, CucmHttp } from './http'

export interface SoapCall {
  readonly path: string
  readonly namespace: string
  readonly operation: string
  readonly soapAction: string
  readonly body: XmlObject
  readonly api: ApiKind
  readonly credential: Credential
  /** Shown in errors and the log, e.g. `AXL addConferenceBridge (SecureCFB)`. */
  readonly label: string
}

export interface SoapFault {
  readonly faultcode: string
  readonly faultstring: string
  readonly axlcode?: string
  readonly axlmessage?: string
  readonly request?: string
}

export function readFault(body: XmlObject): SoapFault | undefined {
  if (!('Fault' in body)) return undefined
  const fault = child(body, 'Fault')
  const axlError = child(child(fault, 'detail'), 'axlError')
  const axlcode = text(axlError.axlcode)
  return {
    faultcode: text(fault.faultcode),
    faultstring: text(fault.faultstring),
    ...(axlcode ? { axlcode, axlmessage: text(axlError.axlmessage), request: text(axlError.request) } : {}),
  }
}

export async function soapCall(http: CucmHttp, call: SoapCall): Promise<XmlObject> {
  const answer = await http.request({
    method: 'POST',
    path: call.path,
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${call.soapAction}"`, Accept: 'text/xml' },
    body: buildEnvelope({ namespace: call.namespace, operation: call.operation, body: call.body }),
    label: call.label,
    api: call.api,
    credential: call.credential,
  })
  const body = parseEnvelopeBody(answer.body)
  if (!body) {
    throw new CucmError({
      kind: answer.status === 404 ? 'needs-version' : 'bad-answer',
      node: nodeLabel(http.node),
      request: call.label,
      httpStatus: answer.status,
      message: `CUCM did not answer with SOAP (HTTP ${answer.status}): ${answer.body.slice(0, 200).trim() || 'empty answer'}`,
      hint:
        answer.status === 404
          ? 'This service is not on the node at that path: check the CUCM version and that the service (AXL Web Service, Serviceability) is activated.'
          : 'Check that the address points at CUCM.',
    })
  }
  const fault = readFault(body)
  if (fault) {
    throw new CucmError({
      kind: fault.axlcode !== undefined ? 'axl-fault' : 'soap-fault',
      node: nodeLabel(http.node),
      request: call.label,
      httpStatus: answer.status,
      message: fault.faultstring || 'CUCM answered with a SOAP fault.',
      ...(fault.axlcode !== undefined ? { axlcode: fault.axlcode, axlmessage: fault.axlmessage ?? '' } : {}),
    })
  }
  return child(body, `${call.operation}Response`)
}
