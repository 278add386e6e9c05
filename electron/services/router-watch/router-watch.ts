import { PromptTail, type DetectedPrompt } from '../../../shared/ios/prompt'
import { findFingerprintLines } from '../../../shared/ios/fingerprint'
import { parsePkiExport } from '../../../shared/ios/pem-export'
import { cleanTerminalText } from '../../../shared/ios/text'
import { LIMITS, chunk, fitText, type Payload } from '../../../shared/contract'

export interface RouterWatchEvents {
  fingerprints(payload: Omit<Payload<'session.fingerprints'>, 'id'>): void
  certificates(payload: Omit<Payload<'session.certificates'>, 'id'>): void
}

const FINGERPRINT_LINE = /Fingerprint\s+(MD5|SHA1|SHA256)\s*:/i
const EXPORT_LABEL = /^\s*%\s*(?:CA certificate|General Purpose Certificate|Certificate|Key name)\s*:/i
const EXPORT_COMMAND = /crypto\s+pki\s+export\s+(\S+)\s+pem/i
/** Largest export kept while waiting for the prompt that ends it. */
const MAX_EXPORT_CHARS = 64 * 1024
const ALGORITHMS = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256' } as const

/**
 * Reads a session's output the way an engineer does: knows which prompt the router is at (split
 * reads included), notices fingerprint lines and `crypto pki export … pem terminal` output, and
 * reports them so the workbench can match or keep them. It never writes to the session.
 */
export class RouterWatch {
  private readonly tail = new PromptTail(4096)
  private partial = ''
  private fingerprintLines: string[] = []
  private fingerprintTimer: ReturnType<typeof setTimeout> | undefined
  private exportText: string | undefined
  private lastExportTrustpoint: string | undefined

  constructor(private readonly events: RouterWatchEvents) {}

  feed(text: string): void {
    const prompt = this.tail.feed(text)
    const lines = (this.partial + text).split('\n')
    this.partial = lines.pop() ?? ''
    if (this.partial.length > 4096) this.partial = this.partial.slice(-4096)
    for (const raw of lines) this.line(cleanTerminalText(raw).replace(/\r/g, ''))
    if (prompt) this.promptSeen(prompt)
  }

  /** The tail of output (clean) and the prompt it ends at. */
  state(): { text: string; prompt: DetectedPrompt | null } {
    return { text: this.tail.text(), prompt: this.tail.detect() }
  }

  dispose(): void {
    if (this.fingerprintTimer) clearTimeout(this.fingerprintTimer)
  }

  private line(line: string): void {
    const command = line.match(EXPORT_COMMAND)
    if (command) this.lastExportTrustpoint = command[1]
    if (FINGERPRINT_LINE.test(line)) {
      this.fingerprintLines.push(line)
      if (this.fingerprintTimer) clearTimeout(this.fingerprintTimer)
      // Lines of one group arrive together; report them once the group is complete.
      this.fingerprintTimer = setTimeout(() => this.reportFingerprints(), 30)
    }
    if (this.exportText === undefined && EXPORT_LABEL.test(line)) this.exportText = ''
    if (this.exportText !== undefined) {
      this.exportText += `${line}\n`
      if (this.exportText.length > MAX_EXPORT_CHARS) this.exportText = undefined
    }
  }

  private promptSeen(prompt: DetectedPrompt): void {
    const atCli = prompt.kind === 'privileged' || prompt.kind === 'user-exec' || prompt.kind === 'config'
    if (!atCli || this.exportText === undefined) return
    const text = this.exportText
    this.exportText = undefined
    const parsed = parsePkiExport(text)
    if (!parsed.ok) return
    const caps = LIMITS.certificates
    const blocks = parsed.value.blocks
      .filter((b) => b.type === 'CERTIFICATE' && b.pem.length <= caps.pem)
      .map((b) => ({ label: fitText(b.label ?? 'Certificate', caps.label), pem: b.pem }))
    // The device decides how many blocks and how long a trustpoint name: split into events that
    // fit rather than losing any certificate (the whole export is already capped above).
    const trustpoint = this.lastExportTrustpoint ? { trustpoint: fitText(this.lastExportTrustpoint, caps.trustpoint) } : {}
    for (const group of chunk(blocks, caps.perEvent)) this.events.certificates({ blocks: group, ...trustpoint })
  }

  private reportFingerprints(): void {
    this.fingerprintTimer = undefined
    const context = this.fingerprintLines.join('\n')
    this.fingerprintLines = []
    const found = findFingerprintLines(context).lines
    if (found.length === 0) return
    const caps = LIMITS.fingerprints
    const all = found.map((f) => ({ algorithm: ALGORITHMS[f.algorithm], hex: f.hex }))
    for (const group of chunk(all, caps.perEvent)) this.events.fingerprints({ fingerprints: group, context: fitText(context, caps.context) })
  }
}
