import path from 'node:path'
import { ContractError, LIMITS, fitText, type Out, type SaveFile } from '../../shared/contract'
import { EventHub, createDispatcher, type Handlers } from '../../shared/contract/dispatcher'
import { SessionManager, type TransportFactories } from './sessions/session-manager'
import { LocalShellTransport } from './sessions/local-shell'
import { PracticeTransport } from './sessions/practice-transport'
import { SshTransport, supportsGroup1Sha1 } from './sessions/ssh'
import { SerialTransport, SerialPortWatcher, listSerialPorts } from './sessions/serial'
import { TelnetTransport } from './sessions/telnet'
import { KnownHostsStore } from './known-hosts'
import { PracticeLabs } from './practice-labs/practice-labs'
import { StateFile } from './state/state-file'
import { SessionFeatures } from './session-features'
import { ensurePrivateDir } from './private-dir'
import { SecretStore, type SecretCipher } from './secrets/secret-store'
import type { FlowControlOptions } from './sessions/flow-control'
import { CucmService, type CucmServiceOptions } from './cucm/cucm-service'
import { CucmError } from './cucm/errors'
import { PracticeCucms } from './practice-cucm/practice-cucms'

/** What only the host can do (dialogs, the file manager); absent in the browser host. */
export interface HostHooks {
  /** Show a folder in the system file manager. */
  readonly openPath?: (folder: string) => Promise<boolean>
  /** Ask where to save and write the files; resolves with the paths written. */
  readonly saveFiles?: (files: readonly SaveFile[], title: string) => Promise<{ saved: string[]; cancelled: boolean }>
  /** The OS keychain, for remembered passwords. */
  readonly secretCipher?: SecretCipher
}

export interface ServiceOptions {
  /** Where the app keeps its files: Electron's userData, or a folder the browser host is given. */
  readonly userDataDir: string
  readonly host: 'electron' | 'browser'
  readonly version: string
  readonly flow?: FlowControlOptions
  /** Extra or replacement transports (tests; kinds that need Electron). */
  readonly transports?: TransportFactories
  readonly hooks?: HostHooks
  /** CUCM client timing (tests shorten backoff and restart polling). */
  readonly cucm?: Partial<Pick<CucmServiceOptions, 'http' | 'connectTimeoutMs' | 'actions'>> & { readonly practiceRestartDelayMs?: number }
}

export interface Services {
  readonly hub: EventHub
  readonly dispatch: ReturnType<typeof createDispatcher>
  readonly sessions: SessionManager
  readonly stateFile: StateFile
  readonly cucm: CucmService
  readonly practiceCucms: PracticeCucms
  /** The client an event is for, or undefined for every client. */
  audienceOf(event: string, payload: unknown): string | undefined
  dispose(): void
}

/**
 * The composition root shared by both hosts: every service is built here once, and the
 * contract's handlers are the only way in. Nothing here imports Electron.
 */
