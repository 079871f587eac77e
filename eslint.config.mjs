// House lint rules (STYLE.md rule 9): module boundaries with real scope/type tags, promise
// hygiene, exhaustive switches, zero warnings (`eslint --max-warnings=0`).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries. Production code: apps never import apps, a service reaches only its own
 * scope and the shared libraries, libraries never import apps, contracts import no database or
 * Kafka client. Test code (medium tests under test/, e2e) may also use the testing harness and
 * the local stack launcher (type:tooling).
 */
function boundaries(forTests) {
  const extra = forTests ? ['type:testing', 'type:tooling'] : [];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: [
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...extra] },
        { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing', 'type:tooling'] },
        { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...extra] },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
        { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
        {
          sourceTag: 'type:contracts',
          onlyDependOnLibsWithTags: ['type:contracts'],
          bannedExternalImports: ['typeorm', 'pg', 'kafkajs', '@nestjs/*', 'fastify', 'pino'],
        },
        ...['gateway', 'members', 'points', 'campaigns', 'feedback', 'notifications'].map((s) => ({
          sourceTag: `scope:${s}`,
          onlyDependOnLibsWithTags: [`scope:${s}`, 'scope:shared'],
        })),
      ],
    },
  ];
}

const FRAMEWORK = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', '@grpc/*', 'fastify', '@opentelemetry/*'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'tmp/**', '.data/**', '.nx/**', 'helm/**', 'libs/contracts/src/generated/**', '**/*.cjs', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@nx/enforce-module-boundaries': boundaries(false),
    },
  },
  {
    // Pure domain code: no framework, database, broker or transport imports.
    files: ['apps/*/src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: FRAMEWORK, message: 'domain/ is pure: no framework or I/O imports' }] }],
    },
  },
  {
    // Service code logs through the structured logger.
    files: ['apps/*/src/**/*.ts', 'libs/**/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'apps/platform-e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(true),
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
