// @ts-check
import eslint from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Type-checked rules over all TypeScript: above all no floating or misused promises (a promise
 * nobody awaits loses its error, and an async callback where a sync one is expected runs
 * unobserved). Formatting is Prettier's business, so the stylistic rules are off.
 */
export default tseslint.config(
  {
    ignores: ['dist/', '.data/', 'coverage/', 'node_modules/', '**/*.js', '**/*.cjs', '**/*.mjs', 'examples/generated/'],
  },
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Tests read untyped JSON responses; asserting on `any` there is the point, not a leak.
    files: ['**/test/**/*.ts', '**/*.spec.ts', '**/*.test.ts', 'test/**/*.ts', 'scripts/bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  { files: ['**/*.ts'], ...prettier },
  {
    // Relay's conventions over the client schema: connections, edges, pageInfo and paging arguments,
    // so Relay's @connection and refetchable fragments work as they expect.
    files: ['schema/api.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: 'schema/api.graphql' } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      '@graphql-eslint/relay-connection-types': 'error',
      '@graphql-eslint/relay-edge-types': [
        'error',
        {
          withEdgeSuffix: true,
          // Relay's connection spec lets an edge's node be any object; three are paged but never
          // refetched alone (a cart's lines, a customer's timeline, the stock ledger), so the rule
          // cannot demand Node of every edge. Every type `node(id:)` answers is a Node.
          shouldImplementNode: false,
          // Plain lists stay where a parent owns a short, bounded list (lines, userErrors, tags) and
          // beside `edges` on every connection (`nodes`, the Shopify shortcut); Relay reads `edges`.
          listTypeCanWrapOnlyEdgeType: false,
        },
      ],
      '@graphql-eslint/relay-page-info': 'error',
      '@graphql-eslint/relay-arguments': 'error',
    },
  },
);
