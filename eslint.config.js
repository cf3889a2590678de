import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Where worker code lives: the two entries, each stage's worker half, and what several stages' halves share. */
const workerFiles = ['workers/**/*.ts', 'src/stages/*/worker/**/*.ts', 'src/worker-kit/**/*.ts'];

/** Imports that pure compute must never reach: UI, DOM-bound libraries, worker glue. */
const notInCompute = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react/*'],
      message: 'compute/ is pure: no React.',
    },
    {
      group: ['comlink'],
      message: 'compute/ is pure: worker glue belongs in the stage worker/ folder.',
    },
    { group: ['plotly.js*'], message: 'compute/ is pure: charts belong in ui/.' },
    {
      group: ['**/ui/*', '**/app/*', '**/workers/*', '**/worker/*', '**/worker-kit/*', 'node:*'],
      message: 'compute/ is pure: it may import only compute and src/lib.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.tsbuild/',
      'tmp/',
      'bench/results/',
      'bench/data/',
      'coverage/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSAnyKeyword',
          message: 'No `as any`: fix the type instead.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: workerFiles,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/stages/*/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/workers/*', '!**/app/workers/*', '**/worker/*', '**/worker-kit/*'],
              allowTypeImports: true,
              message:
                'The UI imports worker modules only as types; start workers through src/app/workers/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/stages/*/compute/**/*.ts', 'src/lib/**/*.ts', 'src/stages/*/contract.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', notInCompute] },
  },
  {
    files: workerFiles,
    languageOptions: { globals: { ...globals.worker } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/*', '**/app/*', 'react', 'react-dom'],
              message: 'Workers import no UI: it would drag the app into the worker bundle.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/cli/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'tests/**/*.ts',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
