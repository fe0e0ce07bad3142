import { defineConfig } from 'vitest/config';

// Synthesis is CPU-bound (esbuild, CloudFormation assembly): one file at a time, generous limits.
export default defineConfig({
  test: {
    name: 'cdk',
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
