import { performance } from 'node:perf_hooks'
import { Background } from './background'
import type { CucmLink } from './cucm-link'
import { CommandTree } from './cli-parser'
import { caretText, completion, errorText, helpText, resolveLine } from './cli-responses'
import { logStamp } from './clock'
import { ALL_COMMANDS } from './commands/all'
import { Aborted, type Ctx, type Handler, type Runtime, type Timing } from './context'
import { LineEditor } from './line-editor'
import { isConfigMode, promptFor, type Mode } from './modes'
import { parseOutputFilter } from './output-filter'
import { Pager } from './pager'
import { SeededStream, randomSeed } from './rng'
import { defaultSnapshot, restoreSnapshot, type RouterSnapshot } from './state'

export interface PracticeRouterOptions {
  /** Deterministic keys, serials and (without `now`) a clock starting at 2026-02-22 00:08:00 UTC. */
  seed?: string
  /** Restore a saved lab (from snapshot()). Its seed wins over `seed`. */
  state?: RouterSnapshot
  now?: () => Date
  /** Delay between `ntp server` and the clock becoming authoritative. Default 5000 ms. */
  ntpSyncDelayMs?: number
  /** Delay between a complete DSP farm configuration and its SCCP registration. Default 1500 ms. */
  registrationDelayMs?: number
  /** Delay between `Request certificate from CA? yes` and the certificate arriving. Default 1000 ms. */
  enrollDelayMs?: number
  hostname?: string
  /** CUCM, asked when a profile registers (the lab's practice CUCM); without it the router side decides alone. */
  cucm?: CucmLink
  /** How long before a registration CUCM refused is tried again. Default 10000 ms. */
  cucmRetryMs?: number
  /** Lines per screen before `--More--` (`terminal length`); IOS's default is 24, 0 never pauses. */
  terminalLength?: number
  /** console: `exit` shows "Press RETURN to get started."; vty: `exit` ends the session (onExit). */
  line?: 'console' | 'vty'
}

const SEEDED_EPOCH = Date.UTC(2026, 1, 22, 0, 8, 0)
/** IOS lines default to 24 lines a screen (Cisco IOS Configuration Fundamentals, `terminal length`). */
const DEFAULT_TERMINAL_LENGTH = 24

let sharedTree: CommandTree<Handler> | null = null
/** The one command tree every practice router shares (built on first use). */
export function commandTree(): CommandTree<Handler> {
  if (!sharedTree) {
    const tree = new CommandTree<Handler>()
    for (const def of ALL_COMMANDS) tree.add(def.modes, def.syntax, def.help ?? {}, def.run)
    tree.shareHelp()
    sharedTree = tree
  }
  return sharedTree
}

interface Waiter {
  resolve(line: string): void
  reject(error: Error): void
}

export class PracticeRouter {
  private readonly state: RouterSnapshot
  private readonly runtime: Runtime
  private readonly timing: Timing
  private readonly clock: () => Date
  private readonly tree = commandTree()
  private readonly editor: LineEditor
  private readonly lineKind: 'console' | 'vty'
  private readonly outputListeners = new Set<(text: string) => void>()
  private readonly changeListeners = new Set<() => void>()
  private readonly exitListeners = new Set<() => void>()
  private readonly background: Background
  private mode: Mode = 'user'
  private target = ''
  private pending = ''
  private pendingPos = 0
  private busy = false
  private pumping = false
  private waiter: Waiter | null = null
  private loggedOut = false
  private started = false
  private disposed = false
  private exited = false
  private deferred: string[] = []
  private idleWaiters: (() => void)[] = []
  private lastJson = ''
  /** Output of a `show … | modifier` command, collected before it is filtered. */
  private capture: string[] | null = null
  /** Output of the command being run, collected for `--More--` paging (terminal length > 0). */
  private paging: string[] | null = null
  private readonly pager = new Pager((text) => this.write(text))
  /** Where the current command's arguments sit on screen, for carets a handler reports. */
  private argColumns: { base: number; columns: Readonly<Record<string, number>> } = { base: 0, columns: {} }
  private readonly ctx: Ctx
  private readonly unlinkCucm: (() => void) | undefined

