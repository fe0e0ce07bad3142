import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  test: { name: 'client', environment: 'happy-dom', include: ['test/**/*.test.ts'], pool: 'threads', maxWorkers: 1 },
});
