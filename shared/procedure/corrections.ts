import type { CorrectionId } from './types'

/** Where the tech note is wrong or silent, and what this procedure does instead. */
export interface Correction {
  readonly id: CorrectionId
  readonly title: string
  readonly detail: string
  /** Steps the correction changes. */
  readonly steps: readonly string[]
}

export const CORRECTIONS: readonly Correction[] = [
  {
    id: 'callmanager-trust-not-tomcat',
    title: 'Upload to CallManager-trust, not tomcat-trust',
    detail:
      "The tech note's screenshot shows tomcat-trust. Cisco CallManager validates the bridge's TLS certificate against CallManager-trust; tomcat-trust only serves the web server.",
    steps: ['t1-11'],
  },
  {
    id: 'upload-ca-too',
    // A recommendation, not a fix of the note: its step 4.2 uploads {bridgeName}.pem alone and the
    // bridge registered (shared/DOMAIN.md step 11 and rule 10).
    title: 'Recommended: upload {caName}.pem as well as {bridgeName}.pem',
    detail:
      'The tech note uploads {bridgeName}.pem alone and the bridge registered. Uploading the CA ({caName}) too is recommended: CUCM then keeps trusting the bridge when its certificate is re-issued by the same CA.',
    steps: ['t1-11'],
  },
  {
    id: 'restart-callmanager',
    title: "Restart Cisco CallManager on the nodes of the bridge's CUCM group",
    detail:
      "CallManager reads CallManager-trust at start-up; until restarted it refuses the bridge. The restart concerns {cucmNodeNames}; it interrupts that node's registrations and calls, so do it in a maintenance window, one node at a time.",
    steps: ['t1-11'],
  },
  {
    id: 'ntp-before-no-shutdown',
    title: 'NTP synchronized before `no shutdown`, not "wait ~30 s"',
    detail:
      'The CA will not start on a non-authoritative clock (%PKI-2-NON_AUTHORITATIVE_CLOCK). Check `show ntp status` instead of waiting a fixed time.',
    steps: ['t1-04'],
  },
  {
    id: 'lifetime-capped',
    // Cisco IOS Security Command Reference, `lifetime (cs-server)`: `lifetime certificate` 1–1825
    // days, `lifetime ca-certificate` 1–7305 days, CA default 3 years (1095 days). The tech note
    // sets `lifetime certificate 1800` (shared/DOMAIN.md step 2) and got a ~1095-day certificate.
    title: '`lifetime certificate {lifetimeCertificateDays}` is capped by the CA',
    detail:
      "IOS never issues a certificate that outlives its CA certificate. The CA lives 1095 days (3 years) unless `lifetime ca-certificate` says otherwise (this site: {caLifetimeDays} days), so the tech note's `lifetime certificate 1800` gave a bridge certificate of about 1095 days, not 1800.",
    steps: ['t1-02', 't1-07'],
  },
  {
    id: 'weak-crypto-flagged',
    title: 'Weak crypto accepted, but flagged',
    // Evidence: the tech note's bridge certificate (SHA-1, 1024-bit) registered; the note uploads
    // only that certificate, so it does not show CUCM accepting the MD5-signed CA (DOMAIN rule 8).
    detail:
      "IOS 15 makes a 1024-bit RSA CA signed with MD5 and signs with SHA-1. The tech note's bridge certificate (SHA-1, 1024-bit) registered on CUCM; whether CUCM 15 accepts the MD5-signed CA in a trust store is not shown there. The workbench warns rather than blocks.",
    steps: ['t1-04', 't1-07', 't1-11'],
  },
]