  constructor(opts: PracticeRouterOptions = {}) {
    this.state = opts.state ? restoreSnapshot(opts.state) : defaultSnapshot(opts.seed ?? randomSeed(), opts.hostname ?? 'VG-CME-1')
    if (opts.now) this.clock = opts.now
    else if (opts.seed !== undefined) {
      const base = performance.now()
      this.clock = () => new Date(SEEDED_EPOCH + Math.floor(performance.now() - base))
    } else this.clock = () => new Date()
    this.timing = {
      ntpSyncDelayMs: opts.ntpSyncDelayMs ?? 5000,
      registrationDelayMs: opts.registrationDelayMs ?? 1500,
      enrollDelayMs: opts.enrollDelayMs ?? 1000,
    }
    this.lineKind = opts.line ?? 'console'
    this.runtime = {
      ntpSynced: false,
      registered: new Set(),
      bootedAt: this.clock(),
      debugs: new Set(),
      terminalLength: opts.terminalLength ?? DEFAULT_TERMINAL_LENGTH,
    }
    const link = opts.cucm
    this.background = new Background(
      this.state,
      this.runtime,
      this.timing,
      this.clock,
      link
        ? {
            link,
            log: (message) => this.log(message),
            ...(opts.cucmRetryMs === undefined ? {} : { retryMs: opts.cucmRetryMs }),
          }
        : undefined,
    )
    // CUCM calls back from inside its own request handling: look again once that has finished.
    this.unlinkCucm = link?.onChange(() => this.background.later(0, () => this.background.recheck()))
    this.editor = new LineEditor((text) => this.write(text))
    this.lastJson = this.configJson()
    this.ctx = this.makeContext()
  }

  start(): void {
    if (this.started || this.disposed) return
    this.started = true
    this.out(
      '\n' +
        'Lab Console practice router: a simulated Cisco CISCO2921 running IOS 15.7(3)M.\n' +
        'It is not a real device; nothing you type here reaches hardware or the network.\n' +
        'Type ? for help.\n\n',
    )
    this.background.reconcile()
    this.showPrompt()
    this.pump()
  }

  input(data: string): void {
    if (this.disposed || this.exited) return
    this.pending = this.pending.slice(this.pendingPos) + data
    this.pendingPos = 0
    if (this.started) this.pump()
  }

