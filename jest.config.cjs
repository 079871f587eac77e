// One jest configuration with three projects (house test tiers):
//   unit   — *.spec.ts beside the code (pure domain + services with strict repository mocks)
//   medium — apps/*/test, libs/**/test: real PostgreSQL and real Kafka started once per run
//   e2e    — apps/platform-e2e: the whole stack booted and driven through the gateway
const { pathsToModuleNameMapper } = require('./deploy/scripts/jest-paths.cjs');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // NestJS 12 ships ES modules only; jest's CommonJS runtime needs them transformed too.
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@marcbachmann/cel-js|uid|file-type|strtok3|token-types|peek-readable|@tokenizer|load-esm|uint8array-extras)/)'],
  moduleNameMapper: pathsToModuleNameMapper(),
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/*/src/**/*.spec.ts', '<rootDir>/libs/**/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'medium',
      setupFilesAfterEnv: ['<rootDir>/libs/platform/testing/src/timeouts.cjs'],
      testMatch: ['<rootDir>/apps/*/test/**/*.spec.ts', '<rootDir>/libs/**/test/**/*.spec.ts'],
      globalSetup: '<rootDir>/libs/platform/testing/src/global-setup.cjs',
      globalTeardown: '<rootDir>/libs/platform/testing/src/global-teardown.cjs',
    },
    {
      ...common,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/libs/platform/testing/src/timeouts.cjs'],
      testMatch: ['<rootDir>/apps/platform-e2e/src/**/*.e2e.ts'],
      globalSetup: '<rootDir>/libs/platform/testing/src/global-setup.cjs',
      globalTeardown: '<rootDir>/libs/platform/testing/src/global-teardown.cjs',
    },
  ],
};
