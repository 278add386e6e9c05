/**
 * The local account the test sshd logs in. sshd (as root) needs a real user for password and
 * keyboard-interactive auth through PAM; the account is only reachable through the test sshd,
 * which listens on 127.0.0.1 and allows this user alone.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'

export const TEST_USER = 'labtest'
export const TEST_PASSWORD = 'Lab-Test-Pw-2024'

function tool(file: string, args: readonly string[], input?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { encoding: 'utf8', timeout: 30_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${file} failed: ${stderr || error.message}`))
      else resolve()
    })
    if (input !== undefined) child.stdin?.end(input)
  })
}

async function userExists(): Promise<boolean> {
  const passwd = await readFile('/etc/passwd', 'utf8')
  return passwd.split('\n').some((line) => line.startsWith(`${TEST_USER}:`))
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Create the user and (re)set its password. Idempotent; two test files may run this at once,
 * and useradd/chpasswd fail while the other holds the passwd lock, so retry a few times.
 */
export async function ensureTestUser(): Promise<void> {
  let lastError: unknown
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      if (!(await userExists())) await tool('/usr/sbin/useradd', ['--create-home', '--shell', '/bin/sh', TEST_USER])
      await tool('/usr/sbin/chpasswd', [], `${TEST_USER}:${TEST_PASSWORD}\n`)
      return
    } catch (error) {
      lastError = error
      await sleep(100 + Math.random() * 300)
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError))
}
