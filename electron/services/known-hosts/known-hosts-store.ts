/**
 * The app's own known_hosts file (OpenSSH format, so `ssh-keygen -F -f` and `ssh -o
 * UserKnownHostsFile=` read it too). Every change re-reads the file, edits it and replaces it
 * atomically, one change at a time.
 */
import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from '../state/atomic-write'
import { WriteQueue } from '../state/write-queue'
import { fingerprintSha256, keyTypeOf, knownHostsName } from './host-key'
import { hostsFieldMatches, parseKnownHosts, withoutHost } from './known-hosts-file'
import type { KnownHostEntry, KnownHostsText } from './known-hosts-file'

export interface RecordedKey {
  readonly keyType: string
  readonly fingerprint: string
  /** 1-based line in the file, for messages such as "see line 4". */
  readonly line: number
}

export type HostKeyStatus =
  | { readonly status: 'known' }
  /** Nothing on record for this key type. `otherKeys` lists keys of other types, if any. */
  | { readonly status: 'new'; readonly otherKeys: readonly RecordedKey[] }
  /** A key of the same type is on record and differs. */
  | { readonly status: 'changed'; readonly recorded: readonly RecordedKey[] }
  /** The key is marked @revoked. */
  | { readonly status: 'revoked' }

export interface KnownHostSummary {
  readonly hosts: string
  readonly keyType: string
  readonly fingerprint: string
  readonly line: number
  readonly marker?: string
}

function recorded(entry: KnownHostEntry): RecordedKey {
  return { keyType: entry.keyType, fingerprint: fingerprintSha256(entry.key), line: entry.line + 1 }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}

export class KnownHostsStore {
  private readonly writes = new WriteQueue()

  constructor(readonly filePath: string) {}

  /** How this host's key compares with what is on record. */
  async check(host: string, port: number, key: Uint8Array): Promise<HostKeyStatus> {
    const name = knownHostsName(host, port)
    const keyType = keyTypeOf(key)
    const blob = Buffer.from(key)
    const matching = (await this.read()).entries.filter((entry) => hostsFieldMatches(entry.hosts, name))
    if (matching.some((entry) => entry.marker === '@revoked' && entry.key.equals(blob))) return { status: 'revoked' }
    const plain = matching.filter((entry) => entry.marker === undefined)
    if (plain.some((entry) => entry.key.equals(blob))) return { status: 'known' }
    const sameType = plain.filter((entry) => entry.keyType === keyType)
    if (sameType.length > 0) return { status: 'changed', recorded: sameType.map(recorded) }
    return { status: 'new', otherKeys: plain.map(recorded) }
  }

  /** Key types on record for the host, so the client can ask the server for one of those first. */
  async keyTypesFor(host: string, port: number): Promise<string[]> {
    const name = knownHostsName(host, port)
    const types = (await this.read()).entries
      .filter((entry) => entry.marker === undefined && hostsFieldMatches(entry.hosts, name))
      .map((entry) => entry.keyType)
    return [...new Set(types)]
  }

  /** Remember a key for the host, keeping whatever else is on record. */
  add(host: string, port: number, key: Uint8Array): Promise<void> {
    return this.change((file) => [...file.lines, this.entryLine(host, port, key)])
  }

  /**
   * Put this key in place of the host's recorded keys of the same type (the user accepted a
   * changed key). Other hosts on shared lines keep their entries.
   */
  replace(host: string, port: number, key: Uint8Array): Promise<void> {
    const name = knownHostsName(host, port)
    const keyType = keyTypeOf(key)
    return this.change((file) => {
      const lines = this.dropHost(file, name, (entry) => entry.keyType === keyType)
      return [...lines, this.entryLine(host, port, key)]
    })
  }

  /** Forget every key recorded for the host. */
  forget(host: string, port: number): Promise<void> {
    const name = knownHostsName(host, port)
    return this.change((file) => this.dropHost(file, name, () => true))
  }

  async list(): Promise<KnownHostSummary[]> {
    return (await this.read()).entries.map((entry) => ({
      hosts: entry.hosts,
      keyType: entry.keyType,
      fingerprint: fingerprintSha256(entry.key),
      line: entry.line + 1,
      marker: entry.marker,
    }))
  }

  private entryLine(host: string, port: number, key: Uint8Array): string {
    const keyType = keyTypeOf(key)
    if (!keyType) throw new Error('Not an SSH public key: cannot record it in known_hosts')
    return `${knownHostsName(host, port)} ${keyType} ${Buffer.from(key).toString('base64')}`
  }

  private dropHost(file: KnownHostsText, name: string, which: (entry: KnownHostEntry) => boolean): string[] {
    const lines: (string | undefined)[] = [...file.lines]
    for (const entry of file.entries) {
      if (entry.marker !== undefined || !which(entry) || !hostsFieldMatches(entry.hosts, name)) continue
      const raw = lines[entry.line]
      if (raw !== undefined) lines[entry.line] = withoutHost(entry, raw, name)
    }
    return lines.filter((line): line is string => line !== undefined)
  }

  private async read(): Promise<KnownHostsText> {
    try {
      return parseKnownHosts(await readFile(this.filePath, 'utf8'))
    } catch (error) {
      if (isNotFound(error)) return parseKnownHosts('')
      throw error
    }
  }

  private change(edit: (file: KnownHostsText) => string[]): Promise<void> {
    return this.writes.run(async () => {
      const lines = edit(await this.read())
      await this.writeAtomically(lines.length > 0 ? `${lines.join('\n')}\n` : '')
    })
  }

  private async writeAtomically(text: string): Promise<void> {
    await writeFileAtomic(this.filePath, text, 0o600)
  }
}
