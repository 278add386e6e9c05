import path from 'node:path'
import { EventHub, createDispatcher, type Handlers } from '../../shared/contract/dispatcher'
import { SessionManager, type TransportFactories } from './sessions/session-manager'
import { LocalShellTransport } from './sessions/local-shell'
import { StateFile } from './state/state-file'
import type { FlowControlOptions } from './sessions/flow-control'

export interface ServiceOptions {
  /** Where the app keeps its files: Electron's userData, or a folder the browser host is given. */
  readonly userDataDir: string
  readonly host: 'electron' | 'browser'
  readonly version: string
  readonly flow?: FlowControlOptions
  /** Extra or replacement transports (tests; kinds that need Electron). */
  readonly transports?: TransportFactories
}

export interface Services {
  readonly hub: EventHub
  readonly dispatch: ReturnType<typeof createDispatcher>
  readonly sessions: SessionManager
  readonly stateFile: StateFile
  /** The client an event is for, or undefined for every client. */
  audienceOf(event: string, payload: unknown): string | undefined
  dispose(): void
}

function notYet(): never {
  throw new Error('not implemented yet')
}

/**
 * The composition root shared by both hosts: every service is built here once, and the
 * contract's handlers are the only way in. Nothing here imports Electron.
 */
export function createServices(options: ServiceOptions): Services {
  const hub = new EventHub()
  const factories: TransportFactories = {
    shell: (spec) => new LocalShellTransport(spec),
    ...options.transports,
  }
  const sessions = new SessionManager(hub, factories, options.flow ? { flow: options.flow } : {})
  const stateFile = new StateFile(path.join(options.userDataDir, 'lab-console-state.json'))

  const handlers: Handlers = {
    'app.info': () => ({ name: 'Lab Console', version: options.version, host: options.host, platform: process.platform }),
    'session.open': ({ spec, cols, rows }, ctx) => sessions.open(spec, cols, rows, ctx.client),
    'session.write': ({ id, data }) => (sessions.write(id, data), null),
    'session.resize': ({ id, cols, rows }) => (sessions.resize(id, cols, rows), null),
    'session.ack': ({ id, chars }) => (sessions.ack(id, chars), null),
    'session.close': ({ id }) => (sessions.close(id), null),
    'session.list': (_input, ctx) => sessions.list(ctx.client),
    'session.respond': ({ id, promptId, answers, accept }) => (
      sessions.respond(id, promptId, { ...(answers ? { answers } : {}), ...(accept === undefined ? {} : { accept }) }),
      null
    ),
    'session.break': notYet,
    'session.pacedSend': notYet,
    'session.cancelSend': notYet,
    'session.exec': notYet,
    'session.tail': notYet,
    'logs.openFolder': notYet,
    'serial.listPorts': notYet,
    'files.save': notYet,
    'practice.reset': notYet,
    'practice.cucmCertificate': notYet,
    'state.load': () => stateFile.load(),
    'state.save': async ({ state }) => (await stateFile.save(state), null),
  }

  return {
    hub,
    dispatch: createDispatcher(handlers),
    sessions,
    stateFile,
    audienceOf: (event, payload) =>
      event.startsWith('session.') && typeof payload === 'object' && payload !== null && 'id' in payload
        ? sessions.ownerOf(String(payload.id))
        : undefined,
    dispose: () => sessions.dispose(),
  }
}
