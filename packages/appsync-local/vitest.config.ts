import { defineConfig } from 'vitest/config';

// The package's own tests. The machine has 2 cores: keep the worker count small.
export default defineConfig({
  test: {
    name: 'appsync-local',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
