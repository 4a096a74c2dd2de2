// Lint is a gate: zero warnings. The domain core (libs/core) must stay framework-free.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // plain JavaScript is configuration or generated, except the console's browser modules (linted below)
  { ignores: ['dist/**', 'node_modules/**', '.mdm/**', 'coverage/**', '**/*.js', '!apps/api/console/**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['libs/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'kafkajs', 'pg', 'express'], message: 'The domain core is framework-free: no NestJS, TypeORM, kafkajs or database driver.' },
            { group: ['@mdm/persistence*', '@mdm/messaging*', '@mdm/infra*', '@mdm/settings*', '@mdm/golden*', '@mdm/observability*', '@mdm/verification*', '@mdm/engine/*', '@mdm/api/*'], message: 'The domain core depends on no adapter.' },
          ],
        },
      ],
    },
  },
  {
    // the steward console: ES modules run by the browser, no build step
    files: ['apps/api/console/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      ecmaVersion: 2022,
      globals: Object.fromEntries(
        ['window', 'document', 'location', 'history', 'fetch', 'URL', 'URLSearchParams', 'sessionStorage', 'localStorage', 'Intl', 'Node', 'HTMLElement', 'Event', 'setTimeout', 'clearTimeout', 'console'].map((name) => [name, 'readonly']),
      ),
    },
    rules: { 'no-console': 'error', eqeqeq: 'error', 'no-implicit-globals': 'error' },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
