import type { StateCreator } from 'zustand/vanilla'
import type { SessionInfo, SessionPrompt, SessionSpec } from '../../shared/contract'
import type { LabState, StoreDeps } from './types'

export interface SessionTab {
  /** Stable for the tab's life; the session id changes when the tab reconnects. */
  readonly tabId: string
  readonly sessionId?: string
  readonly spec: SessionSpec
  /** Why the session could not even be opened (validation, unavailable kind). */
  readonly openError?: string
}

export interface SessionsSlice {
  tabs: SessionTab[]
  activeTabId?: string
  /** Latest state of every session, by id. Kept apart from tabs because events can beat the open call's reply. */
  sessionInfo: Record<string, SessionInfo>
  prompts: SessionPrompt[]
  openSession(spec: SessionSpec, size?: { cols: number; rows: number }): Promise<string>
  reconnect(tabId: string): Promise<void>
  closeTab(tabId: string): Promise<void>
  activateTab(tabId: string): void
  sessionStateChanged(info: SessionInfo): void
  promptArrived(prompt: SessionPrompt): void
  answerPrompt(prompt: SessionPrompt, answer: { answers?: string[]; accept?: boolean }): Promise<void>
}

let tabCounter = 0
const DEFAULT_SIZE = { cols: 80, rows: 24 }

export function createSessionsSlice(deps: StoreDeps): StateCreator<LabState, [], [], SessionsSlice> {
  return (set, get) => {
    async function connectTab(tabId: string, spec: SessionSpec, size: { cols: number; rows: number }): Promise<void> {
      const setTab = (patch: Partial<SessionTab>): void =>
        set((s) => ({ tabs: s.tabs.map((t) => (t.tabId === tabId ? { ...t, ...patch } : t)) }))
      setTab({ sessionId: undefined, openError: undefined })
      try {
        const { id } = await deps.transport.invoke('session.open', { spec, ...size })
        setTab({ sessionId: id })
      } catch (err) {
        setTab({ openError: (err as Error).message })
      }
    }

    return {
      tabs: [],
      sessionInfo: {},
      prompts: [],

      async openSession(spec, size = DEFAULT_SIZE) {
        const tabId = `t${++tabCounter}`
        set((s) => ({ tabs: [...s.tabs, { tabId, spec }], activeTabId: tabId }))
        await connectTab(tabId, spec, size)
        return tabId
      },

      async reconnect(tabId) {
        const tab = get().tabs.find((t) => t.tabId === tabId)
        if (!tab) return
        if (tab.sessionId) await deps.transport.invoke('session.close', { id: tab.sessionId }).catch(() => undefined)
        await connectTab(tabId, tab.spec, DEFAULT_SIZE)
      },

      async closeTab(tabId) {
        const tab = get().tabs.find((t) => t.tabId === tabId)
        set((s) => {
          const tabs = s.tabs.filter((t) => t.tabId !== tabId)
          const sessionInfo = { ...s.sessionInfo }
          if (tab?.sessionId) delete sessionInfo[tab.sessionId]
          const activeTabId = s.activeTabId === tabId ? tabs.at(-1)?.tabId : s.activeTabId
          return { tabs, activeTabId, sessionInfo, prompts: s.prompts.filter((p) => p.id !== tab?.sessionId) }
        })
        if (tab?.sessionId) await deps.transport.invoke('session.close', { id: tab.sessionId }).catch(() => undefined)
      },

      activateTab(tabId) {
        set({ activeTabId: tabId })
      },

      sessionStateChanged(info) {
        set((s) => ({ sessionInfo: { ...s.sessionInfo, [info.id]: info } }))
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
    }
  }
}

export type TabStatus = { state: SessionInfo['state']; title?: string; reason?: string; paused: boolean }

/** What a tab shows: its session's state, or the reason it never opened. */
export function tabStatus(sessionInfo: Record<string, SessionInfo>, tab: SessionTab): TabStatus {
  if (tab.openError) return { state: 'error', reason: tab.openError, paused: false }
  const info = tab.sessionId ? sessionInfo[tab.sessionId] : undefined
  if (!info) return { state: 'opening', paused: false }
  return { state: info.state, title: info.title, paused: info.paused, ...(info.reason ? { reason: info.reason } : {}) }
}
