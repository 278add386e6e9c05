// Rules 9–12 and 5 for the set of files going to CUCM: root + bridge, one certificate per file,
// the right trust store, no private keys, and a verified chain between the two.

import { verifyIssued } from './chain'
import { checkCertificate } from './checks'
import { findBridge, findRoot } from './upload-roles'
import type { Check, KeyBlockInfo, ParsedCertificate } from './types'

export interface UploadContext {
  /** The clock for validity checks of the root and bridge certificates. */
  now: Date
  /** The router's clock (show clock), when known: start dates are judged against it. */
  routerNow?: Date
  /** The CUCM conference bridge name; picks the bridge certificate by CN when several leaves are present. */
  bridgeName?: string
  /** The CUCM trust store chosen for the upload (`CallManager-trust`, `tomcat-trust`, …). */
  trustStore?: string
  /** The files as the user will upload them, when they were loaded as files. */
  files?: ReadonlyArray<{ fileName: string; certificates: number; privateKeys?: number }>
  /** Key blocks that came with the certificates. */
  keys?: readonly KeyBlockInfo[]
}

function nameOf(cert: ParsedCertificate): string {
  return cert.commonName ?? cert.subject.text
}

export async function checkUploadSet(certs: readonly ParsedCertificate[], ctx: UploadContext): Promise<Check[]> {
  const checks: Check[] = []
  if (certs.length === 0) {
    checks.push({
      severity: 'error',
      code: 'upload-empty',
      message: 'Nothing to upload: CUCM needs the bridge certificate (and, recommended, the CA certificate).',
    })
    return checks
  }
  const root = findRoot(certs)
  const bridge = findBridge(certs, ctx.bridgeName)
  if (!root) {
    // A note, not an error: the tech note (step 4.2) uploads the bridge certificate alone and the
    // bridge registered. Adding the CA is our recommendation (shared/DOMAIN.md rule 10).
    const issuer = bridge ? ` (${bridge.issuer.text})` : ''
    checks.push({
      severity: 'info',
      code: 'missing-root',
      message: `Recommended: add the CA certificate${issuer} too. The tech note uploads the bridge certificate alone and it registered; with the CA in CallManager-trust as well, a re-issued bridge certificate is trusted without another upload.`,
    })
  }
  if (!bridge) {
    checks.push({
      severity: 'error',
      code: 'missing-bridge',
      message: `The bridge certificate${ctx.bridgeName ? ` (CN=${ctx.bridgeName})` : ''} is missing: CUCM checks the bridge's TLS certificate, so it must be in the upload (the tech note uploads it alone).`,
    })
  }
  // Blocking per-certificate faults (expired, key too large, CN mismatch, wildcard) block the upload too.
  for (const cert of [root, bridge]) {
    if (!cert) continue
    const own = checkCertificate(cert, {
      now: ctx.now,
      ...(ctx.routerNow ? { routerNow: ctx.routerNow } : {}),
      ...(cert === bridge && ctx.bridgeName ? { bridgeName: ctx.bridgeName } : {}),
    })
    checks.push(...own.filter((c) => c.severity === 'error'))
  }
  if (root && bridge) {
    const chain = await verifyIssued(bridge, root)
    checks.push({
      severity: chain.ok ? 'info' : 'error',
      code: chain.ok ? 'chain-ok' : 'chain-broken',
      message: chain.ok ? chain.message : `${chain.message} CUCM will reject the bridge's TLS connection.`,
      certificateId: bridge.id,
    })
  }
  for (const f of ctx.files ?? []) {
    if (f.certificates > 1) {
      checks.push({
        severity: 'error',
        code: 'multiple-per-file',
        message: `${f.fileName} holds ${f.certificates} certificates: CUCM reads one certificate per PEM or DER file, so upload each separately.`,
      })
    }
    if ((f.privateKeys ?? 0) > 0) {
      checks.push({
        severity: 'error',
        code: 'private-key-in-upload',
        message: `${f.fileName} contains a private key: trust stores take certificates only, and a key must never leave the router.`,
      })
    }
  }
  const privateKeys = (ctx.keys ?? []).filter((k) => k.kind === 'private')
  if (privateKeys.length > 0) {
    checks.push({
      severity: 'error',
      code: 'private-key-in-upload',
      message: `${privateKeys.length} private key block(s) are in the upload set: trust stores take certificates only, and a key must never leave the router.`,
    })
  }
  const store = ctx.trustStore?.trim()
  if (store && /tomcat/i.test(store)) {
    checks.push({
      severity: 'warning',
      code: 'wrong-store',
      message: `${store} is the wrong store: the Cisco CallManager service validates the bridge's TLS connection against CallManager-trust (the tech note's screenshot shows tomcat-trust by mistake).`,
    })
  } else if (store && !/^CallManager-trust$/i.test(store)) {
    checks.push({
      severity: 'warning',
      code: 'unexpected-store',
      message: `${store} is not CallManager-trust: the Cisco CallManager service only trusts certificates in CallManager-trust for the bridge's TLS connection.`,
    })
  } else {
    checks.push({
      severity: 'info',
      code: 'store-reminder',
      message:
        'Upload to CallManager-trust (not tomcat-trust), then restart the Cisco CallManager service: it reads the trust store only at start-up.',
    })
  }
  const unrelated = certs.filter((c) => c !== root && c !== bridge)
  for (const c of unrelated) {
    checks.push({
      severity: 'info',
      code: 'extra-certificate',
      message: `${nameOf(c)} is neither the CA nor the bridge certificate; it is not needed for the secure conference bridge.`,
      certificateId: c.id,
    })
  }
  return checks
}
