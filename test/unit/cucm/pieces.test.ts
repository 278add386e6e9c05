import { describe, expect, it } from 'vitest'
import { redactBody, redactHeaders } from '../../../electron/services/cucm/api-log'
import { schemaVersionFor } from '../../../electron/services/cucm/cucm-service'
import { pemsIn } from '../../../electron/services/cucm/platform-certs'
import { readFault } from '../../../electron/services/cucm/soap'
import { buildEnvelope, parseEnvelopeBody } from '../../../electron/services/cucm/xml'
import { likePattern } from '../../../electron/services/practice-cucm/axl-handlers'

describe('CUCM client pieces', () => {
  it('maps the version CUCM reports to the AXL schema it speaks', () => {
    expect(schemaVersionFor('15.0.1.11900(23)')).toBe('15.0')
    expect(schemaVersionFor('14.0.1.13900-155')).toBe('14.0')
    expect(schemaVersionFor('12.5.1.16900(48)')).toBe('12.5')
    expect(schemaVersionFor('12.0.1.10000-10')).toBeUndefined()
    expect(schemaVersionFor('garbage')).toBeUndefined()
  })

  it('builds an AXL envelope with an escaped, unqualified body, and reads a fault back', () => {
    const xml = buildEnvelope({ namespace: 'http://www.cisco.com/AXL/API/15.0', operation: 'getPhone', body: { name: 'SEP<&>"1' } })
    expect(xml).toContain('<ns:getPhone><name>SEP&lt;&amp;&gt;&quot;1</name></ns:getPhone>')
    expect(xml).toContain('xmlns:ns="http://www.cisco.com/AXL/API/15.0"')
    const fault = parseEnvelopeBody(
      '<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Item not valid</faultstring><detail><axlError><axlcode>5007</axlcode><axlmessage>Item not valid: The specified Device Pool was not found</axlmessage><request>addConferenceBridge</request></axlError></detail></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>',
    )
    expect(fault && readFault(fault)).toEqual({
      faultcode: 'SOAP-ENV:Client',
      faultstring: 'Item not valid',
      axlcode: '5007',
      axlmessage: 'Item not valid: The specified Device Pool was not found',
      request: 'addConferenceBridge',
    })
    expect(parseEnvelopeBody('not xml at all <')).toBeUndefined()
    expect(parseEnvelopeBody('<a><b/></a>')).toBeUndefined()
  })

  it('keeps passwords and Authorization out of the log, by parsing, and caps bodies visibly', () => {
    expect(redactHeaders({ Authorization: 'Basic eDp5', 'Set-Cookie': 'JSESSIONID=1', SOAPAction: '"x"' })).toEqual({ SOAPAction: '"x"' })
    const xml = redactBody('<ns:addAppUser><appUser><userid>u</userid><password>S3cret!</password></appUser></ns:addAppUser>')
    expect(xml).not.toContain('S3cret!')
    expect(xml).toContain('<password>********</password>')
    const json = redactBody('{"user":"u","password":"S3cret!","nested":{"passphrase":"p"}}')
    expect(JSON.parse(json)).toEqual({ user: 'u', password: '********', nested: { passphrase: '********' } })
    expect(redactBody('password=S3cret! not json')).toBe('[unreadable body with a password field withheld]')
    expect(redactBody('x'.repeat(9000))).toMatch(/^x{8000}… \[1000 more characters not logged\]$/)
  })

  it('finds every PEM certificate in a certificate API answer, wherever it sits', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'
    expect(pemsIn([{ certificate: pem }, { other: { deep: `${pem}\r\n${pem}` } }])).toEqual([`${pem}\n`, `${pem}\n`, `${pem}\n`])
    expect(pemsIn({ message: 'none' })).toEqual([])
  })

  it('reads AXL search patterns as SQL LIKE, not as regular expressions', () => {
    expect(likePattern('%CFB%').test('SecureCFB')).toBe(true)
    expect(likePattern('SEP_1').test('SEPA1')).toBe(true)
    expect(likePattern('a.b').test('axb')).toBe(false)
    expect(likePattern('(.*)').test('x')).toBe(false)
  })
})
