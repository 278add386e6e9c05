import { detectPrompt, type DetectedPrompt } from '../../../shared/ios/prompt'
import { ACCEPT_CERTIFICATE_QUESTION, readPrintedFingerprints } from '../../../shared/ios/printed-fingerprints'
import { parseShowClockLine } from '../../../shared/ios/clock'
import { parsePkiExport } from '../../../shared/ios/pem-export'
import { cleanTerminalText } from '../../../shared/ios/text'
import { LIMITS, MAX_REPORTED_FINGERPRINTS, chunk, fitText, type Payload } from '../../../shared/contract'

export interface RouterWatchEvents {
  fingerprints(payload: Omit<Payload<'session.fingerprints'>, 'id'>): void
  /** Optional: `show clock` output (the workbench judges certificate start dates against it). */
  clock?(payload: Omit<Payload<'session.clock'>, 'id'>): void
  certificates(payload: Omit<Payload<'session.certificates'>, 'id'>): void
}

const FINGERPRINT_LINE = /Fingerprint\s+(MD5|SHA1|SHA256)\s*:/i
const EXPORT_LABEL = /^\s*%\s*(?:CA certificate|General Purpose Certificate|Certificate|Key name)\s*:/i
const EXPORT_COMMAND = /crypto\s+pki\s+export\s+(\S+)\s+pem/i
/** Largest export kept while waiting for the prompt that ends it. */
const MAX_EXPORT_CHARS = 64 * 1024
const ALGORITHMS = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256' } as const
/** Lines read since the last CLI prompt, to know which certificate section each fingerprint is in. */
const MAX_OUTPUT_LINES = 600
/**
 * Output kept since the last CLI prompt for those lines, as the raw pieces it came in: splitting
 * every line of a flood into an array cost more than everything else the watch does. Far more
 * than 600 lines of `show crypto pki certificates verbose` (about 60 characters a line).
 */
const MAX_OUTPUT_CHARS = 256 * 1024
/** The longest line kept for the fingerprint sections (a device may send a line without end). */
const MAX_LINE_CHARS = 4096
/**
 * Fingerprints are reported at the prompt that ends their output (that is when the router is known
 * to ask, or not, "Do you accept this certificate?"). Without a recognisable prompt they are
 * reported after this quiet time anyway; a slow serial line (9600 baud: ~1 ms a character) sends a
 * whole fingerprint group well within it.
 */
const QUIET_REPORT_MS = 1000
/** Raw output kept for state(): what the checklist reads at a prompt. */
const TAIL_CHARS = 4096
/**
 * The prompt check reads only this much of the end of the output. A prompt is the last line (or,
 * for the enrollment paste question, the last non-blank one) and IOS prompts are short: a
 * hostname is at most 63 characters (Cisco IOS Configuration Fundamentals, `hostname`), the
 * longest question IOS asks here is `% Do you accept this certificate? [yes/no]:`. Cleaning and
 * scanning the whole 4 KiB tail on every read was ~45 % of the host's CPU during a flood.
 */
export const PROMPT_WINDOW_CHARS = 512
/**
 * A raw line can matter only if it holds one of these: `%` (IOS messages, export labels), a time
 * (a `show clock` line, see CLOCK_LINE in shared/ios/clock.ts), `export` (the export command),
 * `fingerprint`, or a backspace (an edited command line). Other lines are kept raw for the
 * fingerprint sections and cleaned only when fingerprints are reported.
 */
const MAY_MATTER = /[%\b]|\d:\d\d:\d\d|export|fingerprint/gi
/**
 * How many line ends the prompt check looks back over (within PROMPT_WINDOW_CHARS): a prompt is
 * the last line, the enrollment paste question the last non-blank one, which a line holding only
 * a colour reset may follow; CR LF counts two.
 */
const PROMPT_LINE_ENDS = 4

