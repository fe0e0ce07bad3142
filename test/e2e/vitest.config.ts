import { defineConfig } from 'vitest/config';

// Browser tests: one file, steps in order, against a stack started the way `npm start` starts it.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
