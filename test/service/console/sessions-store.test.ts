import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLabStore, type LabStore } from '../../../renderer/store'
import { wireEvents } from '../../../renderer/app/wire-events'
import { tabStatus } from '../../../renderer/store/sessions-slice'
import { directClient, type TestClient } from '../../support/clients'
import { testServices } from '../../support/services'

/** The renderer's store against the real services (the direct dispatcher), without a window. */
describe('sessions store against the real services', () => {
  let services: ReturnType<typeof testServices>
  let client: TestClient
  let store: LabStore
  let unwire: () => void
  // Nobody draws the output here: acknowledge it so no session pauses.
  let stopAck: () => void

  beforeAll(() => {
    services = testServices()
    client = directClient(services)
    store = createLabStore(client)
    unwire = wireEvents(store, client)
    stopAck = client.subscribe('session.data', ({ id, data }) => void client.invoke('session.ack', { id, chars: data.length }))
  })
  afterAll(async () => {
    stopAck()
    unwire()
    await client.close()
    services.cleanup()
  })

  const statusOf = (tabId: string): ReturnType<typeof tabStatus> => {
    const tab = store.getState().tabs.find((t) => t.tabId === tabId)
    if (!tab) throw new Error(`no tab ${tabId}`)
    return tabStatus(store.getState().sessionInfo, tab)
  }

  it('opens a profile with its log options and keeps them across a reconnect', async () => {
    const options = { profileName: 'Site A', log: { enabled: true, mode: 'text' as const, timestamps: false, template: '{profile}.log' } }
    const tabId = await store.getState().openSession({ kind: 'practice', lab: 'store-test' }, { options, label: 'Site A' })
    await expect.poll(() => statusOf(tabId).state).toBe('open')
    const firstLog = statusOf(tabId).logPath
    expect(firstLog).toMatch(/Site.A.*\.log$/)
    const firstSession = store.getState().tabs.find((t) => t.tabId === tabId)?.sessionId

    await client.invoke('session.close', { id: firstSession ?? '' })
    await expect.poll(() => statusOf(tabId).state).toBe('closed')
    await store.getState().reconnect(tabId)
    const tab = store.getState().tabs.find((t) => t.tabId === tabId)
    expect(tab?.sessionId).not.toBe(firstSession)
    expect(tab?.options).toEqual(options)
    await expect.poll(() => statusOf(tabId).state).toBe('open')
    // One file per session: the reconnected session appends to the first one's log.
    expect(statusOf(tabId).logPath).toBe(firstLog)
    expect((await client.invoke('session.list', null)).find((s) => s.id === tab?.sessionId)?.kind).toBe('practice')
  })

  it('appends a log started on a running session across a reconnect, and stops it on request', async () => {
    const tabId = await store.getState().openSession({ kind: 'practice', lab: 'store-test' })
    await expect.poll(() => statusOf(tabId).state).toBe('open')
    await store.getState().startLog(tabId, { fileName: 'on-demand.log', mode: 'raw', timestamps: false })
    await expect.poll(() => statusOf(tabId).logPath).toMatch(/on-demand\.log$/)
    await store.getState().disconnect(tabId)
    await expect.poll(() => statusOf(tabId).state).toBe('closed')
    expect(store.getState().tabs.some((t) => t.tabId === tabId)).toBe(true)
    await store.getState().reconnect(tabId)
    await expect.poll(() => statusOf(tabId).state).toBe('open')
    expect(statusOf(tabId).logPath).toMatch(/on-demand\.log$/)
    await store.getState().stopLog(tabId)
    await expect.poll(() => statusOf(tabId).logPath).toBeUndefined()
    await store.getState().reconnect(tabId)
    await expect.poll(() => statusOf(tabId).state).toBe('open')
    expect(statusOf(tabId).logPath).toBeUndefined()
  })

  it('starts a new log file on each connection when the template has {connection}', async () => {
    const options = {
      profileName: 'Site B',
      log: { enabled: true, mode: 'text' as const, timestamps: false, template: '{profile}_{connection}.log' },
    }
    const tabId = await store.getState().openSession({ kind: 'practice', lab: 'store-test' }, { options })
    await expect.poll(() => statusOf(tabId).logPath).toMatch(/Site_B_1\.log$/)
    await store.getState().reconnect(tabId)
    await expect.poll(() => statusOf(tabId).logPath).toMatch(/Site_B_2\.log$/)
  })

  it('tracks a paced send from progress events to its summary', async () => {
    const tabId = await store.getState().openSession({ kind: 'practice', lab: 'store-test' })
    await expect.poll(() => statusOf(tabId).state).toBe('open')
    const id = store.getState().tabs.find((t) => t.tabId === tabId)?.sessionId ?? ''
    const seen: number[] = []
    const stop = store.subscribe((s) => {
      const line = s.pacedSends[id]?.line
      if (line !== undefined && seen.at(-1) !== line) seen.push(line)
    })
    await store.getState().startPacedSend(id, 'configure terminal\nhostname PACED\nend\n', {
      charDelayMs: 0,
      lineDelayMs: 0,
      waitFor: 'prompt',
      timeoutMs: 5000,
      bufferSize: 64,
    })
    stop()
    const state = store.getState().pacedSends[id]
    expect(state).toMatchObject({ status: 'done', line: 3, lines: 3 })
    expect(state?.summary?.linesSent).toBe(3)
    expect(seen).toEqual([0, 1, 2, 3])
    store.getState().dismissPacedSend(id)
    expect(store.getState().pacedSends[id]).toBeUndefined()
  })

  it('reports the main process reason when a paced send fails', async () => {
    // A line that never echoes: the tty's own echo is off before anything is sent.
    let output = ''
    const stop = client.subscribe('session.data', ({ data }) => (output += data))
    const tabId = await store.getState().openSession({ kind: 'shell', shell: '/bin/sh', args: ['-c', 'stty -echo; echo READY; sleep 30'] })
    await expect.poll(() => output).toContain('READY')
    stop()
    const id = store.getState().tabs.find((t) => t.tabId === tabId)?.sessionId ?? ''
    await store
      .getState()
      .startPacedSend(id, 'first\nsecond\n', { charDelayMs: 0, lineDelayMs: 0, waitFor: 'echo', timeoutMs: 300, bufferSize: 64 })
    const state = store.getState().pacedSends[id]
    expect(state?.status).toBe('failed')
    expect(state?.error).toMatch(/line 1/i)
    await store.getState().closeTab(tabId)
    expect(store.getState().pacedSends[id]).toBeUndefined()
  })

  it('turns a refused BREAK into a notice', async () => {
    const tab = store.getState().tabs[0]
    await store.getState().sendBreak(tab?.sessionId ?? '', 300)
    expect(store.getState().notices.at(-1)).toMatchObject({ level: 'error', message: expect.stringMatching(/BREAK not sent: .*serial/) })
  })
})
