import { generateKeyPairSync, randomBytes } from 'node:crypto'
import forge from 'node-forge'

/**
 * A self-signed certificate with a fresh 2048-bit RSA key (node:crypto makes the key; forge
 * writes the certificate): the practice nodes' tomcat and subscriber CallManager certificates.
 * They are kept in the lab's state, so the pin a user accepted stays valid across restarts.
 */
export function selfSigned(cn: string, usage: 'tomcat' | 'callmanager', now = new Date()): { cert: string; key: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  const serial = randomBytes(16)
  serial[0] = (serial[0] ?? 0) & 0x7f
  cert.serialNumber = serial.toString('hex')
  cert.validity.notBefore = new Date(now.getTime() - 60_000)
  cert.validity.notAfter = new Date(now.getTime() + 5 * 365 * 24 * 3600_000)
  const attrs = [
    { shortName: 'C', value: 'CN' },
    { shortName: 'O', value: 'cisco' },
    { shortName: 'OU', value: 'a' },
    { shortName: 'CN', value: cn },
    { shortName: 'ST', value: 'c' },
    { shortName: 'L', value: 'b' },
  ]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([
    { name: 'basicConstraints', cA: usage === 'callmanager' },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, dataEncipherment: true, keyCertSign: usage === 'callmanager' },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: cn },
        { type: 7, ip: '127.0.0.1' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n'), key: keyPem }
}