/**
 * Reads a session's output the way an engineer does: knows which prompt the router is at (split
 * reads included), notices fingerprint lines and `crypto pki export … pem terminal` output, and
 * reports them so the workbench can match or keep them. It never writes to the session.
 */
export class RouterWatch {
  private tail = ''
  private partial = ''
  /** Whole lines since the last CLI prompt, in the pieces they came in, each ended by LF. */
  private output: string[] = []
  private outputChars = 0
  /** Characters since the last CLI prompt, including those no longer kept. */
  private outputTotal = 0
  private fingerprintsPending = false
  private lastReportAsked: boolean | undefined
  /** Output already reported (characters): a session without IOS prompts (a shell) never clears it. */
  private reportedChars = 0
  private lastReport: Omit<Payload<'session.fingerprints'>, 'id' | 'asking'> | undefined
  private fingerprintTimer: ReturnType<typeof setTimeout> | undefined
  private exportText: string | undefined
  private lastExportTrustpoint: string | undefined

  constructor(private readonly events: RouterWatchEvents) {}

  feed(text: string): void {
    if (!text) return
    this.tail = text.length >= TAIL_CHARS ? text.slice(-TAIL_CHARS) : (this.tail + text).slice(-TAIL_CHARS)
    const prompt = this.detect()
    const combined = this.partial + text
    const end = combined.lastIndexOf('\n')
    this.partial = combined.slice(end + 1)
    if (this.partial.length > MAX_LINE_CHARS) this.partial = this.partial.slice(-MAX_LINE_CHARS)
    if (end >= 0) this.lines(combined.slice(0, end))
    if (prompt) this.promptSeen(prompt)
  }

  /** The tail of output (clean) and the prompt it ends at. */
  state(): { text: string; prompt: DetectedPrompt | null } {
    return { text: cleanTerminalText(this.tail), prompt: this.detect() }
  }

  private detect(): DetectedPrompt | null {
    return detectPrompt(promptWindow(this.tail))
  }

  dispose(): void {
    if (this.fingerprintTimer) clearTimeout(this.fingerprintTimer)
  }

  /**
   * Whole lines (LF-separated, without the last LF). Only the lines that hold what the watch looks
   * for are cleaned and read (MAY_MATTER); while an export is being collected, every line is.
   */
  private lines(text: string): void {
    this.keepOutput(text)
    let from = 0
    while (from <= text.length) {
      if (this.exportText === undefined) {
        MAY_MATTER.lastIndex = from
        const hit = MAY_MATTER.exec(text)
        if (!hit) return
        from = text.lastIndexOf('\n', hit.index) + 1
      }
      const next = text.indexOf('\n', from)
      const lineEnd = next === -1 ? text.length : next
      this.line(text.slice(from, lineEnd))
      from = lineEnd + 1
    }
  }

  private keepOutput(text: string): void {
    const piece = `${text}\n`
    this.output.push(piece)
    this.outputChars += piece.length
    this.outputTotal += piece.length
    // Whole pieces are let go once the rest still holds MAX_OUTPUT_CHARS: nothing is copied.
    while (this.output.length > 1 && this.outputChars - (this.output[0]?.length ?? 0) >= MAX_OUTPUT_CHARS) {
      this.outputChars -= this.output.shift()?.length ?? 0
    }
  }

  private line(raw: string): void {
    const line = clean(raw)
    const command = line.match(EXPORT_COMMAND)
    if (command) this.lastExportTrustpoint = command[1]
    if (line.length <= 200 && this.events.clock) {
      const clock = parseShowClockLine(line)
      if (clock) {
        this.events.clock({
          text: fitText(clock.date.text, LIMITS.clock.text),
          ...(clock.date.utcMs !== undefined ? { utcMs: clock.date.utcMs } : {}),
          authoritative: clock.authoritative,
          observedAt: Date.now(),
        })
      }
    }
    if (FINGERPRINT_LINE.test(line)) {
      this.fingerprintsPending = true
      this.lastReportAsked = undefined
      if (this.fingerprintTimer) clearTimeout(this.fingerprintTimer)
      this.fingerprintTimer = setTimeout(() => this.reportFingerprints(false), QUIET_REPORT_MS)
    }
    if (this.exportText === undefined && EXPORT_LABEL.test(line)) this.exportText = ''
    if (this.exportText !== undefined) {
      this.exportText += `${line}\n`
      if (this.exportText.length > MAX_EXPORT_CHARS) this.exportText = undefined
    }
  }

