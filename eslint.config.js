// Lint: ESLint's and typescript-eslint's recommended rules over all TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.wrangler/', 'src/generated/', 'bench/out/', 'tests/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off', // the text and validation modules match control characters on purpose
      'no-misleading-character-class': 'off', // Arabic mark classes are intended
    },
  },
  // Plain JavaScript run by Node before the project's Node is there (scripts/ensure-node.mjs).
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
