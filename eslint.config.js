import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

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

/** The UI starts workers only through src/app/workers/; it may name their types. */
const workersOnlyAsTypes = {
  group: [
    '**/workers/*',
    '!**/app/workers/*',
    '!../workers/*',
    '!./workers/*',
    '**/worker/*',
    '**/worker-kit/*',
  ],
  allowTypeImports: true,
  message: 'The UI imports worker modules only as types; start workers through src/app/workers/.',
};

const STAGES = readdirSync(new URL('./src/stages/', import.meta.url));

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
      'no-restricted-imports': ['error', { patterns: [workersOnlyAsTypes] }],
    },
  },
  // One stage's UI never imports another's: it reads their results through the notebook (`readResult`,
  // `useCellResult`). The shell imports a stage's UI only in the cell list, src/app/cells.ts.
  ...STAGES.map((stage) => ({
    files: [`src/stages/${stage}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            workersOnlyAsTypes,
            {
              group: STAGES.filter((other) => other !== stage).map((other) => `**/${other}/ui/**`),
              message: `A stage's ui is its own: read another cell's result through the notebook (readResult / useCellResult).`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx'],
    ignores: ['src/app/cells.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            workersOnlyAsTypes,
            {
              group: ['**/stages/*/ui/**'],
              message: "The shell imports a stage's ui only in the cell list (src/app/cells.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui-kit/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/stages/**',
                '**/app/**',
                '**/workers/**',
                '**/worker/**',
                '**/worker-kit/**',
                'comlink',
              ],
              message: 'The UI kit is a leaf: it imports no stage, no shell module and no worker.',
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
    // After the stage rules, so that a stage's worker/ gets these (they forbid every ui, its own too).
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
