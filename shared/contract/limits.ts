/**
 * Size caps of event payloads, named once: the schemas use them, and so do the services that
 * produce the payloads, which trim to them (see fit.ts). A device decides how long a banner or
 * an algorithm list is, so producers must make it fit instead of letting validation throw.
 */
export const LIMITS = {
  session: { title: 256, reason: 4096, detail: 512, warning: 512, logPath: 4096, logError: 1024 },
  prompt: { title: 256, message: 4096, fields: 16, fieldLabel: 512, fingerprint: 256 },
  seenPrompt: { text: 512, mode: 64 },
  fingerprints: { perEvent: 32, context: 2048, sectionLabel: 256 },
  clock: { text: 128 },
  certificates: { perEvent: 8, trustpoint: 64, label: 128, pem: 64 * 1024 },
  notice: { message: 4096 },
} as const

/** What marks a value that was cut to fit. */
export const ELLIPSIS = '…'
