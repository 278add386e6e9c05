import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ContractError, Settings } from '../../shared/contract'
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host'
import { collectOutput, directClient, waitForState, wsClient, type TestClient } from '../support/clients'
import { PLAIN_SHELL, testServices } from '../support/services'

/**
 * One suite, run through each adapter: whatever the renderer can do over Electron IPC it can do
 * over the browser host's WebSocket, with the same validation and the same errors.
 */
function contractSuite(
  name: string,
  connect: (services: ReturnType<typeof testServices>) => Promise<{ client: TestClient; stop(): Promise<void> }>,
) {
  describe(`contract via ${name}`, () => {
    const services = testServices()
    let client: TestClient
    let stop: () => Promise<void>

    beforeAll(async () => {
      ;({ client, stop } = await connect(services))
    })
    afterAll(async () => {
      await client.close()
      await stop()
      services.cleanup()
    })

    it('answers app.info', async () => {
      const info = await client.invoke('app.info', null)
      expect(info.name).toBe('Lab Console')
      expect(info.host).toBe('browser')
    })

    it('rejects an unknown method by name', async () => {
      const call = client.invoke('no.such.method' as 'app.info', null)
      await expect(call).rejects.toMatchObject({ code: 'unknown_method', message: expect.stringContaining('no.such.method') })
    })

    it('rejects a bad payload with an error naming the field', async () => {
      const err = await client.invoke('session.write', { id: 's1', data: 'x'.repeat(64 * 1024 + 1) }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ContractError)
      expect((err as ContractError).code).toBe('invalid_input')
      expect((err as ContractError).issues[0]?.path).toBe('input.data')
      expect((err as ContractError).message).toMatch(/session\.write: invalid input: input\.data/)
    })

    it('rejects a payload of the wrong shape', async () => {
      const err = await client.invoke('session.open', { spec: { kind: 'rlogin' }, cols: 80, rows: 24 } as never).catch((e: unknown) => e)
      expect((err as ContractError).code).toBe('invalid_input')
      expect((err as ContractError).message).toContain('input.spec.kind')
    })

    it('runs a local shell end to end: input, output, resize, close', async () => {
      const { id } = await client.invoke('session.open', { spec: PLAIN_SHELL, cols: 80, rows: 24 })
      const out = collectOutput(client, id)
      await waitForState(client, id, (s) => s.state === 'open')
      await client.invoke('session.write', { id, data: 'echo "hel""lo"\r' })
      await out.waitFor(/[^"]hello\r\n/)
      await client.invoke('session.resize', { id, cols: 101, rows: 33 })
      await client.invoke('session.write', { id, data: 'stty size\r' })
      await out.waitFor('33 101')
      const closed = waitForState(client, id, (s) => s.state === 'closed')
      await client.invoke('session.close', { id })
      expect((await closed).reason).toBeTruthy()
      out.stop()
    })

    it('reports the exit status when the shell ends by itself', async () => {
      const { id } = await client.invoke('session.open', {
        spec: { kind: 'shell', shell: '/bin/sh', args: ['-c', 'exit 3'] },
        cols: 80,
        rows: 24,
      })
      const info = await waitForState(client, id, (s) => s.state === 'closed')
      expect(info.exitCode).toBe(3)
      expect(info.reason).toContain('code 3')
      await client.invoke('session.close', { id })
    })

    it('drives the practice router with exec: prompt after each line, early stop at a question', async () => {
      const lab = `lab-${name.length}`
      const { id } = await client.invoke('session.open', { spec: { kind: 'practice', lab, seed: 'contract' }, cols: 80, rows: 24 })
      await waitForState(client, id, (s) => s.state === 'open')
      let run = await client.invoke('session.exec', {
        id,
        lines: ['enable', 'configure terminal', 'enable password s3cret', 'end', 'disable'],
      })
      expect(run).toMatchObject({ linesSent: 5, timedOut: false, prompt: { kind: 'user-exec', text: 'VG-CME-1>' } })
      run = await client.invoke('session.exec', { id, lines: ['enable', 'show clock'] })
      expect(run).toMatchObject({ linesSent: 1, prompt: { kind: 'password' } })
      run = await client.invoke('session.exec', { id, lines: ['s3cret'], secret: true })
      expect(run.prompt).toMatchObject({ kind: 'privileged' })
      expect(run.output).not.toContain('s3cret')
      expect((await client.invoke('session.tail', { id })).prompt).toMatchObject({ kind: 'privileged', text: 'VG-CME-1#' })
      const paced = await client.invoke('session.pacedSend', { id, text: 'show clock\nshow ntp status\n', options: { waitFor: 'prompt' } })
      expect(paced.linesSent).toBe(2)
      await expect(client.invoke('session.break', { id })).rejects.toThrow(/only for serial/)
      await expect(client.invoke('session.setBaudRate', { id, baudRate: 19200 })).rejects.toThrow(/Only serial and RFC 2217/)
      const log = await client.invoke('session.logStart', { id, fileName: `contract-${name}.log`, mode: 'text', timestamps: false })
      expect(log.path).toBe(path.join(services.userDataDir, 'logs', `contract-${name}.log`))
      await client.invoke('session.logStop', { id })
      const refused = await client
        .invoke('session.logStart', { id, fileName: '../escape.log', mode: 'text', timestamps: false })
        .catch((e: unknown) => e)
      expect((refused as ContractError).code).toBe('invalid_input')
      await client.invoke('session.exec', { id, lines: ['configure terminal', 'hostname LAB-R1', 'end'] })
      await client.invoke('session.close', { id })
      // The lab keeps its state: a new session starts where the last one left off.
      const again = await client.invoke('session.open', { spec: { kind: 'practice', lab }, cols: 80, rows: 24 })
      await waitForState(client, again.id, (s) => s.state === 'open')
      expect((await client.invoke('session.exec', { id: again.id, lines: [''] })).prompt?.text).toBe('LAB-R1>')
      await client.invoke('session.close', { id: again.id })
      await client.invoke('practice.reset', { lab })
      const fresh = await client.invoke('session.open', { spec: { kind: 'practice', lab }, cols: 80, rows: 24 })
      await waitForState(client, fresh.id, (s) => s.state === 'open')
      expect((await client.invoke('session.exec', { id: fresh.id, lines: [''] })).prompt?.text).toBe('VG-CME-1>')
      await client.invoke('session.close', { id: fresh.id })
    })

    it('gives each practice lab a stable CallManager certificate', async () => {
      const first = await client.invoke('practice.cucmCertificate', { lab: 'cucm' })
      expect(first.pem).toMatch(/^-----BEGIN CERTIFICATE-----/)
      expect((await client.invoke('practice.cucmCertificate', { lab: 'cucm' })).pem).toBe(first.pem)
    })

    it('reaches the practice CUCM: certificate first, then credentials, then CUCM faults with their kind', async () => {
      const lab = `cucm-${name.length}`
      const info = await client.invoke('cucm.practiceStart', { lab })
      const connection = { site: `site-${name.length}`, publisher: info.publisher, nodes: [], version: '15.0' as const, readOnly: false }
      const first = await client.invoke('cucm.connect', { connection, axl: info.axl, platform: info.platform })
      expect(first).toMatchObject({ status: 'certificate', change: 'new', node: { name: 'CUCMPUB15' } })
      if (first.status !== 'certificate') return
      await client.invoke('cucm.trustCertificate', { host: first.node.host, port: first.node.port, sha256: first.sha256 })
      expect(await client.invoke('cucm.connect', { connection, axl: info.axl, platform: info.platform })).toMatchObject({
        status: 'connected',
        version: '15.0',
      })
      const plan = await client.invoke('cucm.plan', {
        site: connection.site,
        action: { kind: 'addConferenceBridge', name: 'X', devicePoolName: 'Nowhere', locationName: 'Hub_None' },
      })
      expect(plan.blockers[0]).toContain('Valid device pools: Default, DP_HQ.')
      const err = await client
        .invoke('cucm.connect', { connection, axl: { user: info.axl.user, password: 'bad' }, platform: info.platform })
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ContractError)
      expect((err as ContractError).issues).toContainEqual({ path: 'kind', message: 'unauthorized' })
      expect((err as ContractError).message).toContain('Standard AXL API Access')
      await services.practiceCucms.stopAll()
    })

    it('tells the browser host to download instead of saving, and where logs go', async () => {
      await expect(client.invoke('files.save', { files: [{ name: 'a.pem', contents: 'x' }] })).rejects.toThrow(/downloads files instead/)
      const logs = await client.invoke('logs.openFolder', null)
      expect(logs).toEqual({ path: path.join(services.userDataDir, 'logs'), opened: false })
      expect(Array.isArray((await client.invoke('serial.listPorts', null)).ports)).toBe(true)
    })

    it('saves and loads persisted state', async () => {
      const settings = Settings.parse({ fontSize: 17, scrollback: 5000, copyOnSelect: true, console: { breakMs: 500 } })
      const before = await client.invoke('state.load', null)
      const saved = await client.invoke('state.save', { slice: 'settings', value: settings, base: before.revisions.settings })
      expect(saved).toEqual({ saved: true, revision: before.revisions.settings + 1 })
      const loaded = await client.invoke('state.load', null)
      expect(loaded.state.settings).toEqual(settings)
      expect(loaded.revisions.settings).toBe(before.revisions.settings + 1)
      expect(loaded.warnings).toEqual([])
    })

    it('refuses a save based on an old revision and returns what is saved now', async () => {
      const { revisions } = await client.invoke('state.load', null)
      const first = Settings.parse({ fontSize: 20 })
      await client.invoke('state.save', { slice: 'settings', value: first, base: revisions.settings })
      const stale = await client.invoke('state.save', {
        slice: 'settings',
        value: Settings.parse({ fontSize: 9 }),
        base: revisions.settings,
      })
      expect(stale).toEqual({ saved: false, revision: revisions.settings + 1, value: first })
    })

    it('checks a slice against its own schema', async () => {
      await expect(client.invoke('state.save', { slice: 'settings', value: { fontSize: 'huge' }, base: 0 })).rejects.toThrow(
        /value\.fontSize/,
      )
    })
  })
}

contractSuite('the direct dispatcher', async (services) => ({ client: directClient(services), stop: async () => undefined }))

contractSuite('the browser host WebSocket', async (services) => {
  const host: BrowserHost = await startBrowserHost({ services, rendererDir: path.resolve('out/renderer') })
  return { client: await wsClient(host.port, host.token), stop: () => host.close() }
})
