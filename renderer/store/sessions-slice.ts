import type { StateCreator } from 'zustand/vanilla'
import {
  LogOptions,
  type Out,
  type PacedSendOptions,
  type SessionInfo,
  type SessionOptions,
  type SessionPrompt,
  type SessionSpec,
} from '../../shared/contract'
import { pasteLineCount } from './paste-lines'
import type { LabState, StoreDeps } from './types'

export interface SessionTab {
  /** Stable for the tab's life; the session id changes when the tab reconnects. */
  readonly tabId: string
  readonly sessionId?: string
  readonly spec: SessionSpec
  /** Profile name, log and line handling: reused as they are when the tab reconnects. */
  readonly options?: SessionOptions
  /** What the tab is called before the session reports a title (the profile or quick-connect text). */
  readonly label?: string
  /** Why the session could not even be opened (validation, unavailable kind). */
  readonly openError?: string
  /** The log this tab writes: a reconnect appends to the same file. */
  readonly logFile?: LogChoice & { readonly fileName: string }
  /** Connections made so far by this tab (1 for the first): fills {connection} in log names. */
  readonly connection?: number
}

/** A log template with this placeholder asks for a new file on every reconnect. */
export const CONNECTION_PLACEHOLDER = '{connection}'

/** How a log started from a running session is written. */
export interface LogChoice {
  /** A file name in the logs folder; empty or absent for a name from the template. */
  readonly fileName?: string
  readonly mode: 'raw' | 'text'
  readonly timestamps: boolean
}

export interface PacedSendState {
  readonly status: 'running' | 'cancelling' | 'done' | 'failed' | 'cancelled'
  readonly line: number
  readonly lines: number
  readonly bytes: number
  /** The main process's words for why a line did not complete. */
  readonly error?: string
  readonly summary?: Out<'session.pacedSend'>
}

export interface OpenOptions {
  readonly options?: SessionOptions
  readonly label?: string
  readonly size?: { cols: number; rows: number }
}

export interface SessionsSlice {
  tabs: SessionTab[]
  activeTabId?: string
  /** Latest state of every session, by id. Kept apart from tabs because events can beat the open call's reply. */
  sessionInfo: Record<string, SessionInfo>
  prompts: SessionPrompt[]
  /** Paced sends by session id: running, or the last one's outcome until dismissed. */
  pacedSends: Record<string, PacedSendState>
  openSession(spec: SessionSpec, open?: OpenOptions): Promise<string>
  reconnect(tabId: string): Promise<void>
  /** Ends the tab's session but keeps the tab, its scrollback and its log file for a reconnect. */
  disconnect(tabId: string): Promise<void>
  startLog(tabId: string, choice: LogChoice): Promise<void>
  /** New speed for the tab's serial line (cable or RFC 2217 port); a reconnect keeps it. */
  setBaudRate(tabId: string, baudRate: number): Promise<void>
  stopLog(tabId: string): Promise<void>
  closeTab(tabId: string): Promise<void>
  activateTab(tabId: string): void
  sessionStateChanged(info: SessionInfo): void
  promptArrived(prompt: SessionPrompt): void
  answerPrompt(prompt: SessionPrompt, answer: { answers?: string[]; accept?: boolean; remember?: boolean }): Promise<void>
  sendBreak(sessionId: string, ms: number): Promise<void>
  startPacedSend(sessionId: string, text: string, options: PacedSendOptions): Promise<void>
  cancelPacedSend(sessionId: string): Promise<void>
  sendProgressArrived(progress: { id: string; line: number; lines: number; bytes: number }): void
  dismissPacedSend(sessionId: string): void
}

let tabCounter = 0

const baseName = (filePath: string): string => filePath.split(/[\\/]/).pop() ?? filePath

function withoutLog(tab: SessionTab): SessionTab {
  const { logFile: _dropped, ...rest } = tab
  void _dropped
  return rest
}
const DEFAULT_SIZE = { cols: 80, rows: 24 }

