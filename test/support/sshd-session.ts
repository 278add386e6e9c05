/** Driving a Transport in the SSH tests: scripted answers to prompts, collected output, exit. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SshSpec } from '../../shared/contract'
import type { SshSpecParsed } from '../../electron/services/sessions/ssh'
import type { ExitInfo, PromptAnswer, PromptRequest, Transport, TransportContext } from '../../electron/services/sessions/transport'
import type { Sshd } from './sshd'

export type Reply = PromptAnswer | ((request: PromptRequest) => PromptAnswer | Promise<PromptAnswer>)

export interface ScriptedContext extends TransportContext {
  /** Every question the transport asked, in order. */
  readonly asked: PromptRequest[]
}

/** Answers prompts from a list, in order; an unexpected prompt is refused (the test sees it in `asked`). */
export function scripted(replies: readonly Reply[], size: { cols: number; rows: number } = { cols: 80, rows: 24 }): ScriptedContext {
  const queue = [...replies]
  const asked: PromptRequest[] = []
  return {
    ...size,
    asked,
    prompt(request) {
      asked.push(request)
      const reply = queue.shift()
      if (reply === undefined) return Promise.reject(new Error(`unexpected prompt: ${request.kind}: ${request.message}`))
      return Promise.resolve(typeof reply === 'function' ? reply(request) : reply)
    },
  }
}

export const password = (text: string): PromptAnswer => ({ answers: [text] })
export const accept: PromptAnswer = { accept: true }
export const decline: PromptAnswer = { accept: false }

export function sshSpec(server: Sshd, extra: Partial<SshSpecParsed> = {}): SshSpecParsed {
  return SshSpec.parse({ kind: 'ssh', host: server.host, port: server.port, username: server.user, ...extra })
}

/** Everything the transport emitted, as text, with a way to wait for something to show up. */
export class Output {
  text = ''
  chunks = 0
  private waiters: (() => void)[] = []

  constructor(transport: Transport) {
    const decoder = new TextDecoder()
    transport.onData((chunk) => {
      this.chunks += 1
      this.text += decoder.decode(chunk, { stream: true })
      for (const wake of this.waiters.splice(0)) wake()
    })
  }

  async waitFor(pattern: string | RegExp, timeoutMs = 10_000, from = 0): Promise<void> {
    const found = (): boolean => {
      const tail = this.text.slice(from)
      return typeof pattern === 'string' ? tail.includes(pattern) : pattern.test(tail)
    }
    const deadline = Date.now() + timeoutMs
    while (!found()) {
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`timed out waiting for ${String(pattern)}; output so far:\n${this.text.slice(-2000)}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }
}

export function exitOf(transport: Transport): Promise<ExitInfo> {
  return new Promise((resolve) => {
    const off = transport.onExit((info) => {
      off()
      resolve(info)
    })
  })
}

/** A known_hosts file in a fresh temp dir; `seed` writes the server's own keys into it. */
export async function tempKnownHosts(): Promise<{
  dir: string
  path: string
  seed(server: Sshd): Promise<void>
  cleanup(): Promise<void>
}> {
  const dir = await mkdtemp(join(tmpdir(), 'lab-known-hosts-'))
  const path = join(dir, 'known_hosts')
  return {
    dir,
    path,
    seed: (server) => writeFile(path, server.hostKeys.map((key) => `[${server.host}]:${server.port} ${key.publicKey}\n`).join('')),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}
