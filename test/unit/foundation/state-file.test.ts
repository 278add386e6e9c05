import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StateFile } from '../../../electron/services/state/state-file'
import { STATE_VERSION } from '../../../electron/services/state/migrations'
import { Settings } from '../../../shared/contract'

describe('StateFile', () => {
  let dir: string
  let file: string
  const now = () => new Date('2026-11-27T10:00:00Z')

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-state-'))
    file = path.join(dir, 'state.json')
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('starts empty when there is no file', async () => {
    expect(await new StateFile(file).load()).toEqual({ state: {}, warnings: [] })
  })

  it('round-trips settings with the format version on disk', async () => {
    const store = new StateFile(file, now)
    const settings = Settings.parse({ fontSize: 16, scrollback: 20000, copyOnSelect: false, confirmMultilinePaste: true, theme: 'light' })
    await store.save({ settings })
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; savedAt: string }
    expect(onDisk.version).toBe(STATE_VERSION)
    expect(onDisk.savedAt).toBe('2026-11-27T10:00:00.000Z')
    expect((await store.load()).state.settings).toEqual(settings)
  })

  it('leaves no temp files behind and never a half-written file under concurrent saves', async () => {
    const store = new StateFile(file, now)
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.save({ settings: Settings.parse({ fontSize: 10 + i, scrollback: 1000 }) })),
    )
    expect(fs.readdirSync(dir)).toEqual(['state.json'])
    expect((await store.load()).state.settings?.fontSize).toBe(29)
  })

  it('moves a corrupt file aside with a warning and starts from defaults', async () => {
    fs.writeFileSync(file, '{"version": 1, "state": {"settings": {"fontSize": 1')
    const result = await new StateFile(file, now).load()
    expect(result.state).toEqual({})
    expect(result.warnings[0]).toMatch(/not valid JSON.*moved to .*state\.json\.corrupt-2026-11-27T10-00-00-000Z/)
    expect(fs.existsSync(file)).toBe(false)
    expect(fs.readFileSync(`${file}.corrupt-2026-11-27T10-00-00-000Z`, 'utf8')).toContain('"fontSize": 1')
  })

  it('refuses a file from a newer version without destroying it', async () => {
    fs.writeFileSync(file, JSON.stringify({ version: STATE_VERSION + 5, state: {} }))
    const result = await new StateFile(file, now).load()
    expect(result.warnings[0]).toMatch(/newer Lab Console/)
    expect(fs.readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(true)
  })

  it('drops only the damaged slice and keeps a copy of the original', async () => {
    fs.writeFileSync(file, JSON.stringify({ version: STATE_VERSION, state: { settings: { fontSize: 'huge' } } }))
    const result = await new StateFile(file, now).load()
    expect(result.state.settings).toBeUndefined()
    expect(result.warnings.join(' ')).toMatch(/Saved settings were damaged/)
    expect(fs.existsSync(file)).toBe(true)
  })

  it('migrates the unversioned prototype format', async () => {
    fs.writeFileSync(file, JSON.stringify({ version: 0, state: { preferences: { fontSize: 12 } } }))
    const result = await new StateFile(file, now).load()
    expect(result.warnings).toEqual([])
    expect(result.state.settings?.fontSize).toBe(12)
    expect(result.state.settings?.scrollback).toBe(10_000)
  })
})
