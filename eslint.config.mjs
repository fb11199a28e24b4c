// The linter `npm test` runs: typescript-eslint's and react-hooks' recommended sets as errors, import
// cycles, and the folder map's boundaries (ARCHITECTURE.md). Every inline disable must say why.
import { builtinModules } from 'node:module';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Every rule of a shared set as an error: a warning nobody reads is no rule. */
const asErrors = (rules) => Object.fromEntries(Object.entries(rules).map(([name, level]) => [name, level === 'off' || level === 0 ? 'off' : 'error']));

/** Domain folders under src/main: plain Node, reached by the front ends, never reaching back to them. */
const domains = ['workspace', 'openapi', 'mapping', 'specification', 'demo', 'settings', 'platform'];
const frontEnds = ['api', 'cli', 'webhost', 'electron'];
const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  // tests/fixtures/lint holds planted violations that tests/unit/architecture/lint-rules.test.ts lints on purpose.
  { ignores: ['out/**', 'native/**', 'test-results/**', 'playwright-report/**', 'bench/.cache/**', 'tests/.cache/**', 'node_modules/**', 'tests/fixtures/lint/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  ...tseslint.configs.recommended,
  comments.recommended,
  {
    rules: {
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The CLI loads each command on demand with require (tsx runs it as CommonJS): only those.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\./commands/'] }],
    },
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...domains.map((domain) => ({
              target: `./src/main/${domain}`,
              from: frontEnds.map((folder) => `./src/main/${folder}`),
              message: 'A domain module never reaches a front end: take what it needs as a parameter (see ARCHITECTURE.md).',
            })),
            {
              target: './src/main/api',
              from: ['./src/main/cli', './src/main/webhost', './src/main/electron'],
              message: 'The handler table serves every transport and knows none of them.',
            },
            { target: './src/renderer', from: ['./src/main', './src/preload'], message: 'The renderer reaches main only through src/shared and its api client.' },
            { target: './src/shared', from: ['./src/main', './src/renderer', './src/preload'], message: 'src/shared is the contract: it depends on nothing else.' },
            { target: './src/preload', from: ['./src/main', './src/renderer'], message: 'The preload bundles only electron and src/shared.' },
          ],
        },
      ],
    },
  },
  {
    // Benchmarks load the measured modules lazily in their child processes.
    files: ['bench/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\.\\./src/', '^js-yaml$'] }] },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src/main/index.ts and src/main/electron/ may import electron.' }], patterns: ['electron/*'] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron'].map((name) => ({ name, message: 'The renderer and the contract never touch Node or Electron: ask main through a contract call.' })),
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: asErrors(reactHooks.configs.flat.recommended.rules),
  },
);
