import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CucmError } from '../../../electron/services/cucm/errors'
import { probeCertificate } from '../../../electron/services/cucm/pinned-agent'
import { cucmLab, failure, type CucmLab } from './support'

describe('CUCM connection against the practice CUCM', () => {
  let lab: CucmLab
  beforeEach(async () => {
    lab = await cucmLab()
  })
  afterEach(async () => {
    await lab.cleanup()
  })

  it('trusts each node only when asked, then checks credentials and the version', async () => {
    const { client, info } = lab
    const first = await client.invoke('cucm.connect', { connection: lab.connection(), axl: info.axl, platform: info.platform })
    expect(first).toMatchObject({
      status: 'certificate',
      change: 'new',
      node: { name: 'CUCMPUB15' },
      subject: expect.stringContaining('CN=CUCMPUB15.uc.com'),
    })
    if (first.status !== 'certificate') return
    await client.invoke('cucm.trustCertificate', { host: first.node.host, port: first.node.port, sha256: first.sha256 })
    const second = await client.invoke('cucm.connect', { connection: lab.connection(), axl: info.axl, platform: info.platform })
    expect(second).toMatchObject({ status: 'certificate', change: 'new', node: { name: 'CUCMSUB15' } })
    if (second.status !== 'certificate') return
    await client.invoke('cucm.trustCertificate', { host: second.node.host, port: second.node.port, sha256: second.sha256 })
    const missing = await client.invoke('cucm.connect', { connection: lab.connection() })
    expect(missing).toMatchObject({ status: 'credentials', missing: ['axl', 'platform'] })
    const connected = await client.invoke('cucm.connect', { connection: lab.connection(), axl: info.axl, platform: info.platform })
    expect(connected).toMatchObject({
      status: 'connected',
      reportedVersion: '15.0.1.11900(23)',
      version: '15.0',
      certificateApi: true,
      remembered: false,
    })
  })

  it('refuses to pin a fingerprint the node does not present', async () => {
    const { client, info } = lab
    const wrong = Array.from({ length: 32 }, () => 'AB').join(':')
    const result = await failure(
      client.invoke('cucm.trustCertificate', { host: info.publisher.host, port: info.publisher.port, sha256: wrong }),
    )
    expect(result.kind).toBe('changed-certificate')
    expect(result.message).toContain('Nothing was trusted')
  })

  it('blocks on a changed tomcat certificate until the new one is accepted', async () => {
    await lab.connect()
    const before = await lab.client.invoke('cucm.lists', { site: 's1' })
    expect(before.devicePools).toContain('DP_HQ')
    lab.practice.rotateTomcat('publisher')
    const changed = await lab.client.invoke('cucm.connect', {
      connection: lab.connection(),
      axl: lab.info.axl,
      platform: lab.info.platform,
    })
    expect(changed).toMatchObject({
      status: 'certificate',
      change: 'changed',
      node: { name: 'CUCMPUB15' },
      previous: expect.stringMatching(/^[0-9A-F:]+$/),
    })
    if (changed.status !== 'certificate') return
    expect(changed.previous).not.toBe(changed.sha256)
    expect(changed.message).toContain('CHANGED')
    await lab.client.invoke('cucm.trustCertificate', { host: changed.node.host, port: changed.node.port, sha256: changed.sha256 })
    await lab.connect()
    expect((await lab.client.invoke('cucm.lists', { site: 's1' })).locations).toContain('Hub_None')
  })

  it('a request on a pinned agent refuses a changed certificate before sending anything', async () => {
    await lab.connect()
    const site = lab.services.cucm.site('s1')
    lab.practice.rotateTomcat('subscriber')
    // The subscriber's agent has not connected yet in this session: its first connection meets the new certificate.
    const error = await site
      .platform(site.node('CUCMSUB15'))
      .trusted()
      .then(
        () => undefined,
        (e: Error) => e,
      )
    expect(error?.message).toMatch(/CHANGED/)
    const log = lab.services.cucm.log('s1').entries()
    expect(log.some((e) => e.direction === 'response' && e.node.endsWith(`:${lab.info.subscriber.port}`))).toBe(false)
  })

  it('says which credential and role are missing on 401 and 403', async () => {
    await lab.connect()
    const { client, info } = lab
    const badAxl = await failure(
      client.invoke('cucm.connect', {
        connection: lab.connection(),
        axl: { user: info.axl.user, password: 'wrong' },
        platform: info.platform,
      }),
    )
    expect(badAxl.kind).toBe('unauthorized')
    expect(badAxl.message).toMatch(/AXL application user credential "axladmin" \(HTTP 401\)/)
    expect(badAxl.message).toContain('Standard AXL API Access')
    const badPlatform = await failure(
      client.invoke('cucm.connect', { connection: lab.connection(), axl: info.axl, platform: { user: 'osadmin', password: 'nope' } }),
    )
    expect(badPlatform.kind).toBe('unauthorized')
    expect(badPlatform.message).toContain('Standard CCM Admin Users')
    const noRole = await failure(
      client.invoke('cucm.connect', {
        connection: lab.connection(),
        axl: { user: 'auditor', password: 'Practice-RO-1' },
        platform: info.platform,
      }),
    )
    expect(noRole.kind).toBe('forbidden')
    expect(noRole.message).toContain('HTTP 403')
    expect(noRole.message).toContain('Standard AXL API Access')
  })

  it('retries throttled requests with backoff, shows it in the log, and gives up with a clear message', async () => {
    await lab.connect()
    lab.practice.throttle(2, 503)
    expect((await lab.client.invoke('cucm.lists', { site: 's1' })).devicePools).toEqual(['Default', 'DP_HQ'])
    const log = await lab.client.invoke('cucm.log', { site: 's1', limit: 200 })
    expect(log.entries.filter((e) => e.direction === 'retry')).toHaveLength(2)
    lab.practice.throttle(5, 599)
    const given = await failure(lab.client.invoke('cucm.lists', { site: 's1' }))
    expect(given.kind).toBe('throttled')
    expect(given.message).toMatch(/HTTP 599\) after 3 attempts/)
  })

  it('names node and port when a node does not answer', async () => {
    // Accepts TCP and never speaks TLS: a hung node.
    const silent = net.createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()))
    const port = (silent.address() as net.AddressInfo).port
    try {
      const error = await probeCertificate({ host: '127.0.0.1', port }, 200).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(CucmError)
      expect((error as CucmError).kind).toBe('timeout')
      expect((error as CucmError).message).toMatch(new RegExp(`^No TLS answer from 127\\.0\\.0\\.1 port ${port} within 200 ms\\.`))
    } finally {
      silent.close()
    }
  })

  it('remembers credentials only on request, sealed, never in the state file', async () => {
    await lab.connect()
    const { client, info, services } = lab
    await client.invoke('cucm.connect', { connection: lab.connection(), axl: info.axl, platform: info.platform, remember: true })
    client.invoke('cucm.disconnect', { site: 's1' })
    const again = await client.invoke('cucm.connect', { connection: lab.connection() })
    expect(again).toMatchObject({ status: 'connected' })
    const secrets = fs.readFileSync(path.join(services.userDataDir, 'secrets.json'), 'utf8')
    expect(secrets).not.toContain(info.axl.password)
    expect(secrets).not.toContain(info.platform.password)
    // No other file the app keeps (state, pins, API log, practice lab) holds a password.
    await services.cucm.flushed()
    const files = fs.readdirSync(services.userDataDir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(services.userDataDir, f))
    for (const file of files.filter((f) => fs.statSync(f).isFile() && !f.endsWith('secrets.json'))) {
      const text = fs.readFileSync(file, 'utf8')
      expect(text, file).not.toContain(info.axl.password)
      expect(text, file).not.toContain(info.platform.password)
    }
    await client.invoke('cucm.forgetCredentials', { site: 's1' })
    expect(await client.invoke('cucm.connect', { connection: lab.connection() })).toMatchObject({ status: 'credentials' })
  })

  it('keeps passwords and Authorization out of the API log', async () => {
    await lab.connect()
    await lab.client.invoke('cucm.lists', { site: 's1' })
    const log = await lab.client.invoke('cucm.log', { site: 's1', limit: 200 })
    await lab.services.cucm.log('s1').flushed()
    const text = fs.readFileSync(log.path, 'utf8')
    expect(text).toContain('listDevicePool')
    for (const secret of [
      lab.info.axl.password,
      lab.info.platform.password,
      'Authorization',
      Buffer.from(`${lab.info.axl.user}:${lab.info.axl.password}`).toString('base64'),
    ]) {
      expect(text).not.toContain(secret)
    }
    expect(log.entries.some((e) => e.direction === 'request' && e.headers?.SOAPAction === '"CUCM:DB ver=15.0 listDevicePool"')).toBe(true)
  })
})
