/**
 * A real OpenSSH server on 127.0.0.1 for the SSH transport tests: its own host keys, config,
 * pid file and authorized_keys in a temp dir, and an IOS-like responder as ForceCommand.
 * Runs as root (as tests do here) and logs in a dedicated local user, created on first use.
 */
import { spawn } from 'node:child_process'
import { copyFile, chmod, mkdir, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureTestUser, TEST_PASSWORD, TEST_USER } from './sshd-user'
import { descendantsOf, freePort, keyFingerprint, run } from './sshd-process'

export { TEST_PASSWORD, TEST_USER }
export const SSHD_BINARY = '/usr/sbin/sshd'

const RESPONDER = fileURLToPath(new URL('./ios-responder.mjs', import.meta.url))

export interface SshdOptions {
  /** Offer only the SHA-1 / CBC / group1 algorithms old IOS images speak. */
  readonly legacy?: boolean
  /** Hostname the responder shows in its prompt. */
  readonly routerName?: string
  /** sshd hangs up after this many failed logins, as IOS does after its retries (default 10). */
  readonly maxAuthTries?: number
  /** Replace the IOS-like responder with this command (e.g. the practice router in --vty mode). */
  readonly forceCommand?: string
}

export interface HostKey {
  readonly type: 'ssh-ed25519' | 'ssh-rsa'
  /** The .pub line: "ssh-ed25519 AAAA… comment". */
  readonly publicKey: string
  /** As `ssh-keygen -lf` prints it: "SHA256:…". */
  readonly fingerprint: string
}

export interface Sshd {
  readonly host: '127.0.0.1'
  readonly port: number
  readonly user: string
  readonly password: string
  readonly dir: string
  readonly hostKeys: readonly HostKey[]
  /** Fingerprints by key type, e.g. hostKeyFingerprints['ssh-ed25519']. */
  readonly hostKeyFingerprints: Readonly<Partial<Record<HostKey['type'], string>>>
  /** Let a public key (an OpenSSH .pub line) log in. */
  authorize(publicKeyLine: string): Promise<void>
  /** SIGKILL every per-connection sshd process (the link drops as if the router died). */
  dropConnections(): Promise<number>
  /** SIGSTOP them instead: the TCP link stays up but nothing answers, as when a router hangs. */
  freezeConnections(): Promise<number>
  /** What sshd wrote to stderr so far (for failure messages). */
  log(): string
  stop(): Promise<void>
}

const MODERN_ALGORITHMS: readonly string[] = []
const LEGACY_ALGORITHMS = [
  'KexAlgorithms diffie-hellman-group1-sha1,diffie-hellman-group14-sha1',
  'HostKeyAlgorithms ssh-rsa',
  'PubkeyAcceptedAlgorithms +ssh-rsa',
  'Ciphers aes128-cbc,3des-cbc',
  'MACs hmac-sha1',
]

async function makeHostKey(dir: string, type: 'ed25519' | 'rsa'): Promise<{ path: string; key: HostKey }> {
  const path = join(dir, `ssh_host_${type}_key`)
  const sizeArgs = type === 'rsa' ? ['-b', '2048'] : []
  await run('ssh-keygen', ['-q', '-t', type, ...sizeArgs, '-N', '', '-C', `lab-test-${type}`, '-f', path])
  const publicKey = (await readFile(`${path}.pub`, 'utf8')).trim()
  const keyType = type === 'rsa' ? 'ssh-rsa' : 'ssh-ed25519'
  return { path, key: { type: keyType, publicKey, fingerprint: await keyFingerprint(`${path}.pub`) } }
}

function configText(dir: string, port: number, hostKeyPaths: readonly string[], options: SshdOptions): string {
  const responderArgs = options.routerName ? ` --hostname ${options.routerName}` : ''
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    ...hostKeyPaths.map((path) => `HostKey ${path}`),
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    // The temp dir belongs to root, not to the test user.
    'StrictModes no',
    `AllowUsers ${TEST_USER}`,
    'PermitRootLogin no',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication yes',
    'PubkeyAuthentication yes',
    'UsePAM yes',
    'PermitEmptyPasswords no',
    `MaxAuthTries ${options.maxAuthTries ?? 10}`,
    'LoginGraceTime 60',
    'PrintMotd no',
    'PrintLastLog no',
    'X11Forwarding no',
    'AllowTcpForwarding no',
    'AllowAgentForwarding no',
    'LogLevel VERBOSE',
    `ForceCommand ${options.forceCommand ?? `${process.execPath} ${join(dir, 'ios-responder.mjs')}${responderArgs}`}`,
    ...(options.legacy ? LEGACY_ALGORITHMS : MODERN_ALGORITHMS),
    '',
  ].join('\n')
}

