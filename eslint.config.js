import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net']
const noNode = { group: nodeBuiltins, message: 'shared/ must not use Node built-ins' }
// Flat config: a later block's no-restricted-imports replaces an earlier one for the same files,
// so each block that adds a rule repeats its layer's base patterns from these.
const rendererPatterns = [
  { group: nodeBuiltins, message: 'the renderer has no Node' },
  { group: ['**/electron/**', 'electron'], message: 'the renderer reaches the main process only through platform/ and the contract' },
]
const electronPatterns = [{ group: ['**/renderer/**'], message: 'electron/ must not import from renderer/' }]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'electron/**/*.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // shared/ runs in both processes: no Node built-ins, no DOM, no imports from either side.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noNode,
            { group: ['**/electron/**', 'electron', '**/renderer/**'], message: 'shared/ must not import from electron/ or renderer/' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: rendererPatterns }],
    },
  },
  {
    // The store is below the panes: panes read and change it, never the other way round.
    files: ['renderer/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            { group: ['**/panes/**'], message: 'renderer/store must not import renderer/panes: move what it needs into store/ or shared/' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: electronPatterns }],
    },
  },
  {
    // Services run under Node alone (the browser host, tests, the practice router CLI): Electron
    // reaches them only through the hooks the desktop host passes in, as VS Code's layering rules
    // keep electron-main out of its common and node layers.
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'electron/services must not import electron: take what you need as a parameter from the desktop host',
            },
          ],
          patterns: [...electronPatterns, { group: ['electron/*'], message: 'electron/services must not import electron' }],
        },
      ],
    },
  },
  // Last, so that it turns off every stylistic rule above: formatting is Prettier's job
  // (as in the electron-vite template).
  prettier,
)
