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
    expect(await new StateFile(file).load()).toEqual({
      state: {},
      revisions: { settings: 0, profiles: 0, certificates: 0, sites: 0, activeSiteId: 0 },
      warnings: [],
    })
  })

  it('round-trips settings with the format version on disk', async () => {
    const store = new StateFile(file, now)
    const settings = Settings.parse({ fontSize: 16, scrollback: 20000, copyOnSelect: false, confirmMultilinePaste: true, theme: 'light' })
    await store.save('settings', settings, 0)
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; savedAt: string }
    expect(onDisk.version).toBe(STATE_VERSION)
    expect(onDisk.savedAt).toBe('2026-11-27T10:00:00.000Z')
    expect((await store.load()).state.settings).toEqual(settings)
  })

  it('leaves no temp files behind and never a half-written file under concurrent saves', async () => {
    const store = new StateFile(file, now)
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.save('settings', Settings.parse({ fontSize: 10 + i, scrollback: 1000 }), i)),
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

  it('never overwrites a file it cannot read: saves go beside it, and are merged back once it is readable (was: replaced by defaults)', async () => {
    // A directory in its place: unreadable for root too (EISDIR), as EACCES is for a user.
    fs.mkdirSync(file)
    const first = new StateFile(file, now)
    const loaded = await first.load()
    expect(loaded.state).toEqual({})
    expect(loaded.warnings[0]).toMatch(/cannot read its saved state .*left untouched.*saved to .*state\.fallback\.json/)
    const profile = { id: 'new', name: 'Added while unreadable', spec: { kind: 'practice', lab: 'default' } }
    expect(await first.save('profiles', [profile], 0)).toEqual({ saved: true, revision: 1 })
    expect(fs.statSync(file).isDirectory()).toBe(true)
    expect(fs.existsSync(path.join(dir, 'state.fallback.json'))).toBe(true)

    // Still unreadable at the next start: the fallback's changes are there.
    expect((await new StateFile(file, now).load()).state.profiles?.map((p) => p.id)).toEqual(['new'])

    // Fixed: the original's profiles and the fallback's are both kept.
    fs.rmdirSync(file)
    const old = { id: 'old', name: 'Saved before', spec: { kind: 'practice', lab: 'default' } }
    fs.writeFileSync(file, JSON.stringify({ version: STATE_VERSION, state: { profiles: [old] } }))
    const fixed = await new StateFile(file, now).load()
    expect(fixed.state.profiles?.map((p) => p.id).sort()).toEqual(['new', 'old'])
    expect(fixed.warnings.join(' ')).toMatch(/merged back/)
    expect(fs.existsSync(path.join(dir, 'state.fallback.json'))).toBe(false)
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as { state: { profiles: Array<{ id: string }> } }
    expect(onDisk.state.profiles.map((p) => p.id).sort()).toEqual(['new', 'old'])
  })

  it('removes temp files of saves that were killed half-way (was: left behind, each a full copy)', async () => {
    fs.writeFileSync(path.join(dir, '.state.json.0123456789ab.tmp'), 'x'.repeat(1000))
    fs.writeFileSync(path.join(dir, '.other.json.0123456789ab.tmp'), 'not ours')
    await new StateFile(file, now).load()
    expect(fs.readdirSync(dir).sort()).toEqual(['.other.json.0123456789ab.tmp'])
  })

  it('saves each slice on its own: a settings save keeps the profiles another window saved (was: last whole-state save won)', async () => {
    const store = new StateFile(file, now)
    const { revisions } = await store.load()
    const profile = { id: 'a', name: 'A', spec: { kind: 'practice', lab: 'default' } }
    await store.save('profiles', [profile], revisions.profiles)
    await store.save('settings', Settings.parse({ fontSize: 18 }), revisions.settings)
    const again = await new StateFile(file, now).load()
    expect(again.state.profiles?.map((p) => p.id)).toEqual(['a'])
    expect(again.state.settings?.fontSize).toBe(18)
  })

  it('refuses a save based on a revision someone else already replaced, and hands back theirs', async () => {
    const store = new StateFile(file, now)
    await store.load()
    await store.save('activeSiteId', 'one', 0)
    expect(await store.save('activeSiteId', 'two', 0)).toEqual({ saved: false, revision: 1, value: 'one' })
    expect((await store.load()).state.activeSiteId).toBe('one')
  })
})
