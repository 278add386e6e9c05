import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import { Ajv } from 'ajv'
import type { Configuration } from 'app-builder-lib'

const config = load(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as Configuration

// app-builder-lib publishes its configuration schema as scheme.json (the file electron-builder's
// docs point editors at); validating against it needs no internal module of the library.
const schema = JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'), 'utf8')) as object
// strict: false because the schema uses annotation keywords Ajv does not know.
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)

async function validateConfiguration(candidate: Configuration): Promise<void> {
  if (validate(candidate)) return
  const why = (validate.errors ?? []).map((e) => {
    const extra = (e.params as { additionalProperty?: string }).additionalProperty
    return `${e.instancePath || '/'} ${e.message ?? ''}${extra ? ` "${extra}"` : ''}`
  })
  throw new Error(`electron-builder.yml is not valid: ${why.join('; ')}`)
}

describe('electron-builder.yml (security item 8, packaging)', () => {
  it('passes app-builder-lib’s own schema validation, offline', async () => {
    await expect(validateConfiguration(config)).resolves.toBeUndefined()
  })

  it('rejects a misspelt key, so the validation test can fail', async () => {
    await expect(validateConfiguration({ ...config, asarUnpak: ['x'] } as Configuration)).rejects.toThrow(/asarUnpak/)
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

describe('what the package ships agrees with what the app reads', () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as {
    dependencies: Record<string, string>
    devDependencies: Record<string, string>
  }

  it('ships the window icon at the path the window reads it from, and copies nothing nobody reads', async () => {
    const { WINDOW_ICON } = await import('../../../electron/window')
    expect(config.files).toContain(WINDOW_ICON)
    expect(fs.existsSync(path.resolve(WINDOW_ICON))).toBe(true)
    expect(config.extraResources).toBeUndefined()
  })

  it('keeps renderer-only packages out of dependencies: Vite bundles them, the asar needs no copy', () => {
    for (const name of ['react', 'react-dom', 'zustand', '@xterm/xterm', '@xterm/addon-fit', '@xterm/addon-search', '@xterm/addon-webgl']) {
      expect(pkg.dependencies[name], name).toBeUndefined()
      expect(pkg.devDependencies[name], name).toBeDefined()
    }
  })

  it('lists as dependencies only packages the main process imports at run time', () => {
    const sources = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts'))
        .map((e) => path.join(e.parentPath, e.name))
    const hostCode = [...sources('electron'), ...sources('shared')].map((f) => fs.readFileSync(f, 'utf8')).join('\n')
    for (const name of Object.keys(pkg.dependencies)) {
      const imported = new RegExp(`^import (?!type )[^\\n]*from '${name.replace('/', '\\/')}(/[^']*)?'`, 'm')
      expect(imported.test(hostCode), `${name} is not imported by electron/ or shared/`).toBe(true)
    }
  })

  it('gives the hardened runtime the entitlement V8 needs', () => {
    expect(config.mac?.hardenedRuntime).toBe(true)
    const file = config.mac?.entitlements
    expect(typeof file).toBe('string')
    const plist = fs.readFileSync(path.resolve(String(file)), 'utf8')
    expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/)
    expect(config.mac?.entitlementsInherit).toBe(file)
  })
})
