import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

const noNode = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net'], message: 'shared/ must not use Node built-ins' }

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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net'], message: 'the renderer has no Node' },
            {
              group: ['**/electron/**', 'electron'],
              message: 'the renderer reaches the main process only through platform/ and the contract',
            },
          ],
        },
      ],
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
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net'], message: 'the renderer has no Node' },
            {
              group: ['**/electron/**', 'electron'],
              message: 'the renderer reaches the main process only through platform/ and the contract',
            },
            { group: ['**/panes/**'], message: 'renderer/store must not import renderer/panes: move what it needs into store/ or shared/' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import from renderer/' }] },
      ],
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
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ must not import from renderer/' },
            { group: ['electron/*'], message: 'electron/services must not import electron' },
          ],
        },
      ],
    },
  },
  // Last, so that it turns off every stylistic rule above: formatting is Prettier's job
  // (as in the electron-vite template).
  prettier,
)
