// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Workflow code must be deterministic and I/O-free; domain/ is shared with it, so the same rules apply.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const deterministicImports = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: nodeBuiltins.map((name) => ({ name, message: 'No Node builtins in workflow or domain code (determinism, bundling).' })),
      patterns: [
        { group: ['@mikro-orm/*', 'pg', 'pg-*'], message: 'Database access belongs in activities.' },
        { group: ['**/activities', '**/activities/**'], allowTypeImports: true, message: 'Workflows may only `import type` activities.' },
        { group: ['**/db/**', '**/api/**', '**/worker/**', '**/scripts/**'], message: 'Workflow and domain code cannot reach the app layers.' },
      ],
    },
  ],
};
// Workflow code is instantiated once per cached ticket: no zod there (docs/decisions.md).
const workflowOnly = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: deterministicImports['@typescript-eslint/no-restricted-imports'][1].paths,
      patterns: [
        ...deterministicImports['@typescript-eslint/no-restricted-imports'][1].patterns,
        { group: ['zod', '**/ticket.schemas', '**/admin.schemas', '**/step.schemas', '**/plan.schemas'], allowTypeImports: true, message: 'No zod in workflow code (memory per cached workflow); use domain/step-checks.' },
      ],
    },
  ],
};

// One writer of ticket steps: the gateway sends every Update and writes the events it answered with.
const updateMethods = /^(executeUpdate|executeUpdateWithStart|startUpdate|startUpdateWithStart)$/;
const oneGateway = {
  'no-restricted-syntax': [
    'error',
    {
      selector: `MemberExpression[property.name=${updateMethods}]`,
      message: 'Ticket Updates go through api/workflow/ticket-gateway.ts, which writes the events they answer with; inspection Updates through api/workflow/inspection-gateway.ts.',
    },
  ],
};

// One harness: tests/ and bench/ share harness/, so neither imports the other (no cycle).
const fromTests = { group: ['**/tests', '**/tests/**'], message: 'Shared test helpers live in harness/: import them from there, not from tests/.' };
const fromBench = { group: ['**/bench', '**/bench/**'], message: 'Shared helpers and drills live in harness/: import them from there, not from bench/.' };
const importsOnly = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'admin-ui/dist/**', '.data/**', 'test-artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['**/*.ts'], ignores: ['api/workflow/ticket-gateway.ts', 'api/workflow/inspection-gateway.ts', 'bench/minimal.flow.ts', 'bench/engine/**'], rules: oneGateway },
  { files: ['domain/**/*.ts'], rules: deterministicImports },
  { files: ['workflows/**/*.ts'], rules: workflowOnly },
  { files: ['bench/**/*.ts', 'scripts/**/*.ts'], rules: importsOnly(fromTests) },
  { files: ['harness/**/*.ts'], rules: importsOnly(fromTests, fromBench) },
  { files: ['tests/**/*.ts'], rules: importsOnly(fromBench) },
  {
    files: ['admin-ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