export function createSessionsSlice(deps: StoreDeps): StateCreator<LabState, [], [], SessionsSlice> {
  return (set, get) => {
    const setTab = (tabId: string, patch: Partial<SessionTab>): void =>
      set((s) => ({ tabs: s.tabs.map((t) => (t.tabId === tabId ? { ...t, ...patch } : t)) }))
    const setPaced = (id: string, update: (prev: PacedSendState | undefined) => PacedSendState | undefined): void =>
      set((s) => {
        const next = update(s.pacedSends[id])
        const pacedSends = { ...s.pacedSends }
        if (next) pacedSends[id] = next
        else delete pacedSends[id]
        return { pacedSends }
      })

    /**
     * The tab's options for its `connection`-th connection: its log continues in the same file,
     * unless the template has {connection}, which names a new file for each connection.
     */
    const optionsFor = (tab: SessionTab, connection: number): SessionOptions | undefined => {
      const template = tab.options?.log?.template
      if (template?.includes(CONNECTION_PLACEHOLDER) && tab.options?.log) {
        const log = { ...tab.options.log, template: template.replaceAll(CONNECTION_PLACEHOLDER, String(connection)) }
        return { ...tab.options, log }
      }
      if (!tab.logFile) return tab.options
      const { fileName, mode, timestamps } = tab.logFile
      const log = { ...LogOptions.parse(tab.options?.log ?? {}), enabled: true, mode, timestamps, appendTo: fileName }
      return { ...tab.options, log }
    }

    async function connectTab(tab: SessionTab, size: { cols: number; rows: number }): Promise<void> {
      const connection = (tab.connection ?? 0) + 1
      setTab(tab.tabId, { sessionId: undefined, openError: undefined, connection })
      const options = optionsFor(tab, connection)
      try {
        const { id } = await deps.transport.invoke('session.open', {
          spec: tab.spec,
          ...size,
          ...(options ? { options } : {}),
        })
        setTab(tab.tabId, { sessionId: id })
      } catch (err) {
        setTab(tab.tabId, { openError: (err as Error).message })
      }
    }

    return {
      tabs: [],
      sessionInfo: {},
      prompts: [],
      pacedSends: {},

      async openSession(spec, open = {}) {
        const tab: SessionTab = {
          tabId: `t${++tabCounter}`,
          spec,
          ...(open.options ? { options: open.options } : {}),
          ...(open.label ? { label: open.label } : {}),
        }
        set((s) => ({ tabs: [...s.tabs, tab], activeTabId: tab.tabId }))
        await connectTab(tab, open.size ?? DEFAULT_SIZE)
        return tab.tabId
      },

      async reconnect(tabId) {
        const tab = get().tabs.find((t) => t.tabId === tabId)
        if (!tab) return
        if (tab.sessionId) await deps.transport.invoke('session.close', { id: tab.sessionId }).catch(() => undefined)
        // The new terminal reports its real size as soon as it is mounted.
        await connectTab(tab, DEFAULT_SIZE)
      },

      async disconnect(tabId) {
        const tab = get().tabs.find((t) => t.tabId === tabId)
        if (tab?.sessionId) await deps.transport.invoke('session.close', { id: tab.sessionId }).catch(() => undefined)
      },

      async startLog(tabId, choice) {
        const tab = get().tabs.find((t) => t.tabId === tabId)
        if (!tab?.sessionId) return
        const fileName = choice.fileName?.trim()
        try {
          const { path } = await deps.transport.invoke('session.logStart', {
            id: tab.sessionId,
            mode: choice.mode,
            timestamps: choice.timestamps,
            ...(fileName ? { fileName } : {}),
          })
          setTab(tabId, { logFile: { mode: choice.mode, timestamps: choice.timestamps, fileName: baseName(path) } })
        } catch (err) {
          get().notify('error', `Log not started: ${(err as Error).message}`)
          throw err
        }
      },

      async setBaudRate(tabId, baudRate) {
        const tab = get().tabs.find((t) => t.tabId === tabId)
        if (!tab?.sessionId) return
        try {
          const result = await deps.transport.invoke('session.setBaudRate', { id: tab.sessionId, baudRate })
          const spec = tab.spec
          if (spec.kind === 'serial') setTab(tabId, { spec: { ...spec, baudRate: result.baudRate } })
          else if (spec.kind === 'telnet' && spec.comPort)
            setTab(tabId, { spec: { ...spec, comPort: { ...spec.comPort, baudRate: result.baudRate } } })
        } catch (err) {
          get().notify('error', (err as Error).message)
        }
      },

      async stopLog(tabId) {
        const tab = get().tabs.find((t) => t.tabId === tabId)
        if (!tab) return
        set((s) => ({ tabs: s.tabs.map((t) => (t.tabId === tabId ? withoutLog(t) : t)) }))
        if (tab.sessionId) await deps.transport.invoke('session.logStop', { id: tab.sessionId }).catch(() => undefined)
      },

      async closeTab(tabId) {
        const tab = get().tabs.find((t) => t.tabId === tabId)
        set((s) => {
          const tabs = s.tabs.filter((t) => t.tabId !== tabId)
          const sessionInfo = { ...s.sessionInfo }
          const pacedSends = { ...s.pacedSends }
          if (tab?.sessionId) {
            delete sessionInfo[tab.sessionId]
            delete pacedSends[tab.sessionId]
          }
          const activeTabId = s.activeTabId === tabId ? tabs.at(-1)?.tabId : s.activeTabId
          return { tabs, activeTabId, sessionInfo, pacedSends, prompts: s.prompts.filter((p) => p.id !== tab?.sessionId) }
        })
        if (tab?.sessionId) await deps.transport.invoke('session.close', { id: tab.sessionId }).catch(() => undefined)
      },

      activateTab(tabId) {
        set({ activeTabId: tabId })
      },

      sessionStateChanged(info) {
        set((s) => ({ sessionInfo: { ...s.sessionInfo, [info.id]: info } }))
        // A log the profile started is continued in the same file when the tab reconnects.
        const tab = get().tabs.find((t) => t.sessionId === info.id)
        if (tab && info.logPath && !tab.logFile) {
          const log = LogOptions.parse(tab.options?.log ?? {})
          setTab(tab.tabId, { logFile: { mode: log.mode, timestamps: log.timestamps, fileName: baseName(info.logPath) } })
        }
        // A log that stopped on its own (disk full) is not restarted by a reconnect.
        if (tab?.logFile && info.logError && !info.logPath) {
          set((s) => ({ tabs: s.tabs.map((t) => (t.tabId === tab.tabId ? withoutLog(t) : t)) }))
        }
        if (info.state === 'closed' || info.state === 'error') {
          set((s) => ({ prompts: s.prompts.filter((p) => p.id !== info.id) }))
        }
      },

      promptArrived(prompt) {
        set((s) => ({ prompts: [...s.prompts, prompt] }))
      },

      async answerPrompt(prompt, answer) {
        set((s) => ({ prompts: s.prompts.filter((p) => p.promptId !== prompt.promptId) }))
        await deps.transport.invoke('session.respond', { id: prompt.id, promptId: prompt.promptId, ...answer })
      },

      async sendBreak(sessionId, ms) {
        try {
          await deps.transport.invoke('session.break', { id: sessionId, ms })
        } catch (err) {
          get().notify('error', `BREAK not sent: ${(err as Error).message}`)
        }
      },

      async startPacedSend(sessionId, text, options) {
        if (get().pacedSends[sessionId]?.status === 'running') return
        setPaced(sessionId, () => ({ status: 'running', line: 0, lines: pasteLineCount(text), bytes: 0 }))
        try {
          const summary = await deps.transport.invoke('session.pacedSend', { id: sessionId, text, options })
          setPaced(sessionId, (prev) => ({
            status: 'done',
            line: summary.linesSent,
            lines: summary.lines,
            bytes: summary.bytes,
            summary,
            ...(prev?.error ? { error: prev.error } : {}),
          }))
        } catch (err) {
          setPaced(sessionId, (prev) => ({
            status: prev?.status === 'cancelling' ? 'cancelled' : 'failed',
            line: prev?.line ?? 0,
            lines: prev?.lines ?? 0,
            bytes: prev?.bytes ?? 0,
            error: (err as Error).message,
          }))
        }
      },

      async cancelPacedSend(sessionId) {
        setPaced(sessionId, (prev) => (prev?.status === 'running' ? { ...prev, status: 'cancelling' } : prev))
        await deps.transport.invoke('session.cancelSend', { id: sessionId }).catch(() => undefined)
      },

      sendProgressArrived({ id, line, lines, bytes }) {
        setPaced(id, (prev) =>
          prev && (prev.status === 'running' || prev.status === 'cancelling') ? { ...prev, line, lines, bytes } : prev,
        )
      },

      dismissPacedSend(sessionId) {
        setPaced(sessionId, (prev) => (prev?.status === 'running' || prev?.status === 'cancelling' ? prev : undefined))
      },
    }
  }
}

export type TabStatus = {
  state: SessionInfo['state']
  title?: string
  reason?: string
  paused: boolean
  detail?: string
  warning?: string
  logPath?: string
  logError?: string
}

/** What a tab shows: its session's state, or the reason it never opened. */
export function tabStatus(sessionInfo: Record<string, SessionInfo>, tab: SessionTab): TabStatus {
  if (tab.openError) return { state: 'error', reason: tab.openError, paused: false }
  const info = tab.sessionId ? sessionInfo[tab.sessionId] : undefined
  if (!info) return { state: 'opening', paused: false }
  return {
    state: info.state,
    title: info.title,
    paused: info.paused,
    ...(info.reason ? { reason: info.reason } : {}),
    ...(info.detail ? { detail: info.detail } : {}),
    ...(info.warning ? { warning: info.warning } : {}),
    ...(info.logPath ? { logPath: info.logPath } : {}),
    ...(info.logError ? { logError: info.logError } : {}),
  }
}