function waitForListening(child: ReturnType<typeof spawn>, logs: { text: string }, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`sshd did not start within 10 s:\n${logs.text}`)), 10_000)
    const onData = (): void => {
      if (logs.text.includes(`Server listening on 127.0.0.1 port ${port}`)) done()
    }
    const onExit = (code: number | null): void => fail(new Error(`sshd exited (${code}) before listening:\n${logs.text}`))
    function done(): void {
      clearTimeout(timer)
      child.stderr?.off('data', onData)
      child.off('exit', onExit)
      resolve()
    }
    function fail(error: Error): void {
      clearTimeout(timer)
      child.stderr?.off('data', onData)
      child.off('exit', onExit)
      reject(error)
    }
    child.stderr?.on('data', onData)
    child.once('exit', onExit)
  })
}

/** Signals every process below the listening sshd: one per connection, plus their sessions. */
async function signalConnections(pid: number, signal: NodeJS.Signals): Promise<number> {
  const victims = await descendantsOf(pid)
  for (const victim of victims) {
    try {
      process.kill(victim, signal)
    } catch {
      // Already gone: a session process may exit as soon as its parent dies.
    }
  }
  return victims.length
}

export async function startSshd(options: SshdOptions = {}): Promise<Sshd> {
  await ensureTestUser()
  // sshd's privilege separation chroots into this directory.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 })
  const dir = await mkdtemp(join(tmpdir(), 'lab-sshd-'))
  // The test user must read the responder and authorized_keys; host keys stay 0600.
  await chmod(dir, 0o755)
  await copyFile(RESPONDER, join(dir, 'ios-responder.mjs'))
  await chmod(join(dir, 'ios-responder.mjs'), 0o644)
  await writeFile(join(dir, 'authorized_keys'), '', { mode: 0o644 })

  const made = options.legacy ? [await makeHostKey(dir, 'rsa')] : [await makeHostKey(dir, 'ed25519'), await makeHostKey(dir, 'rsa')]
  const port = await freePort()
  const configPath = join(dir, 'sshd_config')
  await writeFile(
    configPath,
    configText(
      dir,
      port,
      made.map((m) => m.path),
      options,
    ),
    { mode: 0o600 },
  )

  const logs = { text: '' }
  const child = spawn(SSHD_BINARY, ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    logs.text += chunk
  })
  try {
    await waitForListening(child, logs, port)
  } catch (error) {
    if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  const pid = child.pid
  if (pid === undefined) throw new Error('sshd has no pid')

  const hostKeys = made.map((m) => m.key)
  const hostKeyFingerprints: Partial<Record<HostKey['type'], string>> = {}
  for (const key of hostKeys) hostKeyFingerprints[key.type] = key.fingerprint

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve()
    else child.once('exit', () => resolve())
  })

  return {
    host: '127.0.0.1',
    port,
    user: TEST_USER,
    password: TEST_PASSWORD,
    dir,
    hostKeys,
    hostKeyFingerprints,
    authorize: (line) => appendFile(join(dir, 'authorized_keys'), `${line.trim()}\n`),
    async dropConnections() {
      // Freeze first, so no process gets to tell the client anything (an exit-signal, say)
      // while its neighbours are being killed.
      await signalConnections(pid, 'SIGSTOP')
      return signalConnections(pid, 'SIGKILL')
    },
    freezeConnections: () => signalConnections(pid, 'SIGSTOP'),
    log: () => logs.text,
    async stop() {
      await signalConnections(pid, 'SIGKILL')
      if (child.exitCode === null) process.kill(pid, 'SIGTERM')
      await exited
      await rm(dir, { recursive: true, force: true })
    },
  }
}
