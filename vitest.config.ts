import { defineConfig } from 'vitest/config';

// Unit and integration tests run against the real local services (DynamoDB Local, cognito-local).
// The machine has 2 cores: keep the worker count small so Java and Node do not starve each other.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'client/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
