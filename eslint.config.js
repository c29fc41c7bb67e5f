import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'coverage', 'dist'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The services are the only door to the data: pages, the API, the command line and the exports are handed
    // services by the composition root (src/composition-root.ts) and never reach the store themselves.
    files: ['src/web/**/*.ts', 'src/cli/**/*.ts', 'src/export/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)store/',
              message: 'Only the composition root opens the store: ask a service (src/services) instead.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportExpression[source.value=/(^|\\/)store\\//]",
          message: 'Only the composition root opens the store: ask a service (src/services) instead.',
        },
      ],
    },
  },
);