export function createServices(options: ServiceOptions): Services {
  const hub = new EventHub()
  const logsDir = path.join(options.userDataDir, 'logs')
  const labsDir = path.join(options.userDataDir, 'practice-labs')
  // known_hosts and secrets.json live in the user-data folder itself.
  for (const dir of [options.userDataDir, logsDir, labsDir]) ensurePrivateDir(dir)
  const knownHosts = new KnownHostsStore(path.join(options.userDataDir, 'known_hosts'))
  const labs = new PracticeLabs(labsDir)
  const notify = (level: 'warning' | 'error', message: string): void => {
    hub.emit('app.notice', { level, message: fitText(message, LIMITS.notice.message) })
  }
  const warn = (message: string): void => notify('warning', message)
  // A dropped event is a bug on our side: say so in the log and to the user, and keep serving.
  hub.onProblem(({ event, message }) => {
    console.error(`[lab-console] ${message}`)
    if (event !== 'app.notice') notify('error', `Lab Console hit an internal error and carried on: ${message}`)
  })
  const secrets = new SecretStore(path.join(options.userDataDir, 'secrets.json'), options.hooks?.secretCipher)
  const features = new SessionFeatures(hub, logsDir, secrets)
  const cucm = new CucmService({ userDataDir: options.userDataDir, secrets, warn, ...options.cucm })
  /** CUCM's own words cross the contract as the message; the kind rides along as an issue. */
  const cucmCall = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      if (!(error instanceof CucmError)) throw error
      const { kind, fingerprint, axlcode } = error.details
      throw new ContractError({
        code: 'failed',
        message: error.message,
        issues: [
          { path: 'kind', message: kind },
          ...(fingerprint ? [{ path: 'sha256', message: fingerprint }] : []),
          ...(axlcode ? [{ path: 'axlcode', message: axlcode }] : []),
        ],
      })
    }
  }

  const practiceCucms = new PracticeCucms(path.join(options.userDataDir, 'practice-labs'), labs, options.cucm?.practiceRestartDelayMs)
  const factories: TransportFactories = {
    shell: (spec) => new LocalShellTransport(spec),
    practice: (spec) => new PracticeTransport(spec, labs, warn, (lab) => practiceCucms.linkFor(lab)),
    ssh: (spec) => new SshTransport(spec, { knownHosts }),
    serial: (spec) => new SerialTransport(spec),
    telnet: (spec) => new TelnetTransport(spec),
    ...options.transports,
  }
  const sessions = new SessionManager(hub, factories, {
    ...(options.flow ? { flow: options.flow } : {}),
    onSessionCreated: (session, spec, sessionOptions) => features.attach(session, spec, sessionOptions),
  })
  const stateFile = new StateFile(path.join(options.userDataDir, 'lab-console-state.json'))

  let portWatcher: SerialPortWatcher | undefined
  const watchPorts = (): void => {
    if (portWatcher) return
    portWatcher = new SerialPortWatcher()
    portWatcher.onChange(({ ports }) => hub.emit('serial.ports', { ports: [...ports] }))
    void portWatcher.start().catch(() => undefined)
  }

  // Nothing in app.info changes while the host runs, and the SSH probe computes DH parameters
  // (tens of ms): worked out on the first call only, so a flood of calls cannot stall the host.
  let info: Out<'app.info'> | undefined
  const appInfo = (): Out<'app.info'> =>
    (info ??= {
      name: 'Lab Console',
      version: options.version,
      host: options.host,
      platform: process.platform,
      capabilities: { sshGroup1Sha1: supportsGroup1Sha1(), saveDialog: options.hooks?.saveFiles !== undefined },
    })

  const handlers: Handlers = {
    'app.info': () => appInfo(),
    'session.open': ({ spec, cols, rows, options: sessionOptions }, ctx) => sessions.open(spec, cols, rows, ctx.client, sessionOptions),
    'session.write': ({ id, data }, ctx) => (sessions.owned(id, ctx.client).write(data), null),
    'session.resize': ({ id, cols, rows }, ctx) => (sessions.owned(id, ctx.client).resize(cols, rows), null),
    'session.ack': ({ id, chars }, ctx) => (sessions.ack(id, chars, ctx.client), null),
    'session.close': ({ id }, ctx) => (sessions.close(id, ctx.client), null),
    'session.list': (_input, ctx) => sessions.list(ctx.client),
    'session.respond': ({ id, promptId, answers, accept, remember }, ctx) => (
      sessions.owned(id, ctx.client),
      sessions.respond(id, promptId, {
        ...(answers ? { answers } : {}),
        ...(accept === undefined ? {} : { accept }),
        ...(remember === undefined ? {} : { remember }),
      }),
      null
    ),
    'secrets.status': () => secrets.status(),
    'secrets.forget': async ({ key }) => (await secrets.forget(key), null),
    'session.break': async ({ id, ms }, ctx) => {
      const transport = sessions.owned(id, ctx.client).transport
      if (!transport.sendBreak) {
        throw new ContractError({ code: 'failed', message: 'BREAK is only for serial console and telnet sessions' })
      }
      try {
        await transport.sendBreak(ms)
      } catch (err) {
        throw new ContractError({ code: 'failed', message: (err as Error).message })
      }
      return null
    },
    'session.setBaudRate': async ({ id, baudRate }, ctx) => {
      const transport = sessions.owned(id, ctx.client).transport
      if (!transport.setBaudRate) {
        throw new ContractError({ code: 'failed', message: 'Only serial and RFC 2217 console-server sessions have a line speed' })
      }
      try {
        return { baudRate: await transport.setBaudRate(baudRate) }
      } catch (err) {
        throw new ContractError({ code: 'failed', message: `Speed not changed: ${(err as Error).message}` })
      }
    },
    'session.logStart': ({ id, fileName, mode, timestamps }, ctx) => {
      try {
        return { path: features.startLog(sessions.owned(id, ctx.client), { fileName, mode, timestamps }) }
      } catch (err) {
        if (err instanceof ContractError) throw err
        throw new ContractError({ code: 'failed', message: `Log not started: ${(err as Error).message}` })
      }
    },
    'session.logStop': ({ id }, ctx) => (features.stopLog(sessions.owned(id, ctx.client)), null),
    'session.pacedSend': ({ id, text, options: paced }, ctx) => features.pacedSend(sessions.owned(id, ctx.client), text, paced),
    'session.cancelSend': ({ id }, ctx) => (sessions.checkOwner(id, ctx.client), features.cancelSend(id), null),
    'session.exec': (request, ctx) => features.exec(sessions.owned(request.id, ctx.client), request),
    'session.tail': ({ id }, ctx) => features.tail(sessions.owned(id, ctx.client)),
    'logs.openFolder': async () => ({ path: logsDir, opened: options.hooks?.openPath ? await options.hooks.openPath(logsDir) : false }),
    'serial.listPorts': async () => {
      watchPorts()
      try {
        return { ports: await listSerialPorts() }
      } catch (err) {
        return { ports: [], error: `Could not list serial ports: ${(err as Error).message}` }
      }
    },
    'files.save': async ({ files, title }) => {
      if (!options.hooks?.saveFiles) {
        throw new ContractError({
          code: 'failed',
          message: 'This host cannot show a save dialog; the browser host downloads files instead',
        })
      }
      return options.hooks.saveFiles(files, title)
    },
    'practice.reset': async ({ lab }) => (await labs.reset(lab), await practiceCucms.reset(lab), null),
    'practice.cucmCertificate': async ({ lab }) => ({ pem: await labs.cucmCertificate(lab), name: 'CallManager.pem' }),
    'cucm.connect': ({ connection, axl, platform, remember }) =>
      cucmCall(() => cucm.connect(connection, { ...(axl ? { axl } : {}), ...(platform ? { platform } : {}), remember })),
    'cucm.trustCertificate': ({ host, port, sha256 }) =>
      cucmCall(async () => (await cucm.trust(host, port, sha256), { pinned: true as const })),
    'cucm.disconnect': ({ site }) => (cucm.disconnect(site), null),
    'cucm.forgetCredentials': async ({ site }) => (await cucm.forgetCredentials(site), null),
    'cucm.lists': ({ site }) => cucmCall(() => cucm.lists(site)),
    'cucm.phones': ({ site, search }) => cucmCall(() => cucm.phones(site, search)),
    'cucm.callManagerPem': ({ site, nodes }) => cucmCall(async () => ({ certificates: await cucm.callManagerPems(site, nodes) })),
    'cucm.registration': ({ site, name }) => cucmCall(() => cucm.registration(site, name)),
    'cucm.plan': ({ site, action }) => cucmCall(() => cucm.plan(site, action)),
    'cucm.apply': ({ site, action, planHash }) => cucmCall(() => cucm.apply(site, action, planHash)),
    'cucm.log': ({ site, limit }) => {
      const log = cucm.log(site)
      return { path: log.filePath ?? '', entries: log.entries(limit) }
    },
    'cucm.practiceStart': ({ lab }) => practiceCucms.start(lab),
    'state.load': () => stateFile.load(),
    'state.save': async ({ slice, value, base, saveId }) => {
      const result = await stateFile.save(slice, value, base)
      // Every window hears of it; the one that saved recognises its own save by the saveId.
      if (result.saved) hub.emit('state.changed', { slice, value, revision: result.revision, ...(saveId ? { saveId } : {}) })
      return result
    },
  }

  return {
    hub,
    dispatch: createDispatcher(handlers),
    sessions,
    stateFile,
    cucm,
    practiceCucms,
    audienceOf: (event, payload) =>
      event.startsWith('session.') && typeof payload === 'object' && payload !== null && 'id' in payload
        ? sessions.ownerOf(String(payload.id))
        : undefined,
    dispose: () => {
      portWatcher?.stop()
      sessions.dispose()
      cucm.dispose()
      void practiceCucms.stopAll()
    },
  }
}
