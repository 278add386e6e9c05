import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import type { Configuration } from 'app-builder-lib'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'

const config = load(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as Configuration

describe('electron-builder.yml (security item 8, packaging)', () => {
  it('passes app-builder-lib’s own schema validation, offline', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('rejects a misspelt key, so the validation test can fail', async () => {
    await expect(validateConfiguration({ ...config, asarUnpak: ['x'] } as Configuration, new DebugLogger(false))).rejects.toThrow(
      /asarUnpak/,
    )
  })

  it('turns off Node escape hatches and pins the app to a verified asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('targets AppImage + deb, nsis and dmg, unpacks native add-ons and does not rebuild them', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.npmRebuild).toBe(false)
    expect(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')).toMatch(/N-API[\s\S]*npmRebuild: false/)
  })

  it('ships an icon', () => {
    const png = fs.readFileSync(path.resolve('resources/icon.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256)
  })
})
