import { defineConfig } from 'vitest/config';

// One `vitest run` runs every workspace: Taskwire's own tests (test/) and each package's (packages/*,
// with its own vitest.config.ts). Unit and integration tests run against the real local services
// (DynamoDB Local, cognito-local). The machine has 2 cores: keep the worker count small so Java and
// Node do not starve each other (maxWorkers applies to the whole run, across projects).
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      'packages/*/vitest.config.ts',
      'client/vitest.config.ts',
      'cdk/vitest.config.ts',
      {
        test: {
          name: 'taskwire',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', 'client/**', 'packages/**'],
          globalSetup: ['test/global-setup.ts'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