  onOutput(listener: (text: string) => void): () => void {
    this.outputListeners.add(listener)
    return () => this.outputListeners.delete(listener)
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  /** A vty session ended with exit/logout. */
  onExit(listener: () => void): () => void {
    this.exitListeners.add(listener)
    return () => this.exitListeners.delete(listener)
  }

  snapshot(): RouterSnapshot {
    return structuredClone(this.state)
  }

  /** Resolves once all typed input has been processed (a dialog waiting for an answer counts as idle). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /** True while the router is working on a command and not reading the line (key generation, output). */
  get busyReading(): boolean {
    return this.busy || this.pendingPos < this.pending.length
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.unlinkCucm?.()
    this.background.dispose()
    this.outputListeners.clear()
    this.changeListeners.clear()
    this.exitListeners.clear()
    this.resolveIdle(true)
  }

  // ---- output -------------------------------------------------------------------------------

  private write(text: string): void {
    if (this.disposed) return
    for (const listener of this.outputListeners) listener(text)
  }

  private out(text: string): void {
    if (this.capture) this.capture.push(text)
    else if (this.paging) this.paging.push(text)
    else this.write(text.replace(/\r?\n/g, '\r\n'))
  }

  private prompt(): string {
    return promptFor(this.state.hostname, this.mode)
  }

  private showPrompt(): void {
    this.editor.setMode('command')
    this.write(this.prompt())
    const logs = this.deferred
    this.deferred = []
    // Messages that queued up together come out together under one reprinted prompt, like the
    // two "Certificate Request Fingerprint" lines of a public IOS 15 enroll capture.
    if (logs.length > 0) this.write(`\r\n${logs.join('\r\n')}\r\n${this.prompt()}`)
  }

  private stamped(message: string): string {
    return `${logStamp(this.clock(), this.runtime.ntpSynced)}: ${message}`
  }

  private log(message: string, opts: { stamp?: boolean; now?: boolean } = {}): void {
    const text = opts.stamp === false ? message : this.stamped(message)
    if (opts.now) this.out(`${text}\n`)
    else if (this.busy || this.waiter || this.loggedOut || !this.started) this.deferred.push(text)
    else this.write(`\r\n${text}\r\n${this.prompt()}${this.editor.text}`)
  }

  // ---- input pump ---------------------------------------------------------------------------

  /** Waiting at `--More--` counts as idle, like a dialog waiting for an answer. */
  private isIdle(): boolean {
    return (!this.busy || this.pager.paused) && this.pendingPos >= this.pending.length
  }

  private resolveIdle(force = false): void {
    if (!force && !this.isIdle()) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  private pump(): void {
    if (this.pumping || this.disposed) return
    this.pumping = true
    try {
      while ((!this.busy || this.pager.paused) && !this.exited && this.pendingPos < this.pending.length) {
        const ch = this.pending[this.pendingPos++] ?? ''
        this.handleChar(ch)
      }
    } finally {
      this.pumping = false
    }
    if (this.pendingPos >= this.pending.length) {
      this.pending = ''
      this.pendingPos = 0
    }
    this.resolveIdle()
  }

  private handleChar(ch: string): void {
    if (this.pager.paused) {
      if (this.pager.key(ch)) this.finish()
      return
    }
    const event = this.editor.feed(ch)
    if (!event) return
    if (this.loggedOut) {
      if (event.type === 'enter') {
        this.loggedOut = false
        this.mode = 'user'
        this.write('\r\n')
        this.showPrompt()
      }
      return
    }
    switch (event.type) {
      case 'enter':
        this.write('\r\n')
        if (this.waiter) this.answer(event.line)
        else this.runLine(event.line)
        return
      case 'help':
        this.help(event.text)
        return
      case 'tab':
        this.complete(event.text)
        return
      case 'ctrl-c':
        this.interrupt('^C')
        return
      case 'ctrl-z':
        this.interrupt('^Z')
        return
    }
  }

  private answer(line: string): void {
    const waiter = this.waiter
    this.waiter = null
    this.busy = true
    waiter?.resolve(line)
  }

  private ask(prompt: string, echo: boolean): Promise<string> {
    this.flushPaging()
    return new Promise<string>((resolve, reject) => {
      this.write(prompt.replace(/\r?\n/g, '\r\n'))
      this.editor.setMode(echo ? 'text' : 'secret')
      this.waiter = { resolve, reject }
      this.busy = false
      this.pump()
    })
  }

  /** Output collected for paging goes out as it is: the command turned into a dialog. */
  private flushPaging(): void {
    const text = this.paging?.join('') ?? ''
    this.paging = null
    if (text) this.write(text.replace(/\r?\n/g, '\r\n'))
  }

  private runLine(line: string): void {
    this.busy = true
    const length = this.runtime.terminalLength
    this.paging = length > 0 ? [] : null
    let result: void | Promise<void>
    try {
      result = this.dispatch(this.mode, line, 0)
    } catch (error) {
      this.reportFailure(error)
      result = undefined
    }
    // Only output a command prints at once is paged; dialogs (passwords, pasted PEM) never are.
    if (!(result instanceof Promise) && this.paging) {
      const text = this.paging.join('')
      this.paging = null
      if (this.pager.show(text.replace(/\r\n/g, '\n'), length)) return
    }
    this.flushPaging()
    if (result instanceof Promise) {
      result.then(
        () => this.finish(),
        (error: unknown) => {
          this.reportFailure(error)
          this.finish()
        },
      )
    } else this.finish()
  }

  private reportFailure(error: unknown): void {
    if (error instanceof Aborted) return
    const message = error instanceof Error ? error.message : String(error)
    this.out(`% Practice router internal error: ${message}\n`)
  }

  private finish(): void {
    if (this.disposed) return
    this.busy = false
    this.waiter = null
    this.refresh()
    if (this.exited) return
    if (!this.loggedOut) this.showPrompt()
    this.pump()
  }

  private dispatch(mode: Mode, line: string, offset: number): void | Promise<void> {
    const pipe = line.indexOf('|')
    if (pipe > 0 && (mode === 'exec' || mode === 'user') && this.tree.parse(mode, line.slice(0, pipe)).kind === 'ok') {
      const filter = parseOutputFilter(line.slice(pipe + 1))
      if (!filter) {
        this.out(caretText(this.prompt().length + offset + pipe))
        return
      }
      this.capture = []
      try {
        const result = this.dispatch(mode, line.slice(0, pipe), offset)
        if (result instanceof Promise) throw new Error('output modifiers apply to show commands only')
      } finally {
        const text = this.capture.join('')
        this.capture = null
        this.out(filter(text))
      }
      return
    }
    const { result, toConfig } = resolveLine(this.tree, mode, line)
    if (toConfig) {
      this.mode = 'config'
      this.target = ''
    }
    const base = this.prompt().length + offset
    if (result.kind !== 'ok') {
      this.out(errorText(result, mode, line, base))
      return
    }
    this.argColumns = { base, columns: result.columns }
    return result.handler(this.ctx, result.args)
  }

  private help(text: string): void {
    this.write('?\r\n')
    this.out(helpText(this.tree, this.mode, text))
    this.write(this.prompt() + text)
    this.editor.replaceText(text)
  }

  private complete(text: string): void {
    const done = completion(this.tree, this.mode, text)
    if (done === null) return
    if (done.startsWith(text)) this.write(done.slice(text.length))
    else this.write(`\r\n${this.prompt()}${done}`)
    this.editor.replaceText(done)
  }

  private interrupt(label: string): void {
    if (this.waiter) {
      this.write(`${label}\r\n`)
      const waiter = this.waiter
      this.waiter = null
      this.busy = true
      waiter.reject(new Aborted())
      return
    }
    if (isConfigMode(this.mode)) {
      this.write(`${label}\r\n`)
      this.endConfig()
      this.showPrompt()
    } else if (label === '^C') {
      this.write('\r\n')
      this.showPrompt()
    }
  }

  private endConfig(): void {
    this.mode = 'exec'
    this.target = ''
    this.deferred.push(this.stamped('%SYS-5-CONFIG_I: Configured from console by console'))
    this.refresh()
  }

  private logout(): void {
    this.mode = 'user'
    this.target = ''
    if (this.lineKind === 'vty') {
      this.exited = true
      for (const listener of this.exitListeners) listener()
      return
    }
    this.loggedOut = true
    this.editor.setMode('secret')
    this.out(`\n${this.state.hostname} con0 is now available\n\n\n\n\n\nPress RETURN to get started.\n\n`)
  }

  // ---- derived state ------------------------------------------------------------------------

  private refresh(): void {
    this.background.reconcile()
    this.checkChanged()
  }

  private configJson(): string {
    const { lastChange: _lastChange, ...rest } = this.state
    return JSON.stringify(rest)
  }

  private checkChanged(): void {
    const json = this.configJson()
    if (json === this.lastJson) return
    this.lastJson = json
    this.state.lastChange = this.clock().toISOString()
    for (const listener of this.changeListeners) listener()
  }

  private makeContext(): Ctx {
    const self = (): PracticeRouter => this
    const router = self()
    return {
      state: this.state,
      runtime: this.runtime,
      timing: this.timing,
      get mode() {
        return self().mode
      },
      get target() {
        return self().target
      },
      setMode(mode: Mode, target = '') {
        router.mode = mode
        router.target = target
      },
      out: (text) => router.out(text),
      line: (text = '') => router.out(`${text}\n`),
      ask: (prompt, opts) => router.ask(prompt, opts?.echo ?? true),
      async confirm(prompt) {
        for (;;) {
          const answer = (await router.ask(prompt, true)).trim().toLowerCase()
          if (answer === 'y' || answer === 'yes') return true
          if (answer === 'n' || answer === 'no') return false
          router.out("% Please answer 'yes' or 'no'.\n")
        }
      },
      now: () => router.clock(),
      stream: (label) => new SeededStream(router.state.seed, label),
      log: (message, opts) => router.log(message, opts),
      later: (ms, fn) => {
        router.background.later(ms, () => {
          fn()
          router.refresh()
        })
      },
      exec: (line) => router.dispatch('exec', line, router.argColumns.base - router.prompt().length + (router.argColumns.columns.cmd ?? 0)),
      invalidArg: (name) => {
        const column = router.argColumns.base + (router.argColumns.columns[name] ?? 0)
        router.out(caretText(column))
      },
      endConfig: () => router.endConfig(),
      logout: () => router.logout(),
      refresh: () => router.refresh(),
    }
  }
}