  private promptSeen(prompt: DetectedPrompt): void {
    const atCli = prompt.kind === 'privileged' || prompt.kind === 'user-exec' || prompt.kind === 'config'
    const asking = prompt.kind === 'yes-no' && ACCEPT_CERTIFICATE_QUESTION.test(prompt.text)
    // Report pending fingerprints now; if they went out before the question arrived, again with it.
    if (this.fingerprintsPending) this.reportFingerprints(asking)
    else if (asking && this.lastReportAsked === false && this.lastReport) {
      // The question came after the quiet-time report: the same fingerprints, now asked about.
      this.lastReportAsked = true
      this.events.fingerprints({ ...this.lastReport, asking: true })
    }
    if (atCli) {
      this.output = []
      this.outputChars = 0
      this.outputTotal = 0
      this.reportedChars = 0
    }
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

  private reportFingerprints(asking: boolean): void {
    if (this.fingerprintTimer) clearTimeout(this.fingerprintTimer)
    this.fingerprintTimer = undefined
    this.fingerprintsPending = false
    // Sections are read from the last MAX_OUTPUT_LINES lines since the prompt, cleaned only now;
    // only fingerprints not reported yet are reported.
    const text = this.output.join('')
    const kept = text === '' ? [] : text.slice(0, -1).split('\n')
    // The first kept line that was not reported yet.
    let unreported = 0
    for (let at = this.outputTotal - text.length; unreported < kept.length && at < this.reportedChars; unreported++) {
      at += (kept[unreported]?.length ?? 0) + 1
    }
    const start = Math.max(0, kept.length - MAX_OUTPUT_LINES)
    const lines = kept.slice(start).map((raw) => clean(raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw))
    const from = Math.max(0, unreported - start)
    const printed = readPrintedFingerprints(lines.join('\n')).filter((f) => f.line >= from)
    this.reportedChars = this.outputTotal
    if (printed.length === 0) return
    this.lastReportAsked = asking
    // The contract caps a report; the section labels name what was left out.
    const reported = printed.slice(-MAX_REPORTED_FINGERPRINTS)
    const context = lines
      .slice(from)
      .filter((l) => FINGERPRINT_LINE.test(l))
      .join('\n')
    this.lastReport = {
      fingerprints: reported.map((f) => ({
        algorithm: ALGORITHMS[f.algorithm],
        hex: f.hex,
        section: f.section,
        sectionLabel: fitText(f.sectionLabel, LIMITS.fingerprints.sectionLabel),
      })),
      context: fitText(context, LIMITS.fingerprints.context),
    }
    this.events.fingerprints({ ...this.lastReport, asking })
  }
}

/**
 * The end of the output that can hold a prompt: the last lines (PROMPT_LINE_ENDS line ends after
 * the last text), at most PROMPT_WINDOW_CHARS, so that each read cleans a line or two, not 512
 * characters.
 */
function promptWindow(tail: string): string {
  const from = Math.max(0, tail.length - PROMPT_WINDOW_CHARS)
  let sawText = false
  let ends = 0
  for (let i = tail.length - 1; i >= from; i--) {
    const code = tail.charCodeAt(i)
    if (code === 10 || code === 13) {
      if (sawText && ++ends === PROMPT_LINE_ENDS) return tail.slice(i + 1)
    } else if (code !== 32 && code !== 9) {
      sawText = true
    }
  }
  return tail.slice(from)
}

function clean(raw: string): string {
  return cleanTerminalText(raw).replace(/\r/g, '')
}
