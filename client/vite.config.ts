import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The client reads its endpoints at run time from /taskwire-outputs.json (served next to index.html by
// the launcher, copied into the build on AWS), so one build works locally and deployed.
export default defineConfig({
  plugins: [vue()],
  // aws-amplify's bundles refer to Node's `global` in a few places.
  define: { global: 'globalThis' },
  build: { target: 'es2022', chunkSizeWarningLimit: 600, sourcemap: false },
});
