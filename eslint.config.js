import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// @peculiar/x509 needs its Reflect polyfill loaded first: shared/pki/x509-lib.ts is the only way in.
const x509Only = { name: '@peculiar/x509', message: 'import { x509 } from shared/pki/x509-lib (it loads reflect-metadata first)' }
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
      'no-restricted-imports': ['error', { paths: [x509Only], patterns: [
        noNode,
        { group: ['**/electron/**', 'electron', '**/renderer/**'], message: 'shared/ must not import from electron/ or renderer/' },
      ] }],
    },
  },
  {
    files: ['shared/pki/x509-lib.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noNode] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [x509Only], patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net'], message: 'the renderer has no Node' },
        { group: ['**/electron/**', 'electron'], message: 'the renderer reaches the main process only through platform/ and the contract' },
      ] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [x509Only], patterns: [
        { group: ['**/renderer/**'], message: 'electron/ must not import from renderer/' },
      ] }],
    },
  },
)
