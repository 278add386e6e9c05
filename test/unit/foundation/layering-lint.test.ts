import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layering rules live in eslint.config.js; these lint in-memory sources at the paths they
// guard, with the project's own config, to prove each rule fires (and that a clean file passes).
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const eslint = new ESLint({ cwd: ROOT })

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layering lint rules', () => {
  it("refuses an 'electron' import under electron/services/", async () => {
    const code = "import { app } from 'electron'\nexport const where = app.getPath('userData')\n"
    expect(await restrictedImports('electron/services/state/lint-fixture.ts', code)).toEqual([
      expect.stringContaining('electron/services must not import electron'),
    ])
    expect(
      await restrictedImports('electron/services/state/lint-fixture.ts', "import type { App } from 'electron/main'\nexport type A = App\n"),
    ).toHaveLength(1)
    // The desktop host itself may, and a service's Node imports are fine.
    expect(await restrictedImports('electron/lint-fixture.ts', code)).toEqual([])
    expect(await restrictedImports('electron/services/state/lint-fixture.ts', "import fs from 'node:fs'\nexport const f = fs\n")).toEqual(
      [],
    )
  })

  it('keeps the renderer/ import ban under electron/services/', async () => {
    const code = "import { x } from '../../../renderer/store'\nexport const y = x\n"
    expect(await restrictedImports('electron/services/state/lint-fixture.ts', code)).toHaveLength(1)
  })

  it('refuses renderer/store importing renderer/panes', async () => {
    const code = "import { pasteLineCount } from '../panes/console/paste'\nexport const n = pasteLineCount('a')\n"
    expect(await restrictedImports('renderer/store/lint-fixture.ts', code)).toEqual([
      expect.stringContaining('must not import renderer/panes'),
    ])
    expect(
      await restrictedImports(
        'renderer/panes/lint-fixture.ts',
        "import { pasteLineCount } from '../store/paste-lines'\nexport const n = pasteLineCount('a')\n",
      ),
    ).toEqual([])
  })
})
